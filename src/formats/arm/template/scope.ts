/**
 * What a template's expressions see: its parameters (from a parameter file, a parent deployment, or their
 * defaults) and variables, evaluated on first use, each value carrying the origin where it was set.
 */
import type { Value } from '../../../model/value.js';
import type { JsonNode } from '../json/tree.js';
import { getProperty } from '../../../model/value.js';
import { evaluateValue, type EvalHost } from '../expr/evaluate.js';
import { withOriginSet } from '../expr/values.js';

/** Longest chain of parameters and variables defined through one another that is evaluated. */
const MAX_REFERENCE_CHAIN = 64;

/** Parameter values supplied from outside the template, by lower-case name. */
export type SuppliedParameters = Map<string, Value>;

/** Declarations of an object section (`parameters`, `variables`) by lower-case name. */
function sectionMap(template: JsonNode, section: string): Map<string, { name: string; value: Value }> {
  const out = new Map<string, { name: string; value: Value }>();
  const s = template.child(section)?.value();
  if (s?.kind === 'object') for (const p of s.properties) out.set(p.key.toLowerCase(), { name: p.key, value: p.value });
  return out;
}

/** Evaluation scope of one template (the main one, or a nested deployment with `inner` scope). */
export class TemplateScope implements EvalHost {
  private readonly params: Map<string, { name: string; value: Value }>;
  private readonly vars: Map<string, { name: string; value: Value }>;
  private readonly copiedVars = new Set<string>();
  private readonly paramCache = new Map<string, Value>();
  private readonly varCache = new Map<string, Value>();
  private readonly inProgress = new Set<string>();

  constructor(
    readonly file: string,
    template: JsonNode,
    private readonly supplied: SuppliedParameters | undefined,
    private readonly symbols: ReadonlySet<string>,
  ) {
    this.params = sectionMap(template, 'parameters');
    this.vars = sectionMap(template, 'variables');
    const copy = this.vars.get('copy');
    if (copy?.value.kind === 'array') {
      // Variable copy loops: the names they define are not evaluated.
      this.vars.delete('copy');
      for (const item of copy.value.items) {
        const n = item.kind === 'object' ? getProperty(item, 'name')?.value : undefined;
        if (n?.kind === 'string') this.copiedVars.add((n.value as string).toLowerCase());
      }
    }
  }

  /** Declared parameter names, lower-case. */
  parameterNames(): string[] {
    return [...this.params.keys()];
  }

  isSymbol(name: string): boolean {
    return this.symbols.has(name);
  }

  parameter(name: string): Value | undefined {
    const k = name.toLowerCase();
    const cached = this.paramCache.get(k);
    if (cached) return cached;
    const decl = this.params.get(k);
    const given = this.supplied?.get(k);
    if (!decl && !given) return undefined;
    const via = `parameters('${decl?.name ?? name}')`;
    let v: Value;
    if (given) {
      v = given;
    } else {
      const def = decl!.value.kind === 'object' ? getProperty(decl!.value, 'defaultValue')?.value : undefined;
      if (def === undefined) v = { kind: 'unknown', reason: `parameter '${decl!.name}' has no value`, loc: decl!.value.loc };
      else v = this.guarded(`p:${k}`, () => evaluateValue(def, this), def);
    }
    const out = v.origin ? v : withOriginSet(v, { via, location: v.loc });
    this.paramCache.set(k, out);
    return out;
  }

  variable(name: string): Value | undefined {
    const k = name.toLowerCase();
    const cached = this.varCache.get(k);
    if (cached) return cached;
    const decl = this.vars.get(k);
    let v: Value;
    if (this.copiedVars.has(k)) {
      v = { kind: 'unknown', reason: `variable '${name}' is built by a copy loop`, loc: this.vars.get('copy')?.value.loc ?? { file: this.file, line: 1, column: 1, endLine: 1, endColumn: 1 } };
    } else if (!decl) {
      return undefined;
    } else {
      v = this.guarded(`v:${k}`, () => evaluateValue(decl.value, this), decl.value);
    }
    const out = v.origin ? v : withOriginSet(v, { via: `variables('${decl?.name ?? name}')`, location: v.loc });
    this.varCache.set(k, out);
    return out;
  }

  /** Runs an evaluation unless it is already running (a parameter or variable that refers to itself). */
  private guarded(key: string, run: () => Value, at: Value): Value {
    if (this.inProgress.has(key)) return { kind: 'unknown', reason: 'circular reference', loc: at.loc };
    // A long chain of variables that use each other would otherwise exhaust the stack.
    if (this.inProgress.size >= MAX_REFERENCE_CHAIN) return { kind: 'unknown', reason: 'references are chained too deeply', loc: at.loc };
    this.inProgress.add(key);
    try {
      return run();
    } finally {
      this.inProgress.delete(key);
    }
  }
}
