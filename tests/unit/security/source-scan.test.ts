/**
 * SPEC §8: cell text is never executed. The surest way to keep it so is that nothing in the add-in
 * can execute a string: no eval, no Function constructor, no string timers, and no way to turn a
 * string into HTML (innerHTML, React's dangerouslySetInnerHTML, document.write). Every file under
 * src/ is scanned, comments included, so that even an example in a comment is caught and reworded.
 */

import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', '..', 'src');

/** What turns a string into code or markup, with the name the failure message uses. */
const FORBIDDEN: [string, RegExp][] = [
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function(string)', /(?<![\w.$])Function\s*\(\s*['"`]/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['innerHTML / outerHTML', /\.(?:inner|outer)HTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['iframe srcdoc', /\bsrcdoc\b/i],
  ['javascript: URL', /javascript\s*:/i],
];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.(?:[cm]?[jt]sx?|html)$/.test(entry.name) ? [full] : [];
  });
}

/** `file:line: what` for every forbidden construct in the text. */
function violations(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [what, pattern] of FORBIDDEN) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}`);
  });
  return found;
}

describe('the source scan', () => {
  test('catches each way of executing a string, and leaves ordinary code alone', () => {
    const caught = [
      'eval(text)',
      'window.eval (text)',
      'new Function("return 1")',
      "Function('a', 'return a')",
      "setTimeout('alert(1)', 0)",
      'el.innerHTML = cell.text',
      'el.outerHTML += x',
      "el.insertAdjacentHTML('beforeend', x)",
      '<div dangerouslySetInnerHTML={{ __html: x }} />',
      'document.write(x)',
      'document.writeln(x)',
      'range.createContextualFragment(x)',
      "new DOMParser().parseFromString(x, 'text/html')",
      '<iframe srcdoc={x} />',
      "<a href='javascript:alert(1)'>",
    ];
    for (const line of caught) expect(violations('x.ts', line).length).toBeGreaterThan(0);
    const fine = [
      'const evaluate = (f) => evaluator.run(f);',
      'setTimeout(fire, this.debounceMs);',
      'if (typeof value === "function") value();',
      'const text = cell.innerText ?? cell.textContent;',
      'retrieval(x); medieval(y);',
      'isFunction(x)',
    ];
    for (const line of fine) expect(violations('x.ts', line)).toEqual([]);
  });
});

describe('src/', () => {
  const files = filesUnder(SRC);

  test('holds the add-in’s code (the scan looks at something)', () => {
    const relative = files.map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    expect(relative).toEqual(
      expect.arrayContaining([
        'taskpane/App.tsx',
        'taskpane/taskpane.html',
        'excel/index.ts',
        'domain/reader.ts',
      ]),
    );
  });

  test('never turns a string into code or markup', () => {
    const found = files.flatMap((file) =>
      violations(path.relative(SRC, file), fs.readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
