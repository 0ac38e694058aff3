import { parseA1, parseRangeA1, rangeA1, toA1 } from '../../src/domain/address';
import { cellAt, type Grid, type GridCell } from '../../src/domain/grid';
import {
  buildTemplate,
  LIST_SHEET,
  MARK_FILL,
  PLAN_PERIODS,
  sheetNameFor,
  SUMMARY_SHEET,
  TITLE,
  type ConditionalFormatSpec,
  type TemplateSpec,
} from '../../src/domain/layout';
import { getProfile, PROFILE_IDS, PROFILES } from '../../src/domain/taxonomy';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { templateGrid, type TableInput } from '../fixtures/table-builder';

const at = (spec: TemplateSpec, address: string) => {
  const { row, col } = parseA1(address);
  const cell = spec.cells.find((c) => c.row === row && c.col === col);
  if (!cell) throw new Error(`no template cell at ${address}`);
  return cell;
};

/** SPEC §1's table with its first row at sheet row r (1-based), as A1 addresses. */
function expectedLayout(r: number) {
  const a = (col: string, offset: number) => `${col}${r + offset}`;
  return {
    labels: {
      [a('A', 0)]: TITLE,
      [a('F', 1)]: '单位：万元',
      [a('A', 2)]: '项目编码',
      [a('D', 2)]: '项目名称',
      [a('A', 3)]: '预算规模及资金用途',
      [a('B', 3)]: '预算数',
      [a('D', 3)]: '其中：财政资金',
      [a('F', 3)]: '其他资金',
      [a('A', 5)]: '资金支出计划（%）',
      [a('B', 5)]: '3月底',
      [a('C', 5)]: '6月底',
      [a('D', 5)]: '10月底',
      [a('E', 5)]: '12月底',
      [a('A', 7)]: '绩效目标',
      [a('A', 8)]: '一级指标',
      [a('B', 8)]: '二级指标',
      [a('C', 8)]: '三级指标',
      [a('D', 8)]: '绩效指标描述',
      [a('F', 8)]: '指标值',
      [a('G', 8)]: '指标值确定依据',
    },
    merges: [
      `${a('A', 0)}:${a('G', 0)}`,
      `${a('A', 1)}:${a('E', 1)}`,
      `${a('F', 1)}:${a('G', 1)}`,
      `${a('B', 2)}:${a('C', 2)}`,
      `${a('E', 2)}:${a('G', 2)}`,
      `${a('A', 3)}:${a('A', 4)}`,
      `${a('B', 4)}:${a('G', 4)}`,
      `${a('A', 5)}:${a('A', 6)}`,
      `${a('F', 5)}:${a('G', 6)}`,
      `${a('B', 7)}:${a('G', 7)}`,
      `${a('D', 8)}:${a('E', 8)}`,
    ],
    roles: {
      unitLine: a('A', 1),
      code: a('B', 2),
      name: a('E', 2),
      budgetTotal: a('C', 3),
      budgetFiscal: a('E', 3),
      budgetOther: a('G', 3),
      usage: a('B', 4),
      plan1: a('B', 6),
      plan2: a('C', 6),
      plan3: a('D', 6),
      plan4: a('E', 6),
      goal: a('B', 7),
      level1: a('A', 9),
      level2: a('B', 9),
      indicatorName: a('C', 9),
      description: a('D', 9),
      value: a('F', 9),
      basis: a('G', 9),
    },
  };
}

