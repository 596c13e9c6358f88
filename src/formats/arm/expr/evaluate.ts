/**
 * Static evaluation of ARM template expressions. What cannot be known (deployment-time functions, outputs
 * of other resources) becomes an UnknownValue with a reason, and with a ResourceRef when it points at a
 * resource (resourceId(), reference(), resourceInfo()), so the deployment graph can link them.
 */
import type { Diagnostic } from '../../../model/diagnostic.js';
import type { Location } from '../../../model/location.js';
import { getProperty, type Origin, type Property, type ResourceRef, type Value } from '../../../model/value.js';
import type { Expr, ParseResult } from './ast.js';
import { FUNCTIONS } from './functions.js';
import { classifyString, parseExpression } from './parse.js';
import { refFromIdCall, refFromIdString } from './refs.js';
import { withOriginSet } from './values.js';

/** What an expression can see: the template's parameters, variables and symbolic resource names. */
export interface EvalHost {
  /** The file the expressions are written in. */
  readonly file: string;
  /** A parameter's value with its origin, or undefined when not declared. */
  parameter(name: string): Value | undefined;
  /** A variable's value with its origin, or undefined when not declared. */
  variable(name: string): Value | undefined;
  /** Whether a name is a symbolic resource name (languageVersion 2.0). */
  isSymbol(name: string): boolean;
}

/**
 * Parsed expressions by their whole JSON string (`[...]`): templates repeat the same expressions, and a
 * string's hash is computed once, so keying by the string itself (not a slice of it) keeps look-ups cheap.
 */
const parseCache = new Map<string, { inner: string; parsed: ParseResult }>();
const PARSE_CACHE_LIMIT = 20000;

function parseCached(whole: string): { inner: string; parsed: ParseResult } {
  let r = parseCache.get(whole);
  if (r === undefined) {
    if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
    const inner = whole.slice(1, -1);
    r = { inner, parsed: parseExpression(inner) };
    parseCache.set(whole, r);
  }
  return r;
}

const ID_FUNCTIONS = new Set(['resourceid', 'subscriptionresourceid', 'tenantresourceid', 'managementgroupresourceid', 'extensionresourceid']);
/** Unary functions whose result is still "set by" the argument's origin. */
const KEEPS_ORIGIN = new Set(['bool', 'int', 'string', 'tolower', 'toupper', 'trim', 'not', 'first', 'last']);

/** Evaluates a JSON string as ARM reads it: an expression, an escaped `[[` literal, or plain text. */
export function evaluateString(v: Value & { kind: 'string' }, host: EvalHost): Value {
  const c = classifyString(v.value as string);
  if (c.kind === 'literal') return c.value === v.value ? v : { ...v, value: c.value };
  return evaluateParsed(parseCached(v.value as string), v.loc, host);
}

/** A diagnostic for an expression that cannot be parsed, or undefined when it can (or is not an expression). */
export function expressionSyntaxDiagnostic(s: string, loc: () => Location): Diagnostic | undefined {
  // What classifyString calls an expression, tested without allocating: `[…]` but not `[[…`.
  if (s.length < 2 || s.charCodeAt(0) !== 91 || s.charCodeAt(s.length - 1) !== 93 || s.charCodeAt(1) === 91) return undefined;
  const { parsed } = parseCached(s);
  if (parsed.ok) return undefined;
  return {
    code: 'ARM-EXPRESSION',
    severity: 'warning',
    message: `Cannot read the template expression: ${parsed.message} (at character ${parsed.offset + 1} of '${s}').`,
    location: loc(),
  };
}

/** Evaluates the inside of `[...]` written at `loc`; the result is located at `loc`. */
export function evaluateExpressionText(inner: string, loc: Location, host: EvalHost): Value {
  return evaluateParsed(parseCached(`[${inner}]`), loc, host);
}

function evaluateParsed({ inner, parsed }: { inner: string; parsed: ParseResult }, loc: Location, host: EvalHost): Value {
  // Syntax errors are reported once per file by expressionSyntaxDiagnostic, not at each evaluation.
  if (!parsed.ok) return { kind: 'unknown', reason: `invalid expression (${parsed.message})`, loc };
  const result = new Evaluator(inner, loc, host).eval(parsed.expr);
  return result.loc === loc ? result : relocate(result, loc);
}

