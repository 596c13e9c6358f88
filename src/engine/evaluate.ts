import type { Deployment } from '../model/deployment.js';
import type { Finding, Fix, RelatedLocation } from '../model/finding.js';
import type { Location } from '../model/location.js';
import type { Resource, SourceFormat } from '../model/resource.js';
import { resourceLabel } from '../model/resource.js';
import { describeValue } from '../model/value.js';
import { evaluate, lookup, NO_SETTINGS, type Blame, type EvalContext, type RuleSettings, type Subject } from './conditions.js';
import { fingerprint } from './fingerprint.js';
import type { Rule } from './rule.js';

/** Rules indexed by the ARM type they check (lower case), so each resource meets only its own rules. */
export class RuleIndex {
  private readonly byType = new Map<string, Rule[]>();

  constructor(readonly rules: Rule[]) {
    for (const rule of rules) {
      for (const t of rule.check.resource) {
        const key = t.toLowerCase();
        const list = this.byType.get(key);
        if (list) list.push(rule);
        else this.byType.set(key, [rule]);
      }
    }
  }

  forType(type: string): Rule[] {
    return this.byType.get(type.toLowerCase()) ?? [];
  }
}

/** Run every rule over every resource of the deployment; findings are unique by fingerprint. */
export function evaluateRules(index: RuleIndex, deployment: Deployment, settings: RuleSettings = NO_SETTINGS): Finding[] {
  const ctx: EvalContext = { deployment, settings };
  const byFingerprint = new Map<string, Finding>();
  for (const resource of deployment.resources) {
    for (const rule of index.forType(resource.type)) {
      if (resource.existing && !rule.check.includeExisting) continue;
      for (const finding of evaluateRule(rule, resource, ctx)) {
        const prior = byFingerprint.get(finding.fingerprint);
        // The same resource can be seen twice (a module scanned alone and through its caller): keep the
        // finding that knows where its value came from.
        if (!prior || (finding.related.length > prior.related.length)) byFingerprint.set(finding.fingerprint, finding);
      }
    }
  }
  return [...byFingerprint.values()];
}

/** The subjects a rule looks at in one resource: the body, or each item of its `for-each` array. */
function subjectsOf(rule: Rule, resource: Resource): Subject[] {
  const path = rule.check.forEach;
  if (path === undefined) return [{ resource, value: resource.body, path: '' }];
  // A child resource that is one item written on its own: the whole body is the item.
  if (rule.check.itemTypes?.some((t) => t.toLowerCase() === resource.type.toLowerCase())) return [{ resource, value: resource.body, path: '' }];
  const found = lookup(resource.body, path);
  if (found.state !== 'value' || found.value.kind !== 'array') return [];
  return found.value.items.map((value, i) => ({ resource, value, path: `${path}.${i}` }));
}

function evaluateRule(rule: Rule, resource: Resource, ctx: EvalContext): Finding[] {
  const findings: Finding[] = [];
  for (const subject of subjectsOf(rule, resource)) {
    if (subject.value.kind === 'unknown') continue;
    if (rule.check.when && evaluate(rule.check.when, subject, ctx).result !== true) continue;
    const outcome = rule.check.require ? evaluate(rule.check.require, subject, ctx) : evaluate(rule.check.forbid!, subject, ctx);
    const violated = rule.check.require ? outcome.result === false : outcome.result === true;
    if (!violated) continue;
    findings.push(makeFinding(rule, subject, outcome.blame));
  }
  return findings;
}

/** An item's name for messages and fingerprints: its `name` (NSG rules have one), else `list item n`. */
function itemName(subject: Subject): string | undefined {
  if (subject.path === '') return undefined;
  if (subject.value.kind === 'object') {
    const name = lookup(subject.value, 'name');
    if (name.state === 'value' && name.value.kind === 'string') return name.value.value as string;
  }
  const m = /(?:^|\.)([^.]+)\.(\d+)$/.exec(subject.path);
  return m ? `${m[1]} item ${Number(m[2]) + 1}` : subject.path;
}

/** Where a finding goes: the property (key through value) when it is wrong, the subject's first line when it is missing. */
function findingLocation(subject: Subject, blame: Blame | undefined): Location {
  if (!blame || blame.missing || !blame.value) return firstLine(subject.path === '' ? subject.resource.loc : subject.value.loc);
  const v = blame.value;
  const key = blame.property?.keyLoc;
  if (key && key.file === v.loc.file && key.line === v.loc.line && v.loc.endLine === v.loc.line) {
    return { file: v.loc.file, line: key.line, column: key.column, endLine: v.loc.line, endColumn: v.loc.endColumn };
  }
  return firstLine(key && key.file === v.loc.file ? { ...plain(v.loc), line: key.line, column: key.column } : v.loc);
}