describe.each([1, 21])('the standard table at row %i', (r) => {
  const spec = buildTemplate({
    profile: 'hebei-2019',
    top: r - 1,
    unitCode: '207002',
    unitName: '某某局',
    projectName: '值班接访',
  });
  const expected = expectedLayout(r);

  test('labels sit at the addresses of SPEC §1, bold, locked', () => {
    for (const [address, text] of Object.entries(expected.labels)) {
      const cell = at(spec, address);
      expect([address, cell.value]).toEqual([address, text]);
      expect(cell.locked).toBe(true);
      if (address !== `A${r}`) expect(cell.style.bold || cell.value === '单位：万元').toBe(true);
    }
  });

  test('merges are exactly those of SPEC §1 plus one 描述 merge per indicator row', () => {
    const merges = spec.merges.map(rangeA1);
    const indicatorMerges = getProfile('hebei-2019')
      .level1.flatMap((l) => l.level2)
      .map((_, i) => `D${r + 9 + i}:E${r + 9 + i}`);
    expect(merges.sort()).toEqual([...expected.merges, ...indicatorMerges].sort());
  });

  test('roles point at the input cells, which are unlocked', () => {
    expect(spec.roles).toEqual(expected.roles);
    for (const address of Object.values(spec.roles)) expect(at(spec, address).locked).toBe(false);
    expect(at(spec, spec.roles.unitLine).value).toBe('207002某某局');
    expect(at(spec, spec.roles.name).value).toBe('值班接访');
  });

  test('money and plan cells are numbers (0.00), everything else text (@)', () => {
    const numeric = new Set([
      `C${r + 3}`,
      `E${r + 3}`,
      `G${r + 3}`,
      `B${r + 6}`,
      `C${r + 6}`,
      `D${r + 6}`,
      `E${r + 6}`,
    ]);
    for (const cell of spec.cells) {
      const address = toA1(cell.row, cell.col);
      expect([address, cell.numberFormat]).toEqual([address, numeric.has(address) ? '0.00' : '@']);
    }
  });

  test('one indicator row per 二级 of the profile, 一级 and 二级 filled, the rest empty', () => {
    const rows = getProfile('hebei-2019').level1.flatMap((l1) => l1.level2.map((l2) => [l1.name, l2.name]));
    expect(spec.indicatorBlock).toEqual({ headerRow: r + 7, firstRow: r + 8, lastRow: r + 7 + rows.length });
    rows.forEach(([l1, l2], i) => {
      expect(at(spec, `A${r + 9 + i}`)).toMatchObject({ value: l1, role: 'level1', locked: false });
      expect(at(spec, `B${r + 9 + i}`)).toMatchObject({ value: l2, role: 'level2' });
      expect(at(spec, `C${r + 9 + i}`).value).toBeUndefined();
      expect(at(spec, `F${r + 9 + i}`)).toMatchObject({ role: 'value', numberFormat: '@' });
    });
    expect(spec.bottom).toBe(r + 7 + rows.length);
  });

  test('the table is bordered in 宋体, the lines above it are not; print is A4 portrait one page wide', () => {
    expect(spec.cells).toHaveLength(7 * (spec.bottom - spec.top + 1));
    expect(spec.cells.every((c) => c.style.font === '宋体')).toBe(true);
    const above = (c: { row: number }) => c.row <= spec.top + 1;
    expect(spec.cells.filter((c) => !above(c)).every((c) => c.style.border)).toBe(true);
    expect(spec.cells.filter(above).some((c) => c.style.border)).toBe(false);
    // Text keeps its distance from the border; the title has no year unless one is set.
    expect(at(spec, `B${r + 4}`).style.indent).toBe(1);
    expect(at(spec, `A${r}`).value).toBe('项目绩效目标表');
    expect(spec.extraCells).toEqual([]);
    const signed = buildTemplate({ profile: 'hebei-2019', top: r - 1, year: '2026', signature: true });
    expect(at(signed, `A${r}`).value).toBe('2026年度项目绩效目标表');
    expect(signed.extraCells.map((c) => [c.row, c.value])).toEqual([
      [signed.bottom + 1, expect.stringMatching(/^填报人：\s+联系电话：\s+填报日期：$/)],
    ]);
    expect(spec.print).toEqual({
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: 1,
      fitToHeight: 0,
      centerHorizontally: true,
    });
    expect(spec.columnWidths).toHaveLength(7);
    expect(at(spec, `B${r + 4}`).style.wrap).toBe(true);
    expect(at(spec, `B${r + 7}`).style.wrap).toBe(true);
  });
});

test('mof-2021 gets its own 一级/二级 rows and dropdown lists', () => {
  const spec = buildTemplate({ profile: 'mof-2021' });
  expect(spec.indicatorBlock.lastRow - spec.indicatorBlock.firstRow + 1).toBe(11);
  expect(at(spec, 'A13').value).toBe('成本指标');
  const level1 = spec.lists.find((l) => l.name === 'mof_2021_一级指标');
  expect(level1?.values).toEqual(['产出指标', '成本指标', '效益指标', '满意度指标']);
  expect(spec.lists.find((l) => l.name === 'mof_2021_成本指标')?.values).toEqual([
    '经济成本指标',
    '社会成本指标',
    '生态环境成本指标',
  ]);
});

