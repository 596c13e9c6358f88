import type { Location } from '../../model/location.js';
import { V, getProperty, toPlain, type Property, type Value } from '../../model/value.js';
import { firstOrigin, fromPlain, toText, valuesEqual } from './values.js';

/** A lambda argument, callable by the built-ins that take one. */
export interface LambdaArg {
  kind: 'lambda';
  arity: number;
  call(values: Value[]): Value;
}
export type Arg = Value | LambdaArg;

/** Functions whose result is only known at deployment; their Unknown reason is the call's text. */
const DEPLOYMENT_TIME = new Set([
  'resourceGroup', 'subscription', 'tenant', 'managementGroup', 'deployment', 'environment', 'uniqueString', 'guid',
  'newGuid', 'utcNow', 'dateTimeAdd', 'dateTimeFromEpoch', 'dateTimeToEpoch', 'reference', 'list', 'listKeys',
  'listSecrets', 'pickZones', 'deployer', 'readEnvironmentVariable', 'getSecret', 'externalInput',
]);
const RESOURCE_ID = new Set(['resourceId', 'subscriptionResourceId', 'tenantResourceId', 'extensionResourceId', 'managementGroupResourceId']);

type Plain = unknown;
type PlainFn = (args: Plain[]) => Plain | undefined;

const str = (x: Plain): x is string => typeof x === 'string';
const num = (x: Plain): x is number => typeof x === 'number';

/** Built-ins over plain data: all arguments known; `undefined` means "not computable" (bad arguments). */
const PLAIN: Record<string, PlainFn> = {
  toLower: ([s]) => (str(s) ? s.toLowerCase() : undefined),
  toUpper: ([s]) => (str(s) ? s.toUpperCase() : undefined),
  trim: ([s]) => (str(s) ? s.trim() : undefined),
  replace: ([s, a, b]) => (str(s) && str(a) && str(b) ? s.split(a).join(b) : undefined),
  startsWith: ([s, p]) => (str(s) && str(p) ? s.toLowerCase().startsWith(p.toLowerCase()) : undefined),
  endsWith: ([s, p]) => (str(s) && str(p) ? s.toLowerCase().endsWith(p.toLowerCase()) : undefined),
  indexOf: ([s, p]) => (str(s) && str(p) ? s.toLowerCase().indexOf(p.toLowerCase()) : Array.isArray(s) ? s.findIndex((x) => x === p) : undefined),
  lastIndexOf: ([s, p]) => (str(s) && str(p) ? s.toLowerCase().lastIndexOf(p.toLowerCase()) : undefined),
  substring: ([s, a, n]) => (str(s) && num(a) ? s.substr(a, num(n) ? n : undefined) : undefined),
  split: ([s, d]) => (str(s) && str(d) ? s.split(d) : str(s) && Array.isArray(d) ? splitAny(s, d as string[]) : undefined),
  join: ([a, d]) => (Array.isArray(a) && str(d) ? a.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(d) : undefined),
  padLeft: ([s, n, c]) => (num(n) ? String(s).padStart(n, str(c) ? c : ' ') : undefined),
  format: ([f, ...rest]) => (str(f) ? format(f, rest) : undefined),
  string: ([x]) => (str(x) ? x : typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x)),
  int: ([x]) => (num(x) ? Math.trunc(x) : str(x) && /^\s*-?\d+\s*$/.test(x) ? parseInt(x, 10) : undefined),
  bool: ([x]) => (typeof x === 'boolean' ? x : str(x) ? x.toLowerCase() === 'true' : num(x) ? x !== 0 : undefined),
  json: ([x]) => (str(x) ? parseJson(x) : undefined),
  __json: ([x]) => (str(x) ? parseJson(x) : undefined),
  __text: ([x]) => x,
  base64: ([x]) => (str(x) ? Buffer.from(x, 'utf8').toString('base64') : undefined),
  base64ToString: ([x]) => (str(x) ? Buffer.from(x, 'base64').toString('utf8') : undefined),
  uriComponent: ([x]) => (str(x) ? encodeURIComponent(x) : undefined),
  uriComponentToString: ([x]) => (str(x) ? safeDecode(x) : undefined),
  empty: ([x]) => (x === null ? true : str(x) || Array.isArray(x) ? x.length === 0 : typeof x === 'object' ? Object.keys(x as object).length === 0 : undefined),
  length: ([x]) => (str(x) || Array.isArray(x) ? x.length : typeof x === 'object' && x !== null ? Object.keys(x).length : undefined),
  min: (args) => numbers(args, Math.min),
  max: (args) => numbers(args, Math.max),
  range: ([a, n]) => (num(a) && num(n) && n >= 0 && n <= 10000 ? Array.from({ length: n }, (_, i) => a + i) : undefined),
  array: ([x]) => (Array.isArray(x) ? x : [x]),
  flatten: ([x]) => (Array.isArray(x) ? x.flat() : undefined),
  objectKeys: ([x]) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? Object.keys(x) : undefined),
  items: ([x]) =>
    typeof x === 'object' && x !== null && !Array.isArray(x)
      ? Object.keys(x).sort().map((key) => ({ key, value: (x as Record<string, unknown>)[key] }))
      : undefined,
  createArray: (args) => args,
  createObject: (args) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i + 1 < args.length; i += 2) if (str(args[i])) o[args[i] as string] = args[i + 1];
    return o;
  },
  intersection: ([first, ...rest]) => {
    if (Array.isArray(first)) return first.filter((x) => rest.every((r) => Array.isArray(r) && r.some((y) => JSON.stringify(y) === JSON.stringify(x))));
    return undefined;
  },
  parseCidr: () => undefined,
  cidrSubnet: () => undefined,
  cidrHost: () => undefined,
};

