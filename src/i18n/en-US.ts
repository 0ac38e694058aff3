/** English UI strings, used when Office's display language is English. Same keys as zh-CN.ts. */
const enUS = {
  app: {
    title: 'Performance Target Assistant',
  },
  common: {
    dismiss: 'Dismiss',
    loadingView: 'Opening…',
  },
  commands: {
    bar: 'Commands',
    insertTemplate: 'Insert template',
    validate: 'Validate',
    totals: 'Totals',
    clearHighlights: 'Clear highlights',
  },
  tabs: {
    label: 'Views',
    findings: 'Findings',
    totals: 'Budgets',
    settings: 'Settings',
  },
  outside: {
    title: 'Open this in Excel',
    body: 'This is an Excel add-in for filling in and checking budget performance-target tables. It runs inside Excel; opened on its own in a browser it cannot read a workbook.',
    howTo:
      'In Excel: Home tab > Add-ins (or Insert > My Add-ins) > Performance Target Assistant. Desktop Excel can also add it from a shared-folder catalog.',
    noOfficeJs: "Office's script (office.js) did not load; the network may be blocking it.",
    preview:
      'No Excel at hand? Run npm start and open the preview.html page it prints to try everything on a simulated workbook.',
  },
  busy: {
    load: 'Reading the workbook…',
    insertTemplate: 'Inserting the template…',
    validate: 'Validating and highlighting…',
    totals: 'Writing the summary sheet…',
    clearHighlights: 'Clearing highlights…',
    fix: 'Changing the cell…',
    undo: 'Undoing the change…',
  },
  done: {
    insertTemplate: 'Inserted the new sheet "{{sheet}}", ready to fill in.',
    validate: 'Validation done (errors: {{errors}}, warnings: {{warnings}}); their cells are highlighted.',
    totals: 'Wrote the summary sheet "{{sheet}}"; its formulas follow the project tables.',
    clearHighlights: 'Removed every highlight the add-in added (your own formatting is untouched).',
  },
  error: {
    failed: 'The operation did not complete: {{message}}',
    unknown: 'Something went wrong. Please try again.',
    problem: 'Sheet "{{sheet}}" could not be read: {{message}}',
    workbookProblem: 'The workbook could not be read: {{message}}',
  },
  severity: {
    error: 'Errors',
    warning: 'Warnings',
    info: 'Notes',
  },
  verdict: {
    heading: 'Ready to submit?',
    ready: 'Ready to submit',
    blocked: 'Errors to fix before submitting: {{count}}',
    readyNote: 'No errors; have another look at the warnings and notes.',
    noTables:
      'This workbook has no performance-target table yet. Fill in your unit under Settings, then choose Insert template.',
    projectLeft: 'errors: {{errors}}, warnings: {{warnings}}',
  },
  findings: {
    heading: 'Findings',
    none: 'No findings.',
    workbook: 'Whole workbook',
    unnamed: 'Unnamed project',
    sheet: 'Sheet: {{sheet}}',
    groupCount: '{{label}} ({{count}})',
    cell: 'Cell {{cell}}',
    fix: 'Change to {{value}}',
    live: 'The list follows your typing; cells are highlighted when you choose Validate.',
    liveMarksOn: 'The list and the cell highlights follow your typing.',
    noEvents:
      'This version of Excel has no change events: choose Validate after editing to refresh the list.',
  },
  fixes: {
    heading: 'Recent changes',
    applied: '{{cell}} ({{sheet}}) changed to {{value}}',
    undo: 'Undo',
    undone: 'Restored what {{cell}} ({{sheet}}) held before.',
    changed: '{{cell}} ({{sheet}}) was edited after the change, so nothing was restored.',
  },
  totals: {
    heading: 'Project budgets',
    unit: 'Unit: 10,000 yuan',
    none: 'No project tables yet, nothing to total.',
    projects: 'Projects: {{count}}',
    all: 'All projects',
    total: 'Budget',
    fiscal: 'Fiscal funds',
    other: 'Other funds',
    plan: 'Planned spending (cumulative)',
    period0: 'By end of March',
    period1: 'By end of June',
    period2: 'By end of October',
    period3: 'By end of December',
    code: 'Code {{code}}',
    write: 'Write summary sheet',
    writeNote:
      "The summary sheet refers to each project's cells by formulas, so it stays right when the add-in is not running.",
  },
  settings: {
    template: 'New template',
    profile: 'Indicator profile',
    profileHint:
      'Sets the level-1 and level-2 indicator names. Automatic decides from each table; new tables use Hebei 2019.',
    profiles: {
      auto: 'Automatic',
      'hebei-2019': 'Hebei province table (2019)',
      'mof-2015': 'Ministry of Finance, Caiyu (2015) No. 88',
      'mof-2021': 'Ministry of Finance, Caiyu (2021) No. 101',
    },
    unitCode: 'Unit code',
    unitName: 'Unit name',
    projectName: 'New project name (optional)',
    projectNameHint: 'Names the new sheet and fills in the project name.',
    remembered: 'These settings are saved in this workbook and apply the next time it is opened.',
    marks: 'Highlights',
    liveMarks: 'Live highlights',
    liveMarksNote:
      'When on, the add-in re-highlights cells after every edit. Excel may clear its undo history after an add-in changes the workbook (Ctrl+Z can no longer undo earlier typing), so it is off by default; when off, the list still follows your typing and highlights are added when you choose Validate.',
    noConditionalFormats: 'This version of Excel has no conditional formats, so cells cannot be highlighted.',
  },
};
export default enUS;
