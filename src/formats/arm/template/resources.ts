/**
 * Turns a template's `resources` (array, or languageVersion 2.0 symbolic object) into Resources: child
 * resources with full types and names, copy loops, conditions, `existing`, extension scopes, and nested
 * deployments (see deployments.ts).
 */
import type { Diagnostic } from '../../../model/diagnostic.js';
import type { Location } from '../../../model/location.js';
import type { ParseContext, Resource } from '../../../model/resource.js';
import type { ResourceRef, Value } from '../../../model/value.js';
import { evaluateValue } from '../expr/evaluate.js';
import type { JsonNode } from '../json/tree.js';
import { LazyBody } from './lazyBody.js';
import { ArmResource } from './armResource.js';
import { refFromIdString, typeInText } from '../expr/refs.js';
import { extractDeployment } from './deployments.js';
import type { TemplateScope } from './scope.js';

/** Where the resources being extracted come from and where they go. */
export interface ExtractContext {
  /** The file being parsed: resource keys start with it. */
  hostFile: string;
  /** The file that declares these resources (a linked template's path for linked deployments). */
  declFile: string;
  /** Key path of the enclosing deployment, e.g. `resources[2].properties.template.`. */
  keyPrefix: string;
  /** Appended to every key (`?params.json` when evaluating once per parameter file). */
  keySuffix: string;
  via: Location[];
  /** Nesting depth of deployments, bounded. */
  depth: number;
  /** Linked template paths on the current chain, to stop cycles. */
  linkChain: string[];
  parse: ParseContext;
  out: Resource[];
  report: (d: Diagnostic) => void;
}

/** The enclosing resource of a child resource. */
interface ParentInfo {
  type: string;
  /** The parent's evaluated name, computed on first call. */
  name: () => Value;
  symbol?: string;
  conditional: boolean;
  loop: boolean;
}

const DEPLOYMENTS = 'microsoft.resources/deployments';

/** Symbolic names of a 2.0 template's resources (empty for the classic `resources` array). */
export function symbolsOf(template: JsonNode): Set<string> {
  const r = template.child('resources');
  return new Set(r?.kind === 'object' ? r.children().map(([k]) => k) : []);
}

/** Adds the Resources of a template (evaluated in `scope`) to `cx.out`. */
export function extractTemplate(template: JsonNode, scope: TemplateScope, cx: ExtractContext): void {
  extractList(template.child('resources'), 'resources', scope, cx, undefined);
}

function extractList(section: JsonNode | undefined, path: string, scope: TemplateScope, cx: ExtractContext, parent: ParentInfo | undefined): void {
  if (section?.kind === 'array') {
    for (const [i, item] of section.children()) extractOne(item, `${path}[${i}]`, undefined, scope, cx, parent);
  } else if (section?.kind === 'object') {
    for (const [key, item] of section.children()) extractOne(item, `${path}.${key}`, key, scope, cx, parent);
  }
}

function str(v: Value | undefined): string | undefined {
  return v?.kind === 'string' ? (v.value as string) : undefined;
}