function splitAny(s: string, delims: string[]): string[] {
  let parts = [s];
  for (const d of delims) parts = parts.flatMap((p) => p.split(d));
  return parts;
}
function numbers(args: Plain[], f: (...n: number[]) => number): number | undefined {
  const flat = args.length === 1 && Array.isArray(args[0]) ? (args[0] as Plain[]) : args;
  return flat.length > 0 && flat.every(num) ? f(...(flat as number[])) : undefined;
}
function format(f: string, args: Plain[]): string | undefined {
  let ok = true;
  const out = f.replace(/\{(\d+)(?::[^}]*)?\}/g, (_, i: string) => {
    const a = args[Number(i)];
    if (a === undefined) ok = false;
    return typeof a === 'object' ? JSON.stringify(a) : String(a);
  });
  return ok ? out : undefined;
}
function parseJson(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}
function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

const isLambda = (a: Arg | undefined): a is LambdaArg => a !== undefined && a.kind === 'lambda';
const unknownFrom = (loc: Location): Value => V.unknown('', loc);

/**
 * Calls a Bicep built-in over evaluated arguments. Returns undefined for functions it does not know, an
 * Unknown with an empty reason for deployment-time results (the caller fills in the call's text).
 */
export function callBuiltin(name: string, args: Arg[], loc: Location): Value | undefined {
  if (DEPLOYMENT_TIME.has(name)) return unknownFrom(loc);
  if (RESOURCE_ID.has(name)) {
    const parts = args.map((a) => (a.kind === 'string' ? (a.value as string) : undefined));
    const typeIdx = parts.findIndex((p) => p !== undefined && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\//.test(p));
    if (typeIdx >= 0 && parts.slice(typeIdx + 1).every((p) => p !== undefined)) {
      return V.unknown('', loc, { type: parts[typeIdx], name: parts.slice(typeIdx + 1).join('/') });
    }
    return unknownFrom(loc);
  }
  const values = args.filter((a): a is Value => !isLambda(a));
  const origin = firstOrigin(values);
  switch (name) {
    case 'any':
      return values[0];
    case 'concat':
      if (values.length > 0 && values.every((v) => v.kind === 'array')) {
        return V.arr(values.flatMap((v) => (v.kind === 'array' ? v.items : [])), loc, origin);
      }
      if (values.some((v) => v.kind === 'unknown')) return unknownFrom(loc);
      return V.str(values.map((v) => toText(v) ?? '').join(''), loc, origin);
    case 'union':
    case 'shallowMerge':
      return union(name === 'union' ? values : values[0]?.kind === 'array' ? values[0].items : [], loc, name === 'union');
    case 'coalesce': {
      for (const v of values) {
        if (v.kind === 'unknown') return unknownFrom(loc);
        if (v.kind !== 'null') return v;
      }
      return V.nul(loc);
    }
    case 'first':
    case 'last': {
      const v = values[0];
      if (v?.kind === 'array') return (name === 'first' ? v.items[0] : v.items[v.items.length - 1]) ?? V.nul(loc);
      break;
    }
    case 'take':
    case 'skip': {
      const [v, n] = values;
      if (v?.kind === 'array' && n?.kind === 'number') {
        const k = Math.max(0, n.value as number);
        return V.arr(name === 'take' ? v.items.slice(0, k) : v.items.slice(k), loc, v.origin);
      }
      break;
    }
    case 'contains': {
      const [c, x] = values;
      if (c?.kind === 'object' && x?.kind === 'string') return V.bool(getProperty(c, x.value as string) !== undefined, loc, origin);
      if (c?.kind === 'array' && x && x.kind !== 'unknown') {
        let found = false;
        for (const item of c.items) {
          const eq = valuesEqual(item, x);
          if (eq === undefined) return unknownFrom(loc);
          if (eq) found = true;
        }
        return V.bool(found, loc, origin);
      }
      if (c?.kind === 'string' && x && x.kind !== 'unknown') return V.bool((c.value as string).includes(toText(x) ?? ''), loc, origin);
      break;
    }
    case 'tryGet': {
      const [o, k] = values;
      if (o?.kind === 'object' && k?.kind === 'string') return getProperty(o, k.value as string)?.value ?? V.nul(loc);
      if (o?.kind === 'array' && k?.kind === 'number') return o.items[k.value as number] ?? V.nul(loc);
      break;
    }
    case 'filter':
    case 'map':
    case 'sort':
    case 'reduce':
    case 'toObject':
      return withLambda(name, args, loc);
  }
  const fn = PLAIN[name];
  if (!fn) return undefined;
  const plain: unknown[] = [];
  for (const v of values) {
    const p = toPlain(v);
    if (p === undefined) return unknownFrom(loc);
    plain.push(p);
  }
  const r = fn(plain);
  return r === undefined ? unknownFrom(loc) : fromPlain(r, loc, origin);
}

/** union() of objects (deep merge, later wins, properties keep their locations) or of arrays (distinct items). */
function union(values: Value[], loc: Location, deep: boolean): Value {
  if (values.length === 0) return unknownFrom(loc);
  if (values.every((v) => v.kind === 'array')) {
    const items: Value[] = [];
    for (const v of values) {
      for (const item of v.kind === 'array' ? v.items : []) if (!items.some((i) => valuesEqual(i, item) === true)) items.push(item);
    }
    return V.arr(items, loc, firstOrigin(values));
  }
  if (!values.every((v) => v.kind === 'object' || v.kind === 'null')) return unknownFrom(loc);
  const props: Property[] = [];
  for (const v of values) {
    if (v.kind !== 'object') continue;
    for (const p of v.properties) {
      const i = props.findIndex((q) => q.key.toLowerCase() === p.key.toLowerCase());
      if (i < 0) props.push(p);
      else if (deep && props[i].value.kind === 'object' && p.value.kind === 'object') {
        props[i] = { ...p, value: union([props[i].value, p.value], p.value.loc, true) };
      } else props[i] = p;
    }
  }
  return V.obj(props, loc, firstOrigin(values));
}

function withLambda(name: string, args: Arg[], loc: Location): Value {
  const [coll, a1, a2] = args;
  if (!coll || coll.kind !== 'array') return unknownFrom(loc);
  if (name === 'reduce') {
    if (!isLambda(a2) || !a1 || isLambda(a1)) return unknownFrom(loc);
    let acc: Value = a1;
    coll.items.forEach((item, i) => {
      acc = a2.call([acc, item, V.num(i, loc)]);
    });
    return acc;
  }
  if (!isLambda(a1)) return unknownFrom(loc);
  const out: Value[] = [];
  if (name === 'map') {
    coll.items.forEach((item, i) => out.push(a1.call([item, V.num(i, loc)])));
    return V.arr(out, loc);
  }
  if (name === 'filter') {
    for (let i = 0; i < coll.items.length; i++) {
      const keep = a1.call([coll.items[i], V.num(i, loc)]);
      if (keep.kind !== 'boolean') return unknownFrom(loc);
      if (keep.value) out.push(coll.items[i]);
    }
    return V.arr(out, loc);
  }
  if (name === 'sort') {
    const items = [...coll.items];
    let ok = true;
    items.sort((x, y) => {
      const r = a1.call([x, y]);
      if (r.kind !== 'boolean') ok = false;
      return r.kind === 'boolean' && r.value === true ? -1 : 1;
    });
    return ok ? V.arr(items, loc) : unknownFrom(loc);
  }
  // toObject(items, keyLambda, valueLambda?)
  const props: Property[] = [];
  for (const item of coll.items) {
    const k = a1.call([item]);
    if (k.kind !== 'string') return unknownFrom(loc);
    props.push({ key: k.value as string, keyLoc: k.loc, value: isLambda(a2) ? a2.call([item]) : item });
  }
  return V.obj(props, loc);
}