/** The same value written somewhere else (where the expression that produced it is). */
function relocate(v: Value, loc: Location): Value {
  switch (v.kind) {
    case 'object':
      return { kind: 'object', properties: v.properties, loc, origin: v.origin };
    case 'array':
      return { kind: 'array', items: v.items, loc, origin: v.origin };
    case 'unknown':
      return { kind: 'unknown', reason: v.reason, loc, ref: v.ref, origin: v.origin };
    default:
      return { kind: v.kind, value: v.value, loc, origin: v.origin };
  }
}

/** Evaluates every string in a value tree; unchanged parts are returned as they are. `skip` names top-level keys left as written. */
export function evaluateValue(v: Value, host: EvalHost, skip?: (key: string) => boolean): Value {
  switch (v.kind) {
    case 'string':
      return v.value === '' || (v.value as string).charCodeAt(0) !== 91 ? v : evaluateString(v as Value & { kind: 'string' }, host);
    case 'array': {
      let items: Value[] | undefined;
      for (let i = 0; i < v.items.length; i++) {
        const e = evaluateValue(v.items[i], host);
        if (e !== v.items[i]) (items ??= v.items.slice())[i] = e;
      }
      if (!items) return v;
      // Field by field: a spread would copy the private fields of a lazily built value (see json/build.ts).
      return v.origin ? { kind: 'array', items, loc: v.loc, origin: v.origin } : { kind: 'array', items, loc: v.loc };
    }
    case 'object': {
      let props: Property[] | undefined;
      for (let i = 0; i < v.properties.length; i++) {
        const p = v.properties[i];
        if (skip?.(p.key)) continue;
        const e = evaluateValue(p.value, host);
        if (e !== p.value) (props ??= v.properties.slice())[i] = { key: p.key, keyLoc: p.keyLoc, value: e };
      }
      if (!props) return v;
      return v.origin ? { kind: 'object', properties: props, loc: v.loc, origin: v.origin } : { kind: 'object', properties: props, loc: v.loc };
    }
    default:
      return v;
  }
}

function withOrigin(v: Value, origin: Origin | undefined): Value {
  return origin && !v.origin ? withOriginSet(v, { via: origin.via, location: origin.location }) : v;
}

class Evaluator {
  constructor(
    private readonly src: string,
    private readonly loc: Location,
    private readonly host: EvalHost,
  ) {}

  private text(e: Expr): string {
    return this.src.slice(e.start, e.end);
  }
  private unknown(reason: string, ref?: ResourceRef): Value {
    return ref ? { kind: 'unknown', reason, loc: this.loc, ref } : { kind: 'unknown', reason, loc: this.loc };
  }

  eval(e: Expr): Value {
    switch (e.kind) {
      case 'string':
        return { kind: 'string', value: e.value, loc: this.loc };
      case 'number':
        return { kind: 'number', value: e.value, loc: this.loc };
      case 'literal':
        return e.value === null ? { kind: 'null', value: null, loc: this.loc } : { kind: 'boolean', value: e.value, loc: this.loc };
      case 'property':
        return this.access(e, this.eval(e.target), e.name, e.target);
      case 'index': {
        const target = this.eval(e.target);
        const index = this.eval(e.index);
        if (index.kind === 'unknown') return index;
        if (target.kind === 'array' && index.kind === 'number') {
          const item = target.items[index.value as number];
          return item ? withOrigin(item, target.origin && { via: target.origin.via, location: item.loc }) : this.unknown(`index ${index.value} is outside ${this.text(e.target)}`);
        }
        return this.access(e, target, index.kind === 'string' || index.kind === 'number' ? String(index.value) : '?', e.target);
      }
      case 'call':
        return this.call(e);
    }
  }

  /** `.name` (or `['name']`) on a value. */
  private access(e: Expr, target: Value, name: string, targetExpr: Expr): Value {
    if (target.kind === 'object') {
      const p = getProperty(target, name);
      if (!p) return this.unknown(`'${name}' is not set in ${this.text(targetExpr)}`);
      return withOrigin(p.value, target.origin && { via: target.origin.via, location: p.value.loc });
    }
    if (target.kind === 'unknown') {
      if (target.ref) {
        const property = target.ref.property ? `${target.ref.property}.${name}` : name;
        return this.unknown(this.text(e), { ...target.ref, property });
      }
      // Extend "resourceGroup()" to "resourceGroup().location"; keep more specific reasons.
      return target.reason === this.text(targetExpr) ? this.unknown(this.text(e)) : target;
    }
    return this.unknown(`'${name}' cannot be read from ${this.text(targetExpr)}`);
  }

