/** Conditional formats (`Custom` type) and data validation on ranges. */

import { ExcelEnums } from '../enums';
import { SimError } from '../errors';
import { shiftRelative } from '../formula/rewrite';
import { enumValue, normalizeColor } from '../model/format';
import { qualifiedA1 } from '../model/rects';
import type {
  ConditionalFormatModel,
  DataValidationModel,
  DataValidationRuleModel,
  SheetModel,
} from '../model/sheet';
import { type WorkbookModel, checkedFormula } from '../model/workbook';
import { ClientResult, type Schema, SimCollection, SimObject, clonePlain, defineProps } from './base';
import { type AreasTarget, RangeAreasProxy, RangeProxy, type RangeTarget } from './range';
import { checkValidationFormula, checkValidationTexts } from '../limits';

function modelOf(o: SimObject): WorkbookModel {
  return o.context._host.model;
}

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

function liveCf(sheet: SheetModel, cf: ConditionalFormatModel): CfTarget {
  if (sheet.deleted || !sheet.conditionalFormats.includes(cf))
    throw new SimError('ItemNotFound', 'The conditional format no longer exists.');
  return { sheet, cf };
}

function boundCf(
  context: SimObject['context'],
  sheet: SheetModel,
  cf: ConditionalFormatModel,
): ConditionalFormatProxy {
  const p = new ConditionalFormatProxy(context, () => liveCf(sheet, cf));
  p._bind(() => liveCf(sheet, cf));
  return p;
}

const CF_COLLECTION_SCHEMA: Schema = { name: 'ConditionalFormatCollection', props: {} };

/** The conditional formats that intersect a range (all of a sheet's for `worksheet.getRange()`), in priority order. */
export class ConditionalFormatCollectionProxy extends SimCollection<
  RangeTarget,
  CfTarget,
  ConditionalFormatProxy
> {
  get _schema(): Schema {
    return CF_COLLECTION_SCHEMA;
  }

  _list(t: RangeTarget): CfTarget[] {
    return modelOf(this)
      .conditionalFormatsIntersecting(t.sheet, t.rect)
      .map((cf) => ({ sheet: t.sheet, cf }));
  }

  _itemProxy(item: CfTarget): ConditionalFormatProxy {
    return boundCf(this.context, item.sheet, item.cf);
  }

  protected override get _itemKey(): string {
    return 'id';
  }

  override _indexedItemProxy(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => {
      const t = this._targetOrNull();
      if (t === null) return null;
      const hit = this._list(t)[index];
      if (!hit) throw new SimError('ItemNotFound', `There is no conditional format at index ${index}.`);
      return hit;
    });
  }

  add(type: unknown): ConditionalFormatProxy {
    const added = new ConditionalFormatProxy(this.context, () => {
      throw new SimError(
        'InvalidObjectPath',
        'The conditional format is not available before it has been added.',
      );
    });
    this._call('add', () => {
      const t = this._target();
      const kind = enumValue(type, Object.values(ExcelEnums.ConditionalFormatType), 'type');
      const cf = modelOf(this).addConditionalFormat(t.sheet, t.rect, kind);
      added._bind(() => liveCf(t.sheet, cf));
    });
    return added;
  }

  getCount(): ClientResult<number> {
    return this._result('getCount', () => this._list(this._target()).length);
  }

  clearAll(): void {
    this._call('clearAll', () => {
      const t = this._target();
      modelOf(this).clearConditionalFormats(t.sheet, t.rect);
    });
  }

  private _find(
    method: string,
    pick: (list: CfTarget[]) => CfTarget | undefined,
    nullable: boolean,
  ): ConditionalFormatProxy {
    const p = new ConditionalFormatProxy(this.context, () => {
      this._gate(method);
      const t = this._targetOrNull();
      if (t === null) return null;
      const hit = pick(this._list(t));
      if (!hit && !nullable)
        throw new SimError(
          'ItemNotFound',
          `ConditionalFormatCollection.${method}: no such conditional format.`,
        );
      return hit ?? null;
    });
    if (nullable) this.context._watch(p);
    return p;
  }

  getItem(id: string): ConditionalFormatProxy {
    return this._find('getItem', (l) => l.find((x) => x.cf.id === id), false);
  }

  getItemOrNullObject(id: string): ConditionalFormatProxy {
    return this._find('getItemOrNullObject', (l) => l.find((x) => x.cf.id === id), true);
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return this._find('getItemAt', (l) => l[index], false);
  }
}

