/**
 * The ARM template functions we evaluate statically. Each takes evaluated arguments (none unknown: the caller
 * handles unknown arguments) and returns a Value, or undefined when the arguments do not fit.
 */
import type { Location } from '../../../model/location.js';
import type { Property, Value } from '../../../model/value.js';
import { getProperty } from '../../../model/value.js';
import { fromPlain, scalarText, valuesEqual } from './values.js';

type Fn = (args: Value[], loc: Location) => Value | undefined;

const str = (value: string, loc: Location): Value => ({ kind: 'string', value, loc });
const bool = (value: boolean, loc: Location): Value => ({ kind: 'boolean', value, loc });
const num = (value: number, loc: Location): Value => ({ kind: 'number', value, loc });
const isStr = (v: Value | undefined): v is Value & { value: string } => v?.kind === 'string';

function truthy(v: Value): boolean | undefined {
  if (v.kind === 'boolean') return v.value as boolean;
  if (v.kind === 'string') {
    const s = (v.value as string).toLowerCase();
    return s === 'true' ? true : s === 'false' ? false : undefined;
  }
  if (v.kind === 'number') return v.value !== 0;
  return undefined;
}

function format(args: Value[], loc: Location): Value | undefined {
  if (!isStr(args[0])) return undefined;
  const parts: string[] = [];
  const fmt = args[0].value;
  let bad = false;
  const out = fmt.replace(/\{\{|\}\}|\{(\d+)(?:,[^}:]*)?(?::[^}]*)?\}/g, (m, n: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const arg = args[Number(n) + 1];
    const text = arg ? scalarText(arg) : undefined;
    if (text === undefined) bad = true;
    return text ?? '';
  });
  parts.push(out);
  return bad ? undefined : str(parts.join(''), loc);
}

function union(args: Value[], loc: Location): Value | undefined {
  if (args.every((a) => a.kind === 'object')) {
    const props: Property[] = [];
    for (const a of args) {
      for (const p of (a as { properties: Property[] }).properties) {
        const i = props.findIndex((q) => q.key.toLowerCase() === p.key.toLowerCase());
        if (i >= 0) props.splice(i, 1);
        props.push(p);
      }
    }
    return { kind: 'object', properties: props, loc };
  }
  if (args.every((a) => a.kind === 'array')) {
    const items: Value[] = [];
    for (const a of args) for (const v of (a as { items: Value[] }).items) if (!items.some((x) => valuesEqual(x, v))) items.push(v);
    return { kind: 'array', items, loc };
  }
  return undefined;
}

function length(v: Value | undefined, loc: Location): Value | undefined {
  if (v?.kind === 'string') return num((v.value as string).length, loc);
  if (v?.kind === 'array') return num(v.items.length, loc);
  if (v?.kind === 'object') return num(v.properties.length, loc);
  return undefined;
}

function contains(c: Value | undefined, item: Value | undefined, loc: Location): Value | undefined {
  if (!c || !item) return undefined;
  if (c.kind === 'string' && isStr(item)) return bool((c.value as string).includes(item.value), loc);
  if (c.kind === 'string') {
    const t = scalarText(item);
    return t === undefined ? undefined : bool((c.value as string).includes(t), loc);
  }
  if (c.kind === 'array') return bool(c.items.some((x) => valuesEqual(x, item)), loc);
  if (c.kind === 'object' && isStr(item)) return bool(getProperty(c, item.value) !== undefined, loc);
  return undefined;
}

function empty(v: Value | undefined, loc: Location): Value | undefined {
  if (!v) return undefined;
  if (v.kind === 'null') return bool(true, loc);
  if (v.kind === 'string') return bool(v.value === '', loc);
  if (v.kind === 'array') return bool(v.items.length === 0, loc);
  if (v.kind === 'object') return bool(v.properties.length === 0, loc);
  return undefined;
}

/** Functions by lower-case name. `if`, `and`, `or`, `coalesce` and the reference functions live in the evaluator. */
export const FUNCTIONS: Record<string, Fn> = {
  concat: (args, loc) => {
    if (args.every((a) => a.kind === 'array')) return { kind: 'array', items: args.flatMap((a) => (a as { items: Value[] }).items), loc };
    const texts = args.map(scalarText);
    return texts.every((t) => t !== undefined) && args.every((a) => a.kind !== 'object' && a.kind !== 'array') ? str(texts.join(''), loc) : undefined;
  },
  format,
  tolower: ([s], loc) => (isStr(s) ? str(s.value.toLowerCase(), loc) : undefined),
  toupper: ([s], loc) => (isStr(s) ? str(s.value.toUpperCase(), loc) : undefined),
  trim: ([s], loc) => (isStr(s) ? str(s.value.trim(), loc) : undefined),
  replace: ([s, a, b], loc) => (isStr(s) && isStr(a) && isStr(b) ? str(s.value.split(a.value).join(b.value), loc) : undefined),
  startswith: ([s, a], loc) => (isStr(s) && isStr(a) ? bool(s.value.toLowerCase().startsWith(a.value.toLowerCase()), loc) : undefined),
  endswith: ([s, a], loc) => (isStr(s) && isStr(a) ? bool(s.value.toLowerCase().endsWith(a.value.toLowerCase()), loc) : undefined),
  split: ([s, d], loc) => (isStr(s) && isStr(d) ? fromPlain(s.value.split(d.value), loc) : undefined),
  equals: ([a, b], loc) => (a && b ? bool(valuesEqual(a, b), loc) : undefined),
  not: ([a], loc) => {
    const t = a ? truthy(a) : undefined;
    return t === undefined ? undefined : bool(!t, loc);
  },
  bool: ([a], loc) => {
    const t = a ? truthy(a) : undefined;
    return t === undefined ? undefined : bool(t, loc);
  },
  int: ([a], loc) => {
    if (a?.kind === 'number') return num(Math.trunc(a.value as number), loc);
    if (isStr(a) && /^\s*-?\d+\s*$/.test(a.value)) return num(parseInt(a.value, 10), loc);
    return undefined;
  },
  string: ([a], loc) => {
    const t = a ? scalarText(a) : undefined;
    return t === undefined ? undefined : str(t, loc);
  },
  empty: ([a], loc) => empty(a, loc),
  contains: ([c, i], loc) => contains(c, i, loc),
  union,
  length: ([a], loc) => length(a, loc),
  createarray: (args, loc) => ({ kind: 'array', items: args, loc }),
  createobject: (args, loc) => {
    if (args.length % 2 !== 0) return undefined;
    const properties: Property[] = [];
    for (let i = 0; i < args.length; i += 2) {
      const k = args[i];
      if (!isStr(k)) return undefined;
      properties.push({ key: k.value, keyLoc: loc, value: args[i + 1] });
    }
    return { kind: 'object', properties, loc };
  },
  first: ([a], loc) => (a?.kind === 'array' ? (a.items[0] ?? { kind: 'null', value: null, loc }) : isStr(a) ? str(a.value.slice(0, 1), loc) : undefined),
  last: ([a], loc) => (a?.kind === 'array' ? (a.items[a.items.length - 1] ?? { kind: 'null', value: null, loc }) : isStr(a) ? str(a.value.slice(-1), loc) : undefined),
  true: (_a, loc) => bool(true, loc),
  false: (_a, loc) => bool(false, loc),
  null: (_a, loc) => ({ kind: 'null', value: null, loc }),
  json: ([a], loc) => {
    if (!isStr(a)) return undefined;
    try {
      return fromPlain(JSON.parse(a.value), loc);
    } catch {
      return undefined;
    }
  },
};

