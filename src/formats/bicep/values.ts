import type { Location } from '../../model/location.js';
import { V, toPlain, type Origin, type Property, type Value } from '../../model/value.js';

/** The same value seen from where it is used: `loc` becomes the use site, `origin` keeps where it was set. */
export function relocate(v: Value, loc: Location, via: string): Value {
  const origin: Origin = v.origin ?? { via, location: v.loc };
  // Built field by field: much faster than an object spread on this hot path.
  switch (v.kind) {
    case 'object':
      return { kind: 'object', properties: v.properties, loc, origin };
    case 'array':
      return { kind: 'array', items: v.items, loc, origin };
    case 'unknown':
      return v.ref ? { kind: 'unknown', reason: v.reason, ref: v.ref, loc, origin } : { kind: 'unknown', reason: v.reason, loc, origin };
    default:
      return { kind: v.kind, value: v.value, loc, origin };
  }
}

/** A value built from plain JavaScript data (function results); every part gets the call's location. */
export function fromPlain(x: unknown, loc: Location, origin?: Origin): Value {
  if (x === null || x === undefined) return V.nul(loc, origin);
  if (typeof x === 'string') return V.str(x, loc, origin);
  if (typeof x === 'number') return V.num(x, loc, origin);
  if (typeof x === 'boolean') return V.bool(x, loc, origin);
  if (Array.isArray(x)) return V.arr(x.map((i) => fromPlain(i, loc)), loc, origin);
  if (typeof x === 'object') {
    const props: Property[] = [];
    for (const [key, value] of Object.entries(x as Record<string, unknown>)) props.push({ key, keyLoc: loc, value: fromPlain(value, loc) });
    return V.obj(props, loc, origin);
  }
  return V.unknown('a value that cannot be represented', loc);
}

/** Bicep's text for a value inside an interpolation or `string()`: strings as is, others as JSON; undefined if unknown. */
export function toText(v: Value): string | undefined {
  switch (v.kind) {
    case 'string':
      return v.value as string;
    case 'number':
    case 'boolean':
      return String(v.value);
    case 'null':
      return '';
    case 'unknown':
      return undefined;
    default: {
      const p = toPlain(v);
      return p === undefined ? undefined : JSON.stringify(p);
    }
  }
}

/** Deep equality of known values (keys case-insensitively, as ARM compares objects); undefined when unknown. */
export function valuesEqual(a: Value, b: Value, ignoreCase = false): boolean | undefined {
  const pa = toPlain(a);
  const pb = toPlain(b);
  if (pa === undefined || pb === undefined) return undefined;
  if (ignoreCase && typeof pa === 'string' && typeof pb === 'string') return pa.toLowerCase() === pb.toLowerCase();
  return plainEqual(pa, pb);
}

function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => plainEqual(x, b[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  const bo = b as Record<string, unknown>;
  return ka.every((k) => k in bo && plainEqual((a as Record<string, unknown>)[k], bo[k]));
}

/** The first origin among some values, so that a function result still tells where its input was set. */
export function firstOrigin(values: Value[]): Origin | undefined {
  for (const v of values) if (v.origin) return v.origin;
  return undefined;
}

/**
 * Marks every part of a param or variable value that has no origin yet as set there (`via`, at the part's own
 * location), so that `settings.x` used later still tells which variable set it. Depth-bounded.
 */
export function stampOrigin(v: Value, via: string, depth = 0): Value {
  if (depth > 64) return v;
  if (!v.origin) v.origin = { via, location: v.loc };
  if (v.kind === 'object') for (const p of v.properties) stampOrigin(p.value, via, depth + 1);
  else if (v.kind === 'array') for (const i of v.items) stampOrigin(i, via, depth + 1);
  return v;
}