function plain(l: Location): Location {
  return { file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn };
}

/** Clamp a location to its first line: a SARIF region and a review comment should cover the offending line only. */
function firstLine(l: Location): Location {
  if (l.endLine === l.line) return plain(l);
  return { file: l.file, line: l.line, column: l.column, endLine: l.line, endColumn: l.column + 1 };
}

/** The user's name for a property path: Terraform attribute names where the front end recorded them. */
function propertyName(resource: Resource, path: string): string {
  const source = resource.sourceNames?.[path] ?? resource.sourceNames?.[path.replace(/\.\d+(?=\.|$)/g, '')];
  if (source) return source;
  const steps = path.split('.').filter((s) => !/^\d+$/.test(s));
  if (steps[0] === 'properties' && steps.length > 1) steps.shift();
  return steps.join('.');
}

function fill(template: string, fields: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => fields[k] ?? m);
}

function makeFinding(rule: Rule, subject: Subject, blame: Blame | undefined): Finding {
  const resource = subject.resource;
  const label = resourceLabel(resource);
  const item = itemName(subject);
  const path = blame?.path ?? subject.path;
  const property = path === '' ? '' : propertyName(resource, path);
  const missing = blame?.missing ?? true;
  const fields = {
    resource: `'${item && subject.path !== '' ? `${label}/${item}` : label}'`,
    property,
    found: missing ? 'nothing (not set)' : describeValue(blame?.value),
    expected: blame?.expected ?? '',
  };
  let message = fill(missing && rule.meta.messageMissing ? rule.meta.messageMissing : rule.meta.message, fields);
  const related: RelatedLocation[] = [];
  const origin = blame?.value?.origin;
  if (origin) {
    message += ` The value comes from ${origin.via} (${origin.location.file}:${origin.location.line}).`;
    related.push({ message: `value set by ${origin.via}`, location: plain(origin.location) });
  }
  for (const call of resource.via ?? []) related.push({ message: 'deployed through this module', location: plain(call) });
  const location = findingLocation(subject, blame);
  // An expanded loop gives one resource per item under one symbol: its index (`[2]` in the key) tells them apart.
  const head = `${resource.file}#${resource.symbol ?? ''}`;
  const loopIndex = resource.key.startsWith(head) ? (/^\[\d+\]/.exec(resource.key.slice(head.length))?.[0] ?? '') : '';
  const identity = `${resource.symbol ?? label}${loopIndex}${item !== undefined ? `[${item}]` : ''}`;
  return {
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    title: rule.meta.title,
    message,
    location,
    related,
    fix: proposeFix(rule, resource.format, blame),
    fingerprint: fingerprint(rule.meta.id, location.file, identity, path),
    resource: label,
    property: path || undefined,
    resourceKey: resource.key,
  };
}

/**
 * A candidate one-line fix: replace the blamed literal with the rule's value. The pipeline keeps it only when
 * the source text at the location is exactly the rendering of the value found (see verifyFix).
 */
function proposeFix(rule: Rule, format: SourceFormat, blame: Blame | undefined): Fix | undefined {
  const fix = rule.check.fix;
  const v = blame?.value;
  if (!fix || !v || blame?.missing || v.origin || v.loc.endLine !== v.loc.line) return undefined;
  if (v.kind !== 'string' && v.kind !== 'number' && v.kind !== 'boolean') return undefined;
  if (typeof fix.value !== typeof v.value) return undefined;
  const replacement = renderLiteral(fix.value, format);
  const original = renderLiteral(v.value, format);
  if (replacement === undefined || original === undefined) return undefined;
  return { description: fix.description ?? `Set ${blame!.path} to ${replacement}`, location: plain(v.loc), original, replacement };
}

/** A literal as the source format writes it. */
export function renderLiteral(x: unknown, format: SourceFormat): string | undefined {
  if (typeof x === 'boolean' || typeof x === 'number') return String(x);
  if (typeof x !== 'string') return undefined;
  if (format === 'bicep' || format === 'bicepparam') return `'${x.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return JSON.stringify(x);
}

/** Keep a fix only when the text it replaces is exactly the found value as the format writes it. */
export function verifyFix(fix: Fix, lineText: string): boolean {
  return lineText.slice(fix.location.column - 1, fix.location.endColumn - 1) === fix.original;
}