test('an explicit number of indicator rows, and a template at another column', () => {
  const spec = buildTemplate({ profile: 'hebei-2019', indicatorRows: 2, left: 3 });
  expect(spec.indicatorBlock).toEqual({ headerRow: 8, firstRow: 9, lastRow: 10 });
  expect(spec.roles.code).toBe('E3');
  expect(spec.roles.value).toBe('I10');
  expect(rangeA1({ top: spec.top, left: spec.left, bottom: spec.bottom, right: spec.right })).toBe('D1:J11');
});

test('dropdowns: 一级 from the profile, 二级 dependent on 一级 via named lists, 依据 suggestions, no error alerts', () => {
  const spec = buildTemplate({ profile: 'hebei-2019' });
  expect(spec.dataValidations).toEqual([
    { range: 'A10:A18', list: '=hebei_2019_一级指标', showErrorAlert: false },
    {
      range: 'B10:B18',
      list: '=INDIRECT("hebei_2019_"&SUBSTITUTE(SUBSTITUTE($A10," ",""),"\u3000",""))',
      showErrorAlert: false,
    },
    { range: 'G10:G18', list: '=basis_suggestions', showErrorAlert: false },
  ]);
  const names = spec.lists.map((l) => l.name);
  expect(names).toEqual(
    expect.arrayContaining([
      'hebei_2019_一级指标',
      'hebei_2019_产出指标',
      'hebei_2019_效果指标',
      'hebei_2019_效益指标',
      'hebei_2019_满意度指标',
      'basis_suggestions',
    ]),
  );
  expect(new Set(names).size).toBe(names.length);
  for (const name of names) expect(name).toMatch(/^[\p{L}_][\p{L}\p{N}_.]*$/u);
  expect(spec.lists.find((l) => l.name === 'hebei_2019_效果指标')?.values).toEqual([
    '经济效益指标',
    '社会效益指标',
    '生态效益指标',
    '可持续影响指标',
  ]);
});

describe('sheetNameFor', () => {
  test('removes the characters Excel forbids and keeps 31 characters', () => {
    expect(sheetNameFor('群众[工作]:中心*运行?/\\', [])).toBe('群众工作中心运行');
    expect([...sheetNameFor('一'.repeat(40), [])]).toHaveLength(31);
  });
  test('is unique against existing sheets, case-insensitively, and never takes the add-in sheets', () => {
    expect(sheetNameFor('值班接访', ['值班接访'])).toBe('值班接访 (2)');
    expect(sheetNameFor('值班接访', ['值班接访', '值班接访 (2)'])).toBe('值班接访 (3)');
    expect(sheetNameFor('Sheet1', ['sheet1'])).toBe('Sheet1 (2)');
    expect(sheetNameFor(SUMMARY_SHEET, [])).toBe(`${SUMMARY_SHEET} (2)`);
    expect(sheetNameFor(LIST_SHEET, [])).not.toBe(LIST_SHEET);
    const long = '二'.repeat(31);
    const second = sheetNameFor(long, [long]);
    expect([...second]).toHaveLength(31);
    expect(second.endsWith(' (2)')).toBe(true);
  });
  test('falls back to 项目1, 项目2 … for a name with nothing usable', () => {
    expect(sheetNameFor('', [])).toBe('项目1');
    expect(sheetNameFor(' []*? ', ['项目1'])).toBe('项目2');
    expect(sheetNameFor("'", [])).toBe('项目1');
  });
});

// ---------------------------------------------------------------------------------------------
// The template's own highlighting: each formula is checked against the HELPERS.md subset and then
// evaluated, cell by cell, the way Excel applies a conditional format to its range.

const ALLOWED = new Set([
  'SUM',
  'IF',
  'AND',
  'OR',
  'NOT',
  'ISNUMBER',
  'ISTEXT',
  'ISBLANK',
  'ISERROR',
  'IFERROR',
  'VALUE',
  'N',
  'LEN',
  'TRIM',
  'LEFT',
  'RIGHT',
  'MID',
  'FIND',
  'SEARCH',
  'SUBSTITUTE',
  'ABS',
  'ROUND',
  'MAX',
  'MIN',
  'COUNTIF',
]);

type Token = { t: 'num' | 'str' | 'ref' | 'fn' | 'bool' | 'op' | '(' | ')' | ','; v: string };

