/** Small helpers over Values for the expression functions. */
import type { Location } from '../../../model/location.js';
import { getProperty, toPlain, type Origin, type Property, type Value } from '../../../model/value.js';

/** A Value for plain data (the result of a function), every part located at `loc`. */
export function fromPlain(data: unknown, loc: Location): Value {
  if (data === null || data === undefined) return { kind: 'null', value: null, loc };
  if (typeof data === 'string') return { kind: 'string', value: data, loc };
  if (typeof data === 'number') return { kind: 'number', value: data, loc };
  if (typeof data === 'boolean') return { kind: 'boolean', value: data, loc };
  if (Array.isArray(data)) return { kind: 'array', items: data.map((d) => fromPlain(d, loc)), loc };
  const properties: Property[] = Object.entries(data as Record<string, unknown>).map(([key, v]) => ({ key, keyLoc: loc, value: fromPlain(v, loc) }));
  return { kind: 'object', properties, loc };
}

/** ARM's text for a scalar in format() and string(): booleans as True/False, as .NET prints them. */
export function scalarText(v: Value): string | undefined {
  switch (v.kind) {
    case 'string':
      return v.value as string;
    case 'number':
      return String(v.value);
    case 'boolean':
      return v.value ? 'True' : 'False';
    case 'null':
      return '';
    case 'object':
    case 'array': {
      const p = toPlain(v);
      return p === undefined ? undefined : JSON.stringify(p);
    }
    default:
      return undefined;
  }
}

/** Deep equality of two known values (object keys compared case-insensitively). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'array' && b.kind === 'array') return a.items.length === b.items.length && a.items.every((x, i) => valuesEqual(x, b.items[i]));
  if (a.kind === 'object' && b.kind === 'object') {
    if (a.properties.length !== b.properties.length) return false;
    return a.properties.every((p) => {
      const q = getProperty(b, p.key);
      return q !== undefined && valuesEqual(p.value, q.value);
    });
  }
  if (a.kind === 'unknown') return false;
  return (a as { value: unknown }).value === (b as { value: unknown }).value;
}

/** The first unknown among values, if any. */
export function firstUnknown(vs: Value[]): Value | undefined {
  return vs.find((v) => v.kind === 'unknown');
}


/**
 * The same value with `origin` set. Copied field by field, not spread: lazily evaluated objects and arrays
 * keep `properties` and `items` in accessors, which a spread would drop.
 */
export function withOriginSet(v: Value, origin: Origin): Value {
  switch (v.kind) {
    case 'object':
      return { kind: 'object', properties: v.properties, loc: v.loc, origin };
    case 'array':
      return { kind: 'array', items: v.items, loc: v.loc, origin };
    case 'unknown':
      return v.ref ? { kind: 'unknown', reason: v.reason, loc: v.loc, ref: v.ref, origin } : { kind: 'unknown', reason: v.reason, loc: v.loc, origin };
    default:
      return { kind: v.kind, value: v.value, loc: v.loc, origin };
  }
}