const CF_SCHEMA: Schema = {
  name: 'ConditionalFormat',
  props: {
    id: { get: (t: CfTarget) => t.cf.id },
    type: { get: (t: CfTarget) => t.cf.type },
    priority: {
      get: (t: CfTarget) => t.sheet.conditionalFormats.indexOf(t.cf),
      set: (t: CfTarget, v: unknown, self: SimObject) =>
        modelOf(self).setConditionalFormatPriority(t.sheet, t.cf, v),
    },
    stopIfTrue: {
      get: (t: CfTarget) => t.cf.stopIfTrue,
      set: (t: CfTarget, v: unknown, self: SimObject) => {
        if (typeof v !== 'boolean')
          throw new SimError('InvalidArgument', 'stopIfTrue must be true or false.');
        modelOf(self).updateConditionalFormat(t.sheet, t.cf, { stopIfTrue: v });
      },
    },
  },
  navs: {
    custom: {
      create: (self: ConditionalFormatProxy) =>
        new CustomConditionalFormatProxy(self.context, () => self._targetOrNull()),
    },
    customOrNullObject: {
      create: (self: ConditionalFormatProxy) => {
        const p = new CustomConditionalFormatProxy(self.context, () => {
          const t = self._targetOrNull();
          return t && t.cf.type === 'Custom' ? t : null;
        });
        self.context._watch(p);
        return p;
      },
    },
  },
};

export class ConditionalFormatProxy extends SimObject<CfTarget> {
  get _schema(): Schema {
    return CF_SCHEMA;
  }

  delete(): void {
    this._call('delete', () => {
      const t = this._target();
      modelOf(this).deleteConditionalFormat(t.sheet, t.cf);
    });
  }

  private _range(nullable: boolean) {
    const p = new RangeProxy(this.context, () => {
      const t = this._targetOrNull();
      if (t === null) return null;
      if (t.cf.areas.length !== 1) {
        if (nullable) return null;
        throw new SimError(
          'InvalidOperation',
          'The conditional format applies to more than one range; use getRanges().',
        );
      }
      return { sheet: t.sheet, rect: t.cf.areas[0] };
    });
    if (nullable) this.context._watch(p);
    return p;
  }

  getRange() {
    return this._range(false);
  }

  getRangeOrNullObject() {
    return this._range(true);
  }

  getRanges() {
    return new RangeAreasProxy(this.context, (): AreasTarget | null => {
      this._gate('getRanges');
      const t = this._targetOrNull();
      return t === null ? null : { sheet: t.sheet, areas: t.cf.areas };
    });
  }
}
defineProps(ConditionalFormatProxy, CF_SCHEMA);

const CUSTOM_SCHEMA: Schema = {
  name: 'CustomConditionalFormat',
  props: {},
  navs: {
    rule: {
      create: (self: SimObject<CfTarget>) =>
        new ConditionalFormatRuleProxy(self.context, () => self._targetOrNull()),
    },
    format: {
      create: (self: SimObject<CfTarget>) =>
        new ConditionalRangeFormatProxy(self.context, () => self._targetOrNull()),
    },
  },
};

export class CustomConditionalFormatProxy extends SimObject<CfTarget> {
  get _schema(): Schema {
    return CUSTOM_SCHEMA;
  }
}
defineProps(CustomConditionalFormatProxy, CUSTOM_SCHEMA);

const formulaProp = {
  get: (t: CfTarget) => t.cf.formula,
  set: (t: CfTarget, v: unknown, self: SimObject) => {
    if (typeof v !== 'string' || !v.startsWith('='))
      throw new SimError('InvalidArgument', 'A conditional format formula must start with =.');
    modelOf(self).updateConditionalFormat(t.sheet, t.cf, { formula: checkedFormula(v) });
  },
};

const RULE_SCHEMA: Schema = {
  name: 'ConditionalFormatRule',
  props: { formula: formulaProp, formulaLocal: formulaProp },
};

export class ConditionalFormatRuleProxy extends SimObject<CfTarget> {
  get _schema(): Schema {
    return RULE_SCHEMA;
  }
}
defineProps(ConditionalFormatRuleProxy, RULE_SCHEMA);

const CF_FORMAT_SCHEMA: Schema = {
  name: 'ConditionalRangeFormat',
  props: {},
  navs: {
    fill: {
      create: (self: SimObject<CfTarget>) =>
        new ConditionalRangeFillProxy(self.context, () => self._targetOrNull()),
    },
    font: {
      create: (self: SimObject<CfTarget>) =>
        new ConditionalRangeFontProxy(self.context, () => self._targetOrNull()),
    },
  },
};

export class ConditionalRangeFormatProxy extends SimObject<CfTarget> {
  get _schema(): Schema {
    return CF_FORMAT_SCHEMA;
  }
}
defineProps(ConditionalRangeFormatProxy, CF_FORMAT_SCHEMA);

const CF_FILL_SCHEMA: Schema = {
  name: 'ConditionalRangeFill',
  props: {
    color: {
      get: (t: CfTarget) => t.cf.fill ?? null,
      set: (t: CfTarget, v: unknown, self: SimObject) =>
        modelOf(self).updateConditionalFormat(t.sheet, t.cf, { fill: normalizeColor(v) }),
    },
  },
};