function tokenize(f: string): Token[] {
  const out: Token[] = [];
  const re =
    /\s*(?:("(?:[^"]|"")*")|(\d+(?:\.\d+)?)|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(])|([A-Z][A-Z0-9.]*)\s*\(|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/^&=<>])|([(),]))/y;
  let i = 0;
  while (i < f.length) {
    re.lastIndex = i;
    const m = re.exec(f);
    if (!m) throw new Error(`outside the subset at ${i}: ${f.slice(i, i + 20)}`);
    if (m[1]) out.push({ t: 'str', v: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[2]) out.push({ t: 'num', v: m[2] });
    else if (m[3]) out.push({ t: 'ref', v: m[3] });
    else if (m[4]) {
      if (!ALLOWED.has(m[4])) throw new Error(`function outside the subset: ${m[4]}`);
      out.push({ t: 'fn', v: m[4] }, { t: '(', v: '(' });
    } else if (m[5]) out.push({ t: 'bool', v: m[5] });
    else if (m[6]) out.push({ t: 'op', v: m[6] });
    else out.push({ t: m[7] as '(' | ')' | ',', v: m[7] });
    i = re.lastIndex;
  }
  return out;
}

class XlError {
  constructor(readonly code: string) {}
}
type Scalar = number | string | boolean | null | XlError;
type Val = Scalar | { range: Scalar[] };
type Node = (ctx: (row: number, col: number) => Scalar, dr: number, dc: number) => Val;

function parse(formula: string): Node {
  const tokens = tokenize(formula);
  let p = 0;
  const peek = () => tokens[p];
  const take = () => tokens[p++];
  const binary =
    (ops: string[], next: () => Node): (() => Node) =>
    () => {
      let left = next();
      while (peek()?.t === 'op' && ops.includes(peek().v)) {
        const op = take().v;
        const l = left;
        const r = next();
        left = (ctx, dr, dc) => applyOp(op, scalar(l(ctx, dr, dc)), scalar(r(ctx, dr, dc)));
      }
      return left;
    };
  const primary = (): Node => {
    const tok = take();
    if (!tok) throw new Error('unexpected end');
    if (tok.t === 'op' && (tok.v === '-' || tok.v === '+')) {
      const inner = power();
      return (ctx, dr, dc) => {
        const v = toNumber(scalar(inner(ctx, dr, dc)));
        return v instanceof XlError ? v : tok.v === '-' ? -v : v;
      };
    }
    if (tok.t === 'num') return () => Number(tok.v);
    if (tok.t === 'str') return () => tok.v;
    if (tok.t === 'bool') return () => tok.v === 'TRUE';
    if (tok.t === 'ref') return refNode(tok.v);
    if (tok.t === '(') {
      const inner = comparison();
      expect(take().t).toBe(')');
      return inner;
    }
    if (tok.t === 'fn') {
      take();
      const args: Node[] = [];
      if (peek().t !== ')') {
        args.push(comparison());
        while (peek().t === ',') {
          take();
          args.push(comparison());
        }
      }
      expect(take().t).toBe(')');
      return fnNode(tok.v, args);
    }
    throw new Error(`unexpected ${tok.v}`);
  };
  const power = binary(['^'], primary);
  const product = binary(['*', '/'], power);
  const sum = binary(['+', '-'], product);
  const concat = binary(['&'], sum);
  const comparison = binary(['=', '<>', '<', '>', '<=', '>='], concat);
  const root = comparison();
  if (p !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
  return root;
}

function refNode(text: string): Node {
  const shift = (ref: string, dr: number, dc: number) => {
    const m = /^(\$?)([A-Z]+)(\$?)(\d+)$/.exec(ref) as RegExpExecArray;
    const { row, col } = parseA1(`${m[2]}${m[4]}`);
    return { row: m[3] ? row : row + dr, col: m[1] ? col : col + dc };
  };
  const [a, b] = text.split(':');
  return (ctx, dr, dc) => {
    const p = shift(a, dr, dc);
    if (!b) return ctx(p.row, p.col);
    const q = shift(b, dr, dc);
    const range: Scalar[] = [];
    for (let row = p.row; row <= q.row; row++)
      for (let col = p.col; col <= q.col; col++) range.push(ctx(row, col));
    return { range };
  };
}

const isErr = (v: unknown): v is XlError => v instanceof XlError;
function scalar(v: Val): Scalar {
  return v !== null && typeof v === 'object' && 'range' in v ? (v.range[0] ?? null) : v;
}
function toNumber(v: Scalar): number | XlError {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = parseNumericText(v);
  return n === undefined ? new XlError('#VALUE!') : n;
}
function parseNumericText(s: string): number | undefined {
  const m = /^\s*([-+]?\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(s);
  if (!m) return undefined;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}
function toText(v: Scalar): string | XlError {
  if (isErr(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}
function toBool(v: Scalar): boolean | XlError {
  if (isErr(v)) return v;
  if (typeof v === 'string') return new XlError('#VALUE!');
  return Boolean(v);
}
function applyOp(op: string, a: Scalar, b: Scalar): Scalar {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (op === '&') return `${toText(a) as string}${toText(b) as string}`;
  if (['+', '-', '*', '/', '^'].includes(op)) {
    const x = toNumber(a);
    const y = toNumber(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    if (op === '/' && y === 0) return new XlError('#DIV/0!');
    return op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x ** y;
  }
  const rank = (v: Scalar) => (typeof v === 'boolean' ? 2 : typeof v === 'string' ? 1 : 0);
  const na = a === null ? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0) : a;
  const nb = b === null ? (typeof na === 'string' ? '' : typeof na === 'boolean' ? false : 0) : b;
  let c: number;
  if (rank(na) !== rank(nb)) c = rank(na) - rank(nb);
  else if (typeof na === 'string') c = na.toLowerCase().localeCompare((nb as string).toLowerCase());
  else c = Number(na) - Number(nb);
  return op === '='
    ? c === 0
    : op === '<>'
      ? c !== 0
      : op === '<'
        ? c < 0
        : op === '>'
          ? c > 0
          : op === '<='
            ? c <= 0
            : c >= 0;
}

function fnNode(name: string, args: Node[]): Node {
  return (ctx, dr, dc) => {
    const ev = (i: number): Scalar => scalar(args[i](ctx, dr, dc));
    const txt = (i: number) => toText(ev(i));
    const num = (i: number) => toNumber(ev(i));
    const all = () =>
      args.flatMap((a) => {
        const v = a(ctx, dr, dc);
        return v !== null && typeof v === 'object' && 'range' in v
          ? v.range.filter((x) => typeof x === 'number' || isErr(x))
          : [v];
      });
    switch (name) {
      case 'IF': {
        const c = toBool(ev(0));
        if (isErr(c)) return c;
        return c ? ev(1) : args[2] ? ev(2) : false;
      }
      case 'IFERROR': {
        const v = ev(0);
        return isErr(v) ? ev(1) : v;
      }
      case 'AND':
      case 'OR': {
        const vs = args.map((_, i) => toBool(ev(i)));
        const e = vs.find(isErr);
        if (e) return e;
        return name === 'AND' ? vs.every(Boolean) : vs.some(Boolean);
      }
      case 'NOT': {
        const v = toBool(ev(0));
        return isErr(v) ? v : !v;
      }
      case 'ISNUMBER':
        return typeof ev(0) === 'number';
      case 'ISTEXT':
        return typeof ev(0) === 'string';
      case 'ISBLANK':
        return ev(0) === null;
      case 'ISERROR':
        return isErr(ev(0));
      case 'N': {
        const v = ev(0);
        return typeof v === 'number' ? v : isErr(v) ? v : typeof v === 'boolean' ? Number(v) : 0;
      }
      case 'VALUE': {
        const v = ev(0);
        if (typeof v === 'number' || isErr(v)) return v;
        const n = parseNumericText(toText(v) as string);
        return n === undefined ? new XlError('#VALUE!') : n;
      }
      case 'LEN': {
        const s = txt(0);
        return isErr(s) ? s : [...s].length;
      }
      case 'TRIM': {
        const s = txt(0);
        return isErr(s) ? s : s.replace(/ +/g, ' ').trim();
      }
      case 'LEFT':
      case 'RIGHT': {
        const s = txt(0);
        const n = args[1] ? num(1) : 1;
        if (isErr(s)) return s;
        if (isErr(n)) return n;
        const chars = [...s];
        return name === 'LEFT'
          ? chars.slice(0, n).join('')
          : chars.slice(Math.max(0, chars.length - n)).join('');
      }
      case 'MID': {
        const s = txt(0);
        const start = num(1);
        const n = num(2);
        if (isErr(s)) return s;
        if (isErr(start)) return start;
        if (isErr(n)) return n;
        if (start < 1 || n < 0) return new XlError('#VALUE!');
        return [...s].slice(start - 1, start - 1 + n).join('');
      }
      case 'FIND':
      case 'SEARCH': {
        const needle = txt(0);
        const hay = txt(1);
        if (isErr(needle)) return needle;
        if (isErr(hay)) return hay;
        const i = name === 'FIND' ? hay.indexOf(needle) : hay.toLowerCase().indexOf(needle.toLowerCase());
        return i < 0 ? new XlError('#VALUE!') : [...hay.slice(0, i)].length + 1;
      }
      case 'SUBSTITUTE': {
        const s = txt(0);
        const from = txt(1);
        const to = txt(2);
        if (isErr(s)) return s;
        if (isErr(from)) return from;
        if (isErr(to)) return to;
        return from === '' ? s : s.split(from).join(to);
      }
      case 'ABS': {
        const n = num(0);
        return isErr(n) ? n : Math.abs(n);
      }
      case 'MAX':
      case 'MIN':
      case 'SUM': {
        const vs = all().map(toNumber);
        const e = vs.find(isErr);
        if (e) return e;
        const ns = vs as number[];
        if (name === 'SUM') return ns.reduce((x, y) => x + y, 0);
        if (!ns.length) return 0;
        return name === 'MAX' ? Math.max(...ns) : Math.min(...ns);
      }
      default:
        throw new Error(`not evaluated here: ${name}`);
    }
  };
}

/** The cells of `grid` a conditional format fills (its formula TRUE there), as A1 addresses. */
function filledCells(grid: Grid, formats: ConditionalFormatSpec[]): string[] {
  const ctx = (row: number, col: number): Scalar => {
    const cell: GridCell | undefined = cellAt(grid, row, col);
    if (!cell || cell.value === null) return null;
    return cell.error ? new XlError(String(cell.value)) : cell.value;
  };
  const out = new Set<string>();
  for (const cf of formats) {
    const node = parse(cf.formula);
    const r = parseRangeA1(cf.range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const v = scalar(node(ctx, row - r.top, col - r.left));
        if (v === true || (typeof v === 'number' && v !== 0)) out.add(`${toA1(row, col)} ${cf.rule}`);
      }
  }
  return [...out].sort();
}

describe("the template's own highlighting rules", () => {
  const spec = buildTemplate({ profile: 'hebei-2019' });
  const marks = (input: TableInput) => filledCells(templateGrid('t', input), spec.conditionalFormats);

  test('cover the SPEC §1 checks, in red, with formulas from the subset only', () => {
    expect(spec.conditionalFormats.map((c) => [c.rule, c.range])).toEqual([
      ['plan/not-number', 'B7:E7'],
      ['plan/out-of-range', 'B7:E7'],
      ['plan/decreasing', 'C7:E7'],
      ['plan/not-complete', 'E7'],
      ['budget/sum-mismatch', 'C4'],
      ['indicator/rate-out-of-range', 'F10:F18'],
      ['indicator/unit-mismatch', 'F10:F18'],
    ]);
    for (const cf of spec.conditionalFormats) {
      expect(cf.fill).toBe(MARK_FILL.error);
      expect(() => parse(cf.formula)).not.toThrow();
      const functions = tokenize(cf.formula)
        .filter((t) => t.t === 'fn')
        .map((t) => t.v);
      expect(functions.filter((f) => !ALLOWED.has(f))).toEqual([]);
      expect(cf.formula.length).toBeLessThan(8192);
    }
  });

  test('the subset check rejects a function outside it', () => {
    expect(() => tokenize('ISNUMBER(INDIRECT("A1"))')).toThrow(/INDIRECT/);
    expect(() => tokenize('SUMPRODUCT(A1:A3)')).toThrow(/SUMPRODUCT/);
  });

  test('an empty new template shows no red at all', () => {
    const grid = templateGrid('t', {});
    expect(filledCells(grid, spec.conditionalFormats)).toEqual([]);
  });

  test("the seed's tables show red only on the 处理率 given in 万元", () => {
    const grids = seedStandardGrids();
    const red = grids.flatMap((g) =>
      filledCells(g, buildTemplate({ profile: 'hebei-2019' }).conditionalFormats).map(
        (m) => `${g.sheet}!${m}`,
      ),
    );
    expect(red).toEqual(['驻京值班!F13 indicator/unit-mismatch']);
  });

  test('plan cells: not numbers, outside 0–100, decreasing, 12月底 ≠ 100', () => {
    expect(marks({ plan: [20, '二十', 50, 100] })).toEqual(['C7 plan/not-number']);
    expect(marks({ plan: [20, { value: '#REF!', error: true }, 50, 100] })).toEqual(['C7 plan/not-number']);
    expect(marks({ plan: [20, '50.00', 80, 100] })).toEqual([]);
    expect(marks({ plan: [-5, 50, 80, 100] })).toEqual(['B7 plan/out-of-range']);
    expect(marks({ plan: [20, 50, 120, 100] })).toEqual(['D7 plan/out-of-range', 'E7 plan/decreasing']);
    expect(marks({ plan: [30, 20, 80, 100] })).toEqual(['C7 plan/decreasing']);
    expect(marks({ plan: [30, null, 20, 100] })).toEqual(['D7 plan/decreasing']);
    expect(marks({ plan: [20, 50, 80, 90] })).toEqual(['E7 plan/not-complete']);
    expect(marks({ plan: [null, null, null, 100] })).toEqual([]);
  });

  test('预算数 ≠ 财政资金 + 其他资金 (empty 其他 = 0), to half a cent', () => {
    expect(marks({ total: 10, fiscal: 10 })).toEqual([]);
    expect(marks({ total: 10, fiscal: 8 })).toEqual(['C4 budget/sum-mismatch']);
    expect(marks({ total: 10, fiscal: 8, other: 2 })).toEqual([]);
    expect(marks({ total: 0.3, fiscal: 0.1, other: 0.2 })).toEqual([]);
    expect(marks({ total: 10, fiscal: 8, other: 2.01 })).toEqual(['C4 budget/sum-mismatch']);
    expect(marks({ total: 10 })).toEqual([]);
  });

  test('a percent above 100 (or below 0) in a 指标值 cell', () => {
    const one = (value: string) =>
      marks({ indicators: [{ level1: '产出指标', level2: '质量指标', name: '合格率', value }] });
    expect(one('≥292%')).toEqual(['F10 indicator/rate-out-of-range']);
    expect(one('不低于100.5％')).toEqual(['F10 indicator/rate-out-of-range']);
    expect(one('＝100%')).toEqual([]);
    expect(one('≥ 95 %')).toEqual([]);
    expect(one('95%以上')).toEqual([]);
    expect(one('≤500件')).toEqual(['F10 indicator/unit-mismatch']);
    expect(one('明显提升')).toEqual([]);
  });

  test('a rate or 满意度 name with a money or count unit', () => {
    const one = (name: string, value: string) =>
      marks({ indicators: [{ level1: '效果指标', level2: '社会效益指标', name, value }] });
    expect(one('到京信访事件处理率', '≤20万元')).toEqual(['F10 indicator/unit-mismatch']);
    expect(one('信访人满意度', '≥30人')).toEqual(['F10 indicator/unit-mismatch']);
    expect(one('信访人满意度', '≥30人次')).toEqual(['F10 indicator/unit-mismatch']);
    expect(one('信访人满意度', '≥90%')).toEqual([]);
    expect(one('信访人数', '≥30人')).toEqual([]);
    expect(one('劝返信访经费开支', '≤33万元')).toEqual([]);
    expect(one('处理率', '有效处理每一件')).toEqual([]);
  });

  test('a template further down the sheet shifts every formula with it', () => {
    const down = buildTemplate({ profile: 'hebei-2019', top: 20 });
    const grid = templateGrid('t', { total: 10, fiscal: 8, plan: [20, 10, 80, 90] }, { top: 20 });
    expect(filledCells(grid, down.conditionalFormats)).toEqual([
      'C24 budget/sum-mismatch',
      'C27 plan/decreasing',
      'E27 plan/not-complete',
    ]);
    expect(PLAN_PERIODS).toHaveLength(4);
  });
});

describe('profile ids', () => {
  it('are every profile of the taxonomy, in its order', () => {
    expect(PROFILE_IDS).toEqual(Object.keys(PROFILES));
  });
});
