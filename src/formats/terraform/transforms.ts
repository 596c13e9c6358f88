import type { Location } from '../../model/location.js';
import { V, type Value } from '../../model/value.js';
import type { EvAttr } from './blocks.js';
import type { AttrRule, SetConst } from './mapping-table.js';
import { setPath } from './set-path.js';
import { asString, fromPlain, originOf, relocate, unknownFrom } from './values.js';

/*
 * The value transforms of the mapping table (see azurerm-map.ts for what each word means). Each one
 * leaves values it does not understand (unknowns, wrong kinds) as they are.
 */

/** A `set:` constant as a Value at `loc`. */
export function constValue(c: SetConst, loc: Location): Value {
  if (typeof c.value === 'boolean') return V.bool(c.value, loc);
  if (typeof c.value === 'number') return V.num(c.value, loc);
  return V.str(c.value, loc);
}

function mapScalar(v: Value, f: (x: string | number | boolean) => string | number | boolean | undefined): Value {
  if (v.kind !== 'string' && v.kind !== 'number' && v.kind !== 'boolean') return v;
  const r = f(v.value as string | number | boolean);
  if (r === undefined) return v;
  const out = relocate(v, v.loc, v.origin);
  return { ...out, kind: typeof r === 'string' ? 'string' : typeof r === 'number' ? 'number' : 'boolean', value: r } as Value;
}

/** Apply the rule's transforms, in table order, to an attribute's value; `siblings` are the attributes of the same block. */
export function transform(attr: EvAttr, rule: AttrRule, siblings: readonly EvAttr[]): Value {
  let v = attr.value;
  for (const t of rule.transforms) {
    switch (t) {
      case 'enabled':
        v = mapScalar(v, (x) => (typeof x === 'boolean' ? (x ? 'Enabled' : 'Disabled') : undefined));
        break;
      case 'onoff':
        v = mapScalar(v, (x) => (typeof x === 'boolean' ? (x ? 'On' : 'Off') : undefined));
        break;
      case 'invert':
        v = mapScalar(v, (x) => (typeof x === 'boolean' ? !x : undefined));
        break;
      case 'enforce':
        v = mapScalar(v, (x) => (typeof x === 'boolean' ? (x ? 'Default' : 'DoNotEnforce') : undefined));
        break;
      case 'epoch':
        v = mapScalar(v, (x) => {
          const ms = typeof x === 'string' ? Date.parse(x) : NaN;
          return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
        });
        break;
      case 'lower':
        v = v.kind === 'array' ? V.arr(v.items.map((i) => mapScalar(i, (x) => (typeof x === 'string' ? x.toLowerCase() : undefined))), v.loc, v.origin) : mapScalar(v, (x) => (typeof x === 'string' ? x.toLowerCase() : undefined));
        break;
      case 'map':
        v = mapScalar(v, (x) => (typeof x === 'string' ? rule.rename?.[x.toLowerCase()] : undefined));
        break;
      case 'json':
        v = fromJsonText(attr, v);
        break;
      case 'csv':
        v = splitCommas(v);
        break;
      case 'after':
        v = joinAfter(v, attr, rule, siblings);
        break;
      case 'namevalue':
        if (v.kind === 'object') {
          v = V.arr(
            v.properties.map((p) => V.obj([{ key: 'name', keyLoc: p.keyLoc, value: V.str(p.key, p.keyLoc) }, { key: 'value', keyLoc: p.keyLoc, value: p.value }], p.keyLoc)),
            v.loc,
            v.origin,
          );
        }
        break;
      case 'each':
        if (v.kind === 'array' && rule.each) {
          const path = rule.each;
          v = V.arr(
            v.items.map((item) => {
              const o = V.obj([], item.loc);
              setPath(o, path, item, item.loc);
              return o;
            }),
            v.loc,
            v.origin,
          );
        }
        break;
    }
  }
  return v;
}

function fromJsonText(attr: EvAttr, v: Value): Value {
  if (attr.jsonArg) return attr.jsonArg;
  if (v.kind !== 'string') return v;
  try {
    return fromPlain(JSON.parse(v.value as string), v.loc);
  } catch {
    return V.unknown(`${attr.name} is not valid JSON`, v.loc);
  }
}

/**
 * `"a, b"` → `["a", "b"]` (azurerm 3.x writes some lists as one comma-separated string; 4.x as a list,
 * which passes through). The parts share the string's location: they have no text of their own.
 */
function splitCommas(v: Value): Value {
  if (v.kind !== 'string') return v;
  const parts = (v.value as string)
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return V.arr(
    parts.map((p) => V.str(p, v.loc, v.origin)),
    v.loc,
    v.origin,
  );
}

/**
 * `after:<attr>`: the sibling attribute's value, `_`, then this value (storage `account_tier` +
 * `account_replication_type` → `Standard_LRS`). Kept at this value's location; unknown when either is.
 */
function joinAfter(v: Value, attr: EvAttr, rule: AttrRule, siblings: readonly EvAttr[]): Value {
  const other = siblings.find((a) => a.name === rule.after)?.value;
  if (!other) return V.unknown(`${rule.after ?? 'a required attribute'} is not set next to ${attr.name}`, v.loc);
  if (other.kind === 'unknown') return unknownFrom(other, v.loc);
  if (v.kind === 'unknown') return v;
  const head = asString(other);
  const tail = asString(v);
  if (head === undefined || tail === undefined) return V.unknown(`${rule.after ?? ''} and ${attr.name} do not make a name`, v.loc);
  return V.str(`${head}_${tail}`, v.loc, originOf([v, other]));
}
