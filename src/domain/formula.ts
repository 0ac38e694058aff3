/**
 * The little the adapter must know about formula text: where the A1 references are (outside string
 * literals), so that a formula can be recognised whatever cells it points at.
 */

/** `A1`, `$A1`, `A$1`, `$A$1`, not part of a longer name (`LOG10(`, `ABC12_x`, `Sheet1!`). */
const REF =
  /(?<![A-Za-z0-9_.$\u0080-\uFFFF])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!\u0080-\uFFFF])/g;

/** Applies `edit` to the formula's text outside string literals (`"…"`, with `""` escapes). */
function outsideStrings(formula: string, edit: (code: string) => string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const quote = formula.indexOf('"', i);
    if (quote < 0) {
      out += edit(formula.slice(i));
      break;
    }
    out += edit(formula.slice(i, quote));
    let end = quote + 1;
    for (;;) {
      const next = formula.indexOf('"', end);
      if (next < 0) {
        end = formula.length;
        break;
      }
      if (formula[next + 1] === '"') {
        end = next + 2;
        continue;
      }
      end = next + 1;
      break;
    }
    out += formula.slice(quote, end);
    i = end;
  }
  return out;
}

/**
 * The formula with every reference replaced by `#`, white space dropped and names upper-cased
 * (string literals kept as they are): two formulas that differ only in the cells they point at
 * have the same fingerprint.
 */
export function fingerprint(formula: string): string {
  const body = formula.trim().replace(/^=/, '');
  return outsideStrings(body, (code) =>
    code
      .replace(/'(?:[^']|'')*'!|[A-Za-z_\u0080-\uFFFF][\w.\u0080-\uFFFF]*!/g, '')
      .replace(REF, '#')
      .replace(/\s+/g, '')
      .toUpperCase(),
  );
}
