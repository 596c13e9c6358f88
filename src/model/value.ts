import type { Location } from './location.js';

/**
 * A statically evaluated value. Every value carries the Location where it was written; a value that came
 * through a param or variable also carries `origin`: where that param or variable got it.
 */
export type Value = ScalarValue | ObjectValue | ArrayValue | UnknownValue;

export interface Origin {
  /** How the value arrived, e.g. `param enableRbac`, `var settings`, `variable "rbac"`, `parameters('x')`. */
  via: string;
  /** Where the value was set (the default, the .bicepparam / .tfvars / parameter-file entry, ...). */
  location: Location;
}

interface ValueBase {
  loc: Location;
  origin?: Origin;
}

export interface ScalarValue extends ValueBase {
  kind: 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null;
}

export interface Property {
  key: string;
  keyLoc: Location;
  value: Value;
}

export interface ObjectValue extends ValueBase {
  kind: 'object';
  /** In source order. Look-ups are case-insensitive, as ARM property names are. */
  properties: Property[];
}

export interface ArrayValue extends ValueBase {
  kind: 'array';
  items: Value[];
}

/** A reference to another resource of the deployment, resolved by the deployment graph. */
export interface ResourceRef {
  /** Symbolic name in the same file: Bicep symbol, Terraform address (`azurerm_key_vault.kv`), ARM symbolic name. */
  symbol?: string;
  /** ARM type and name, when known (ARM `resourceId()` style references). */
  type?: string;
  name?: string;
  /** What is read from the resource: `id`, `name`, `properties.x`; undefined for the resource itself. */
  property?: string;
  /** The file the reference was written in (symbols are file-scoped). */
  file?: string;
}

/** A value that cannot be known statically. Unknown is never a violation. */
export interface UnknownValue extends ValueBase {
  kind: 'unknown';
  /** Why it is unknown, for humans: `resourceGroup().location`, `param without default 'x'`. */
  reason: string;
  /** When the value denotes (a property of) another resource, which one. */
  ref?: ResourceRef;
}

export function isScalar(v: Value | undefined): v is ScalarValue {
  return v !== undefined && (v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean' || v.kind === 'null');
}

/** The property of an object with this key, compared case-insensitively. */
export function getProperty(obj: ObjectValue, key: string): Property | undefined {
  const props = obj.properties;
  // Last one wins, as in JSON objects with repeated keys. Most look-ups match exactly: try that first.
  for (let i = props.length - 1; i >= 0; i--) if (props[i].key === key) return props[i];
  const k = key.toLowerCase();
  for (let i = props.length - 1; i >= 0; i--) {
    if (props[i].key.toLowerCase() === k) return props[i];
  }
  return undefined;
}

/**
 * Walk a dotted path (`properties.networkAcls.defaultAction`) from a value. Stops at an unknown value and
 * returns it, since nothing below it can be known; returns undefined when a step is known to be missing.
 */
export function getPath(v: Value | undefined, path: string): Value | undefined {
  if (path === '' || v === undefined) return v;
  let cur: Value | undefined = v;
  for (const step of path.split('.')) {
    if (cur === undefined) return undefined;
    if (cur.kind === 'unknown') return cur;
    if (cur.kind === 'object') cur = getProperty(cur, step)?.value;
    else if (cur.kind === 'array' && /^\d+$/.test(step)) cur = cur.items[Number(step)];
    else return undefined;
  }
  return cur;
}

/** The Property record (with its key location) at a dotted path, when every step is known. */
export function getPropertyAt(v: Value | undefined, path: string): Property | undefined {
  const dot = path.lastIndexOf('.');
  const parent = dot < 0 ? v : getPath(v, path.slice(0, dot));
  if (parent === undefined || parent.kind !== 'object') return undefined;
  return getProperty(parent, dot < 0 ? path : path.slice(dot + 1));
}

/** Plain JavaScript for a known value (objects keep their last key); undefined when any part is unknown. */
export function toPlain(v: Value): unknown {
  switch (v.kind) {
    case 'unknown':
      return undefined;
    case 'array': {
      const out: unknown[] = [];
      for (const item of v.items) {
        const p = toPlain(item);
        if (p === undefined) return undefined;
        out.push(p);
      }
      return out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of v.properties) {
        const p = toPlain(prop.value);
        if (p === undefined) return undefined;
        out[prop.key] = p;
      }
      return out;
    }
    default:
      return v.value;
  }
}

/** Short human rendering of a value for messages ("false", "'Enabled'", "[2 items]", "unknown"). */
export function describeValue(v: Value | undefined): string {
  if (v === undefined) return 'nothing (not set)';
  switch (v.kind) {
    case 'string':
      return `'${v.value as string}'`;
    case 'number':
    case 'boolean':
      return String(v.value);
    case 'null':
      return 'null';
    case 'array':
      return v.items.length === 0 ? 'an empty list' : `a list of ${v.items.length}`;
    case 'object':
      return 'an object';
    case 'unknown':
      return `an unknown value (${v.reason})`;
  }
}

/** Constructors, for parsers and tests. */
export const V = {
  str: (value: string, loc: Location, origin?: Origin): ScalarValue => ({ kind: 'string', value, loc, origin }),
  num: (value: number, loc: Location, origin?: Origin): ScalarValue => ({ kind: 'number', value, loc, origin }),
  bool: (value: boolean, loc: Location, origin?: Origin): ScalarValue => ({ kind: 'boolean', value, loc, origin }),
  nul: (loc: Location, origin?: Origin): ScalarValue => ({ kind: 'null', value: null, loc, origin }),
  obj: (properties: Property[], loc: Location, origin?: Origin): ObjectValue => ({ kind: 'object', properties, loc, origin }),
  arr: (items: Value[], loc: Location, origin?: Origin): ArrayValue => ({ kind: 'array', items, loc, origin }),
  unknown: (reason: string, loc: Location, ref?: ResourceRef): UnknownValue => ({ kind: 'unknown', reason, loc, ref }),
};
