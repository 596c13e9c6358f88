import type { ResourceRef, Value } from '../../model/value.js';
import type { Expr } from './ast.js';

/** The deployment scopes a `scope:` can name with a built-in function instead of a resource. */
export type DeploymentScope = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';

const SCOPE_FUNCTIONS: ReadonlySet<string> = new Set<DeploymentScope>(['resourceGroup', 'subscription', 'managementGroup', 'tenant']);

/** Ternaries and parentheses followed before giving up (a guard against pathological nesting). */
const MAX_STEPS = 64;

/** What `scope:` or `parent:` points at: a resource reference, a deployment scope, or neither (not written). */
export interface TargetRead {
  /** The resource pointed at; `{}` when it cannot be told statically ("could be any resource"). */
  ref?: ResourceRef;
  /** `scope: resourceGroup()` and friends: deployed at that scope, pointing at no resource. */
  deployedAt?: DeploymentScope;
  /** `vaults[2]`: the resource collection and the item's position in it, when the index is known. */
  item?: { symbol: string; index: number };
}

/** What reading a target needs from the template being evaluated. */
export interface TargetHost {
  /** The file the reference is written in. */
  file: string;
  /** Evaluates an expression with the referrer's loop variables in scope. */
  eval(e: Expr): Value;
  /** Whether a (qualified) symbol is a resource declared in this file. */
  isResource(symbol: string): boolean;
  /** For a resource declared with a loop: how many Resources it was expanded to (undefined: one for all). */
  loopItems(symbol: string): { expanded: number | undefined } | undefined;
  /** The ARM type and full name of item `n` of an expanded resource loop, when the name is known. */
  itemIdentity(symbol: string, n: number): { type: string; name: string } | undefined;
  /** The referrer's own position when it is one item of an expanded loop. */
  ownIndex: number | undefined;
}

/** Reads the expression of a `scope:` or `parent:` property into a reference or a deployment scope. */
export function readTarget(expr: Expr, host: TargetHost): TargetRead {
  let e = expr;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    if (e.kind === 'paren' || e.kind === 'nonNull') {
      e = e.expr;
      continue;
    }
    if (e.kind === 'ternary') {
      // A known condition picks a branch; an unknown one could point at either.
      const c = host.eval(e.condition);
      if (c.kind !== 'boolean') return { ref: {} };
      e = c.value ? e.whenTrue : e.whenFalse;
      continue;
    }
    const deployedAt = scopeFunction(e);
    if (deployedAt) return { deployedAt };
    if (e.kind === 'index') return readIndexed(e, host);
    if (e.kind === 'child') {
      // `vaults[i]::secret`: children of a looped parent are one Resource for all items.
      const symbol = childSymbol(e);
      if (symbol !== undefined && host.isResource(symbol)) return { ref: { symbol, file: host.file } };
    }
    return { ref: wholeResource(host.eval(e), host) ?? {} };
  }
  return { ref: {} };
}

/** `resourceGroup()`, `az.subscription()`, `managementGroup('mg')`, ...: the scope it names. */
function scopeFunction(e: Expr): DeploymentScope | undefined {
  if (e.kind !== 'call' || !SCOPE_FUNCTIONS.has(e.name)) return undefined;
  if (e.target !== undefined && !(e.target.kind === 'ident' && e.target.name === 'az')) return undefined;
  return e.name as DeploymentScope;
}

/** A value that denotes a whole resource of this file (not one of its properties, not a module). */
function wholeResource(v: Value, host: TargetHost): ResourceRef | undefined {
  if (v.kind !== 'unknown' || !v.ref?.symbol || v.ref.property !== undefined) return undefined;
  if (!host.isResource(v.ref.symbol)) return undefined;
  return { symbol: v.ref.symbol, file: v.ref.file ?? host.file };
}

/**
 * `vaults[i]`: one item of a resource collection. The graph links a reference to the collection's symbol with
 * the item at the referrer's own position when both loops were expanded, and with every item otherwise; so the
 * symbol is right unless the index is known to be another position, where the item's type and name are used.
 */
function readIndexed(e: Expr & { kind: 'index' }, host: TargetHost): TargetRead {
  const base = host.eval(e.object);
  const whole = wholeResource(base, host);
  if (whole?.symbol === undefined || host.loopItems(whole.symbol) === undefined) return { ref: wholeResource(host.eval(e), host) ?? {} };
  const idx = host.eval(e.index);
  const item = idx.kind === 'number' ? (idx.value as number) : undefined;
  const read: TargetRead = item === undefined ? { ref: whole } : { ref: whole, item: { symbol: whole.symbol, index: item } };
  if (item === undefined || item === host.ownIndex || host.loopItems(whole.symbol)?.expanded === undefined) return read;
  return { ...read, ref: host.itemIdentity(whole.symbol, item) ?? whole };
}

/** The qualified symbol `a::b` of a child access, reading `a[i]::b` as `a::b`. */
function childSymbol(e: Expr): string | undefined {
  const names: string[] = [];
  let cur: Expr = e;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    if (cur.kind === 'child') {
      names.unshift(cur.name);
      cur = cur.object;
    } else if (cur.kind === 'index' || cur.kind === 'paren' || cur.kind === 'nonNull') {
      cur = cur.kind === 'index' ? cur.object : cur.expr;
    } else if (cur.kind === 'ident') {
      names.unshift(cur.name);
      return names.join('::');
    } else return undefined;
  }
  return undefined;
}