function extractOne(raw: JsonNode, path: string, symbol: string | undefined, scope: TemplateScope, cx: ExtractContext, parent: ParentInfo | undefined): void {
  if (raw.kind !== 'object') {
    cx.report({ code: 'ARM-RESOURCE', severity: 'warning', message: `The resource at ${cx.keyPrefix}${path} is not an object and is skipped.`, location: raw.loc });
    return;
  }
  const ev = (key: string): Value | undefined => {
    const v = raw.child(key);
    return v && evaluateValue(v.value(), scope);
  };
  let type = str(ev('type'));
  if (type === undefined) {
    cx.report({ code: 'ARM-RESOURCE', severity: 'warning', message: `The resource at ${cx.keyPrefix}${path} has no readable 'type' and is skipped.`, location: raw.loc });
    return;
  }
  if (parent && !type.includes('/')) type = `${parent.type}/${type}`;
  const isDeployment = type.toLowerCase() === DEPLOYMENTS;
  const nameRaw = raw.child('name')?.string();
  const resourceType = type;
  // Names are evaluated when first read: most are read only for the resources a finding names.
  let evaluatedName: Value | undefined;
  const name = (): Value => {
    if (evaluatedName === undefined) {
      try {
        const own: Value = ev('name') ?? { kind: 'unknown', reason: 'the resource has no name', loc: raw.loc };
        evaluatedName = parent ? childName(own, parent.name(), resourceType) : own;
      } catch {
        // Read by rules, after parsing: never throw.
        evaluatedName = { kind: 'unknown', reason: 'the resource name could not be evaluated', loc: raw.loc };
      }
    }
    return evaluatedName;
  };
  const conditionV = ev('condition');
  const conditional = (conditionV !== undefined && !(conditionV.kind === 'boolean' && conditionV.value === true)) || (parent?.conditional ?? false);
  const loop = raw.child('copy') !== undefined || (parent?.loop ?? false);
  const existingV = raw.child('existing')?.value();
  const apiVersion = str(ev('apiVersion'));
  const scopeV = ev('scope');
  const scopeRef = scopeV ? scopeOf(scopeV, raw.child('scope')?.string(), scope.isSymbol.bind(scope), cx.declFile) : undefined;
  const resource = new ArmResource({
    key: `${cx.hostFile}#${cx.keyPrefix}${symbol ?? path}${cx.keySuffix}`,
    type,
    apiVersion,
    symbol: symbol ?? nameRaw,
    body: new LazyBody(raw, scope, isDeployment),
    loc: raw.loc,
    file: cx.declFile,
    scope: scopeRef,
    existing: (existingV?.kind === 'boolean' && existingV.value === true) || undefined,
    conditional: conditional || undefined,
    loop: loop || undefined,
    via: cx.via.length > 0 ? cx.via : undefined,
    name,
    parent: () => (parent ? refOfParent(parent, cx.declFile) : impliedParent(resourceType, name())),
  });
  cx.out.push(resource);

  if (isDeployment && cx.depth < 8) extractDeployment(raw, symbol ?? path, scope, cx);
  const children = raw.child('resources');
  if (children) extractList(children, `${symbol ?? path}.resources`, scope, cx, { type, name, symbol, conditional, loop });
}

/** `parent/child` for a child declared inside its parent with a short name. */
function childName(name: Value, parentName: Value, type: string): Value {
  if (name.kind !== 'string') return name;
  const needed = type.split('/').length - 1;
  const have = (name.value as string).split('/').length;
  if (have >= needed) return name;
  if (parentName.kind === 'string') return { ...name, value: `${parentName.value as string}/${name.value as string}` };
  return { kind: 'unknown', reason: parentName.kind === 'unknown' ? parentName.reason : 'the parent name is not a string', loc: name.loc };
}

function refOfParent(parent: ParentInfo, file: string): ResourceRef {
  const ref: ResourceRef = { type: parent.type, file };
  const name = parent.name();
  if (name.kind === 'string') ref.name = name.value as string;
  if (parent.symbol) ref.symbol = parent.symbol;
  return ref;
}

/** For a child declared on its own (`…/securityRules` named `nsg/rule`): its parent's type and name. */
function impliedParent(type: string, name: Value): ResourceRef | undefined {
  const segs = type.split('/');
  if (segs.length <= 2) return undefined;
  const ref: ResourceRef = { type: segs.slice(0, -1).join('/') };
  if (name.kind === 'string') {
    const parts = (name.value as string).split('/');
    if (parts.length === segs.length - 1) ref.name = parts.slice(0, -1).join('/');
  }
  return ref;
}

/** What an extension resource's `scope` points at. */
function scopeOf(v: Value, raw: string | undefined, isSymbol: (s: string) => boolean, file: string): ResourceRef | undefined {
  if (v.kind === 'string') {
    const s = v.value as string;
    if (isSymbol(s)) return { symbol: s, file };
    return refFromIdString(s);
  }
  if (v.kind === 'unknown') {
    if (v.ref) {
      const ref = { ...v.ref };
      delete ref.property;
      return ref;
    }
    const t = raw !== undefined ? typeInText(raw) : undefined;
    return t ? { type: t } : undefined;
  }
  return undefined;
}
