import { AZURERM_MAP } from './azurerm-map.js';

/** A constant written next to a mapped value: ARM path (relative) and value. */
export interface SetConst {
  path: string;
  value: string | number | boolean;
}

/** How one Terraform attribute or nested block maps to ARM. */
export interface AttrRule {
  /** ARM path relative to the enclosing container, or `@parent` / `@scope`. */
  arm: string;
  /** Value transforms and block shapes, in table order (`enabled`, `list`, `block`, ...). */
  transforms: string[];
  sets: SetConst[];
  /** For `each:<path>`. */
  each?: string;
  /** For `map:a=b,...`. */
  rename?: Record<string, string>;
  /** For `@parent` / `@scope` given by name. */
  refType?: string;
  /** For `after:<attr>`: the sibling attribute whose value comes first. */
  after?: string;
  /** For `when:<attr>=<ARM path>`: blocks whose `attr` is true go to this other ARM path. */
  when?: { attr: string; arm: string };
}

/** How one Terraform resource type maps to ARM. */
export interface TypeRule {
  tfType: string;
  armType: string;
  flat: boolean;
  like?: string;
  nameAttr: string;
  sets: SetConst[];
  attrs: Map<string, AttrRule>;
}

export interface MappingTable {
  types: Map<string, TypeRule>;
  common: Map<string, AttrRule>;
}

function parseConst(text: string): SetConst | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  const raw = text.slice(eq + 1);
  const value = raw === 'true' ? true : raw === 'false' ? false : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  return { path: text.slice(0, eq), value };
}

function parseAttrRule(arm: string, words: string[]): AttrRule {
  const rule: AttrRule = { arm, transforms: [], sets: [] };
  for (const w of words) {
    if (w.startsWith('set:')) {
      const c = parseConst(w.slice(4));
      if (c) rule.sets.push(c);
    } else if (w.startsWith('each:')) {
      rule.each = w.slice(5);
      rule.transforms.push('each');
    } else if (w.startsWith('map:')) {
      rule.rename = Object.fromEntries(w.slice(4).split(',').map((pair) => pair.split('=') as [string, string]));
      rule.transforms.push('map');
    } else if (w.startsWith('after:')) {
      rule.after = w.slice(6);
      rule.transforms.push('after');
    } else if (w.startsWith('when:')) {
      const eq = w.indexOf('=');
      if (eq > 5) rule.when = { attr: w.slice(5, eq), arm: w.slice(eq + 1) };
    } else if (w.startsWith('type=')) {
      rule.refType = w.slice(5);
    } else {
      rule.transforms.push(w);
    }
  }
  return rule;
}

/** Parse the mapping table text (see azurerm-map.ts for the line format). */
export function parseMappingTable(text: string): MappingTable {
  const types = new Map<string, TypeRule>();
  const common = new Map<string, AttrRule>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [head, target, ...words] = line.split(/\s+/);
    if (target === undefined) continue;
    const dot = head.indexOf('.');
    if (dot < 0) {
      const rule: TypeRule = { tfType: head, armType: target, flat: false, nameAttr: 'name', sets: [], attrs: new Map() };
      for (const w of words) {
        if (w === 'flat') rule.flat = true;
        else if (w.startsWith('like=')) rule.like = w.slice(5);
        else if (w.startsWith('name=')) rule.nameAttr = w.slice(5);
        else if (w.startsWith('set:')) {
          const c = parseConst(w.slice(4));
          if (c) rule.sets.push(c);
        }
      }
      types.set(head, rule);
      continue;
    }
    const tfType = head.slice(0, dot);
    const path = head.slice(dot + 1);
    const rule = parseAttrRule(target, words);
    if (tfType === '*') common.set(path, rule);
    else types.get(tfType)?.attrs.set(path, rule);
  }
  return { types, common };
}

/** The table from azurerm-map.ts, parsed once. */
export const MAPPING: MappingTable = parseMappingTable(AZURERM_MAP);

/** The rule for an attribute path (`access_policy.secret_permissions`) of a type, following `like=` and `*`. */
export function ruleFor(table: MappingTable, type: TypeRule, path: string): AttrRule | undefined {
  let t: TypeRule | undefined = type;
  for (let hops = 0; t && hops < 8; hops++) {
    const r = t.attrs.get(path);
    if (r) return r;
    t = t.like ? table.types.get(t.like) : undefined;
  }
  return table.common.get(path);
}