  private call(e: Expr & { kind: 'call' }): Value {
    const fn = e.name.toLowerCase();
    switch (fn) {
      case 'parameters':
      case 'variables':
        return this.lookup(e, fn);
      case 'if':
        return this.ifCall(e);
      case 'and':
      case 'or':
        return this.logical(e, fn === 'and');
      case 'coalesce': {
        for (const a of e.args) {
          const v = this.eval(a);
          if (v.kind !== 'null') return v;
        }
        return { kind: 'null', value: null, loc: this.loc };
      }
      case 'reference':
        return this.reference(e);
      case 'resourceinfo': {
        const a = e.args[0] ? this.eval(e.args[0]) : undefined;
        if (a?.kind === 'string') return this.unknown(this.text(e), { symbol: a.value as string, file: this.host.file });
        return this.unknown(this.text(e));
      }
    }
    const impl = FUNCTIONS[fn];
    const args = e.args.map((a) => this.eval(a));
    if (ID_FUNCTIONS.has(fn)) return this.unknown(this.text(e), refFromIdCall(fn, args));
    if (!impl) return this.unknown(this.text(e));
    const unknownArg = args.find((a) => a.kind === 'unknown');
    if (unknownArg) return this.unknown((unknownArg as { reason: string }).reason);
    const result = impl(args, this.loc);
    if (!result) return this.unknown(`${this.text(e)} cannot be evaluated`);
    return KEEPS_ORIGIN.has(fn) ? withOrigin(result, args[0]?.origin) : result;
  }

  private lookup(e: Expr & { kind: 'call' }, fn: 'parameters' | 'variables'): Value {
    const nameV = e.args[0] ? this.eval(e.args[0]) : undefined;
    if (nameV?.kind !== 'string') return nameV?.kind === 'unknown' ? nameV : this.unknown(this.text(e));
    const name = nameV.value as string;
    const v = fn === 'parameters' ? this.host.parameter(name) : this.host.variable(name);
    if (v === undefined) return this.unknown(`${fn === 'parameters' ? 'parameter' : 'variable'} '${name}' is not declared`);
    return v;
  }

  private ifCall(e: Expr & { kind: 'call' }): Value {
    if (e.args.length !== 3) return this.unknown(`${this.text(e)} cannot be evaluated`);
    const cond = this.eval(e.args[0]);
    if (cond.kind === 'unknown') return this.unknown(cond.reason);
    const t = cond.kind === 'boolean' ? (cond.value as boolean) : undefined;
    if (t === undefined) return this.unknown(`${this.text(e.args[0])} is not a boolean`);
    // The chosen branch was in effect set by whatever set the condition.
    return withOrigin(this.eval(e.args[t ? 1 : 2]), cond.origin);
  }

  private logical(e: Expr & { kind: 'call' }, isAnd: boolean): Value {
    let unknown: Value | undefined;
    for (const a of e.args) {
      const v = this.eval(a);
      if (v.kind === 'boolean') {
        if (v.value !== isAnd) return { kind: 'boolean', value: !isAnd, loc: this.loc };
      } else unknown ??= v.kind === 'unknown' ? v : this.unknown(`${this.text(a)} is not a boolean`);
    }
    return unknown ? this.unknown((unknown as { reason: string }).reason) : { kind: 'boolean', value: isAnd, loc: this.loc };
  }

  /** reference(symbol | resourceId(...) | name [, apiVersion, 'Full']): the resource's properties (or all of it with 'Full'). */
  private reference(e: Expr & { kind: 'call' }): Value {
    const args = e.args.map((a) => this.eval(a));
    const target = args[0];
    const full = args[2]?.kind === 'string' && (args[2].value as string).toLowerCase() === 'full';
    let ref: ResourceRef | undefined;
    if (target?.kind === 'string') {
      const s = target.value as string;
      if (this.host.isSymbol(s)) ref = { symbol: s, file: this.host.file };
      else ref = refFromIdString(s) ?? { name: s };
    } else if (target?.kind === 'unknown' && target.ref) {
      ref = { ...target.ref };
      delete ref.property;
    }
    if (ref && !full) ref.property = 'properties';
    return this.unknown(this.text(e), ref);
  }
}
