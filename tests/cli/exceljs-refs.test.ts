/**
 * The guard's reading of references (src/cli/exceljs-refs.ts) must agree with exceljs's own, or a
 * spelling exceljs expands and the guard does not would walk around it. Random references from the
 * characters that matter are fed to both; exceljs's internals are required directly for this.
 */

import fc from 'fast-check';
import {
  boxCost,
  columnsBuilt,
  decodeEx,
  definedNameCost,
  extractRanges,
  mergeBox,
} from '../../src/cli/exceljs-refs';

/* eslint-disable @typescript-eslint/no-require-imports */
const colCache = require('exceljs/lib/utils/col-cache') as { decodeEx(s: string): Record<string, unknown> };
const Range = require('exceljs/lib/doc/range') as new (ref: string) => {
  top: number;
  left: number;
  bottom: number;
  right: number;
};
const Column = require('exceljs/lib/doc/column') as {
  fromModel(ws: unknown, cols: { min: number; max: number }[]): unknown[] | null;
};
const DefinedNameXform = require('exceljs/lib/xlsx/xform/book/defined-name-xform') as new () => {
  parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
  parseText(text: string): void;
  parseClose(): boolean;
  model: { name: string; ranges: string[] };
};
const DefinedNames = require('exceljs/lib/doc/defined-names') as new () => {
  model: { name: string; ranges: string[] }[];
  matrixMap: Record<string, { forEach(cb: () => void): void }>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const outcome = <T>(f: () => T): T | 'throws' => {
  try {
    return f();
  } catch {
    return 'throws';
  }
};

/** References made of what the parsers care about, kept small so exceljs can expand them in a test. */
const reference = fc
  .array(
    fc.constantFrom(
      'A',
      'B',
      'C',
      'Z',
      'X',
      'F',
      'D',
      'a',
      '$',
      '$',
      '1',
      '2',
      '9',
      '0',
      ':',
      ':',
      '!',
      "'",
      ',',
      ' ',
      '#',
      'S',
    ),
    { maxLength: 14 },
  )
  .map((chars) => chars.join(''));
const SMALL = 20_000;
const runs = { numRuns: 3_000, seed: 20_260_412 };

describe('exceljs references, read as exceljs reads them', () => {
  test('decodeEx: the same box, address or failure', () => {
    fc.assert(
      fc.property(reference, (ref) => {
        const ours = outcome(() => decodeEx(ref));
        const theirs = outcome(() => colCache.decodeEx(ref));
        if (ours === 'throws' || theirs === 'throws') return expect(ours).toBe(theirs);
        for (const key of ['top', 'left', 'bottom', 'right', 'row', 'col', 'error'] as const) {
          expect((ours as Record<string, unknown>)[key]).toEqual(theirs[key]);
        }
      }),
      runs,
    );
  });

  test('merged areas: the same rectangle exceljs fills', () => {
    fc.assert(
      fc.property(reference, (ref) => {
        const ours = outcome(() => mergeBox(ref));
        const theirs = outcome(() => {
          const r = new Range(ref);
          return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
        });
        expect(ours).toEqual(theirs);
      }),
      runs,
    );
  });

  test('defined names: the same ranges, and at least as many cells as exceljs indexes', () => {
    const texts = fc.array(reference, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(','));
    fc.assert(
      fc.property(texts, (text) => {
        const xform = new DefinedNameXform();
        xform.parseOpen({ name: 'definedName', attributes: { name: 'n' } });
        xform.parseText(text);
        xform.parseClose();
        expect(extractRanges(text)).toEqual(xform.model.ranges);
        const cost = definedNameCost('n', text);
        if (cost > SMALL) return;
        const names = new DefinedNames();
        names.model = [xform.model];
        let indexed = 0;
        names.matrixMap.n.forEach(() => indexed++);
        expect(cost).toBeGreaterThanOrEqual(indexed);
      }),
      runs,
    );
  });

  test('column definitions: the same number of columns built', () => {
    const bound = fc.oneof(
      fc.integer({ min: -3, max: 300 }).map(String),
      fc.constantFrom('', 'x', ' 7', '1e3'),
    );
    fc.assert(
      fc.property(fc.option(bound, { nil: undefined }), fc.option(bound, { nil: undefined }), (min, max) => {
        const model = { min: parseInt(min || '0', 10), max: parseInt(max || '0', 10) };
        const built = Column.fromModel({}, [model])?.length ?? 0;
        expect(columnsBuilt(min, max)).toBe(built);
      }),
      runs,
    );
  });

  test('boxCost counts cells, and the rows of a box without columns', () => {
    expect(boxCost({ top: 1, left: 1, bottom: 1_048_576, right: 16_384 })).toBe(1_048_576 * 16_384);
    expect(boxCost({ top: 1, left: NaN, bottom: 1e15, right: NaN })).toBe(1e15);
    expect(definedNameCost('x', 'S!$A$1:$1000000000000000')).toBe(1e15);
  });
});