export class ConditionalRangeFillProxy extends SimObject<CfTarget> {
  get _schema(): Schema {
    return CF_FILL_SCHEMA;
  }
  clear(): void {
    this._call('clear', () => {
      const t = this._target();
      modelOf(this).updateConditionalFormat(t.sheet, t.cf, { fill: undefined });
    });
  }
}
defineProps(ConditionalRangeFillProxy, CF_FILL_SCHEMA);

function cfBool(key: 'bold' | 'italic') {
  return {
    get: (t: CfTarget) => t.cf[key] ?? null,
    set: (t: CfTarget, v: unknown, self: SimObject) => {
      if (typeof v !== 'boolean') throw new SimError('InvalidArgument', `${key} must be true or false.`);
      modelOf(self).updateConditionalFormat(t.sheet, t.cf, { [key]: v });
    },
  };
}

const CF_FONT_SCHEMA: Schema = {
  name: 'ConditionalRangeFont',
  props: {
    color: {
      get: (t: CfTarget) => t.cf.fontColor ?? null,
      set: (t: CfTarget, v: unknown, self: SimObject) =>
        modelOf(self).updateConditionalFormat(t.sheet, t.cf, { fontColor: normalizeColor(v) }),
    },
    bold: cfBool('bold'),
    italic: cfBool('italic'),
  },
};

export class ConditionalRangeFontProxy extends SimObject<CfTarget> {
  get _schema(): Schema {
    return CF_FONT_SCHEMA;
  }
  clear(): void {
    this._call('clear', () => {
      const t = this._target();
      modelOf(this).updateConditionalFormat(t.sheet, t.cf, {
        fontColor: undefined,
        bold: undefined,
        italic: undefined,
      });
    });
  }
}
defineProps(ConditionalRangeFontProxy, CF_FONT_SCHEMA);

// ---- data validation ----

const RULE_KINDS: Record<string, DataValidationRuleModel['type']> = {
  list: 'List',
  custom: 'Custom',
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  textLength: 'TextLength',
  date: 'Date',
  time: 'Time',
};

/** Checks a DataValidationRule as Excel would and returns it in stored form. */
function parseRule(rule: unknown, self: SimObject): DataValidationRuleModel {
  if (!rule || typeof rule !== 'object')
    throw new SimError('InvalidArgument', 'The data validation rule must be an object.');
  const entries = Object.entries(rule as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && v !== null,
  );
  if (entries.length !== 1 || !(entries[0][0] in RULE_KINDS))
    throw new SimError(
      'InvalidArgument',
      'A data validation rule holds exactly one of list, custom, wholeNumber, decimal, textLength, date, time.',
    );
  const [kind, body] = entries[0] as [string, Record<string, unknown>];
  const type = RULE_KINDS[kind];
  if (kind === 'list') {
    let source = body.source;
    if (source instanceof RangeProxy) {
      self.context._checkSameContext(source);
      const r = source._target();
      source = `=${qualifiedA1(r.sheet.name, r.rect, true)}`;
    }
    if (typeof source !== 'string' || source.trim() === '')
      throw new SimError('InvalidArgument', 'A list validation needs a source.');
    checkValidationFormula(source);
    if (source.startsWith('=')) source = checkedFormula(source);
    const inCellDropDown = body.inCellDropDown ?? true;
    if (typeof inCellDropDown !== 'boolean')
      throw new SimError('InvalidArgument', 'inCellDropDown must be true or false.');
    return { type, rule: { list: { inCellDropDown, source } } };
  }
  if (kind === 'custom') {
    const formula = body.formula;
    if (typeof formula !== 'string')
      throw new SimError('InvalidArgument', 'A custom validation needs a formula.');
    checkValidationFormula(formula.startsWith('=') ? formula : `=${formula}`);
    return {
      type,
      rule: { custom: { formula: checkedFormula(formula.startsWith('=') ? formula : `=${formula}`) } },
    };
  }
  const operator = enumValue(body.operator, Object.values(ExcelEnums.DataValidationOperator), 'operator');
  const f = (v: unknown) => {
    if (typeof v === 'string') checkValidationFormula(v);
    return typeof v === 'string' && v.startsWith('=') ? checkedFormula(v) : v;
  };
  if (body.formula1 === undefined) throw new SimError('InvalidArgument', 'The validation needs formula1.');
  const needsTwo = operator === 'Between' || operator === 'NotBetween';
  if (needsTwo && body.formula2 === undefined)
    throw new SimError('InvalidArgument', 'Between needs formula2.');
  return {
    type,
    rule: {
      [kind]: { operator, formula1: f(body.formula1), ...(needsTwo ? { formula2: f(body.formula2) } : {}) },
    },
  };
}

function ruleFor(dv: DataValidationModel, t: RangeTarget): Record<string, unknown> {
  const anchor = dv.areas[0];
  const dr = t.rect.top - anchor.top;
  const dc = t.rect.left - anchor.left;
  const walk = (o: unknown): unknown => {
    if (typeof o === 'string' && o.startsWith('=')) return shiftRelative(o, dr, dc);
    if (o && typeof o === 'object')
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, walk(v)]));
    return o;
  };
  return walk(clonePlain(dv.rule)) as Record<string, unknown>;
}

function mergeSettings<T extends object>(current: T, v: unknown, what: string): T {
  if (!v || typeof v !== 'object') throw new SimError('InvalidArgument', `${what} must be an object.`);
  const next = { ...current };
  for (const [k, x] of Object.entries(v)) {
    if (!(k in current)) throw new SimError('InvalidArgument', `${what} has no member ${k}.`);
    if (x !== undefined)
      (next as Record<string, unknown>)[k] =
        k === 'style' ? enumValue(x, Object.values(ExcelEnums.DataValidationAlertStyle), 'style') : x;
  }
  return next;
}

/** Whether every filled cell of the range satisfies a list validation (other kinds are not checked). */
function isValid(t: RangeTarget, self: SimObject): boolean | null {
  const m = modelOf(self);
  let good = 0;
  let bad = 0;
  for (const [r, c] of t.sheet.cellsIn(t.rect)) {
    const v = m.value(t.sheet, r, c);
    if (v === null) continue;
    try {
      m.checkTypedValue(t.sheet, r, c, v);
      good++;
    } catch {
      bad++;
    }
  }
  return bad === 0 ? true : good === 0 ? false : null;
}

const DV_SCHEMA: Schema = {
  name: 'DataValidation',
  props: {
    type: {
      get: (t: RangeTarget, self: SimObject) => {
        const v = modelOf(self).validationOf(t.sheet, t.rect);
        return v === 'none' ? 'None' : v === 'mixed' ? 'Inconsistent' : v.type;
      },
    },
    rule: {
      get: (t: RangeTarget, self: SimObject) => {
        const v = modelOf(self).validationOf(t.sheet, t.rect);
        return v === 'none' ? {} : v === 'mixed' ? null : ruleFor(v, t);
      },
      set: (t: RangeTarget, v: unknown, self: SimObject) =>
        modelOf(self).setValidationRule(t.sheet, t.rect, parseRule(v, self)),
    },
    errorAlert: {
      get: (t: RangeTarget, self: SimObject) => {
        const v = modelOf(self).validationOf(t.sheet, t.rect);
        return v === 'none'
          ? { showAlert: true, style: 'Stop', title: '', message: '' }
          : v === 'mixed'
            ? null
            : v.errorAlert;
      },
      set: (t: RangeTarget, v: unknown, self: SimObject) => {
        checkValidationTexts('errorAlert', v as object);
        modelOf(self).updateValidation(
          t.sheet,
          t.rect,
          (dv) => void (dv.errorAlert = mergeSettings(dv.errorAlert, v, 'errorAlert')),
        );
      },
    },
    prompt: {
      get: (t: RangeTarget, self: SimObject) => {
        const v = modelOf(self).validationOf(t.sheet, t.rect);
        return v === 'none'
          ? { showPrompt: false, title: '', message: '' }
          : v === 'mixed'
            ? null
            : { ...v.prompt };
      },
      set: (t: RangeTarget, v: unknown, self: SimObject) => {
        checkValidationTexts('prompt', v as object);
        modelOf(self).updateValidation(
          t.sheet,
          t.rect,
          (dv) => void (dv.prompt = mergeSettings(dv.prompt, v, 'prompt')),
        );
      },
    },
    ignoreBlanks: {
      get: (t: RangeTarget, self: SimObject) => {
        const v = modelOf(self).validationOf(t.sheet, t.rect);
        return v === 'none' ? true : v === 'mixed' ? null : v.ignoreBlanks;
      },
      set: (t: RangeTarget, v: unknown, self: SimObject) => {
        if (typeof v !== 'boolean')
          throw new SimError('InvalidArgument', 'ignoreBlanks must be true or false.');
        modelOf(self).updateValidation(t.sheet, t.rect, (dv) => void (dv.ignoreBlanks = v));
      },
    },
    valid: { get: (t: RangeTarget, self: SimObject) => isValid(t, self) },
  },
};

export class DataValidationProxy extends SimObject<RangeTarget> {
  get _schema(): Schema {
    return DV_SCHEMA;
  }
  clear(): void {
    this._call('clear', () => {
      const t = this._target();
      modelOf(this).clearValidation(t.sheet, t.rect);
    });
  }
}
defineProps(DataValidationProxy, DV_SCHEMA);
