import type { Tri } from '../../model/deployment.js';
import type { Value } from '../../model/value.js';
import { getProperty } from '../../model/value.js';
import { lookup, valueEquals, type Blame, type NamedCheck, type Outcome, type Subject } from '../conditions.js';

/** Named checks for the threat-protection rules (guide rules 7 and 8, see rules/AZSEC-DEF-*.yaml, AZSEC-POL-*.yaml). */

function joinPath(a: string, b: string): string {
  return a === '' ? b : b === '' ? a : `${a}.${b}`;
}

/** Blame the value at `path` below the subject (or its absence), for a finding on the right line. */
function blameAt(subject: Subject, path: string, expected?: string): Blame {
  const found = lookup(subject.value, path);
  return {
    path: joinPath(subject.path, path),
    value: found.state === 'value' ? found.value : undefined,
    property: found.state === 'value' ? found.property : undefined,
    missing: found.state !== 'value',
    expected,
    subject,
  };
}

function violated(subject: Subject, path: string, expected?: string): Outcome {
  return { result: true, blame: blameAt(subject, path, expected) };
}

const fine: Outcome = { result: false };
const unknown: Outcome = { result: undefined };

/**
 * True when a Defender for Cloud security contact sends no alert e-mails, in any of its API shapes:
 * 2017-08-01-preview (`alertNotifications: 'Off'`), 2020-01-01-preview (`alertNotifications.state`) and
 * 2023-12-01-preview (`isEnabled`, `notificationsSources` with an `Alert` source).
 */
const securityContactWithoutAlerts: NamedCheck = (subject) => {
  const enabled = lookup(subject.value, 'properties.isEnabled');
  if (enabled.state === 'unknown') return unknown;
  if (enabled.state === 'value' && valueEquals(enabled.value, false) === true) return violated(subject, 'properties.isEnabled', 'true');

  const alerts = lookup(subject.value, 'properties.alertNotifications');
  if (alerts.state === 'unknown') return unknown;
  if (alerts.state === 'value') {
    if (alerts.value.kind === 'object') {
      const state = lookup(alerts.value, 'state');
      if (state.state === 'unknown') return unknown;
      if (state.state === 'value' && valueEquals(state.value, 'Off') === true) return violated(subject, 'properties.alertNotifications.state', "'On'");
      return fine;
    }
    return valueEquals(alerts.value, 'Off') === true ? violated(subject, 'properties.alertNotifications', "'On'") : fine;
  }

  const sources = lookup(subject.value, 'properties.notificationsSources');
  if (sources.state === 'unknown') return unknown;
  if (sources.state === 'value') {
    if (sources.value.kind !== 'array') return fine;
    const hasAlert = anyItem(sources.value.items, (item) => {
      const t = lookup(item, 'sourceType');
      return t.state === 'value' ? valueEquals(t.value, 'Alert') : t.state === 'unknown' ? undefined : false;
    });
    if (hasAlert === undefined) return unknown;
    return hasAlert ? fine : violated(subject, 'properties.notificationsSources', "an 'Alert' source");
  }
  // Neither shape says anything: no alert e-mails are sent.
  return violated(subject, 'properties.alertNotifications');
};

function anyItem(items: Value[], test: (v: Value) => Tri): Tri {
  let sawUnknown = false;
  for (const item of items) {
    const t = item.kind === 'unknown' ? undefined : test(item);
    if (t === true) return true;
    if (t === undefined) sawUnknown = true;
  }
  return sawUnknown ? undefined : false;
}

/** `[parameters('effect')]` as written in a policy rule: the parameter it names. */
export function parameterReference(text: string): string | undefined {
  const m = /^\s*\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]\s*$/i.exec(text);
  return m ? m[1] : undefined;
}

/**
 * Where a policy definition's effect is decided: the literal `then.effect`, or the `defaultValue` of the
 * parameter it names. Undefined when it cannot be known (no default: the assignment supplies it).
 */
export function effectSource(body: Value): { path: string; value: Value } | undefined {
  const effect = lookup(body, 'properties.policyRule.then.effect');
  if (effect.state !== 'value' || effect.value.kind !== 'string') return undefined;
  const param = parameterReference(effect.value.value as string);
  if (param === undefined) return { path: 'properties.policyRule.then.effect', value: effect.value };
  const params = lookup(body, 'properties.parameters');
  if (params.state !== 'value' || params.value.kind !== 'object') return undefined;
  const declared = getProperty(params.value, param);
  if (!declared || declared.value.kind !== 'object') return undefined;
  const path = `properties.parameters.${declared.key}.defaultValue`;
  const def = lookup(body, path);
  return def.state === 'value' && def.value.kind === 'string' ? { path, value: def.value } : undefined;
}

function inList(v: Value, effects: string[]): Tri {
  if (v.kind === 'unknown') return undefined;
  return effects.some((e) => valueEquals(v, e) === true);
}

function effectsArg(args: Record<string, unknown>): string[] {
  return Array.isArray(args.effects) ? args.effects.filter((e): e is string => typeof e === 'string') : [];
}

/** True when a policy definition's effect (literal or parameter default) is one of `args.effects`. */
const policyDefinitionEffectIn: NamedCheck = (subject, _ctx, args) => {
  const source = effectSource(subject.value);
  if (!source) return unknown;
  const t = inList(source.value, effectsArg(args));
  return t === true ? violated(subject, source.path) : t === false ? fine : unknown;
};

/** Parameter values an assignment (or an initiative's definition reference) passes: `{ effect: { value } }`. */
function effectOverrides(subject: Subject, paramsPath: string): { path: string; value: Value }[] {
  const params = lookup(subject.value, paramsPath);
  if (params.state !== 'value' || params.value.kind !== 'object') return [];
  const out: { path: string; value: Value }[] = [];
  for (const p of params.value.properties) {
    if (!/effect/i.test(p.key) || p.value.kind !== 'object') continue;
    const v = getProperty(p.value, 'value');
    if (v) out.push({ path: `${paramsPath}.${p.key}.value`, value: v.value });
  }
  return out;
}

/**
 * True when a policy assignment, or an initiative's definition reference, passes one of `args.effects`
 * to an effect parameter (a parameter whose name contains "effect").
 */
const policyEffectParameterIn: NamedCheck = (subject, _ctx, args) => {
  const effects = effectsArg(args);
  let sawUnknown = false;
  for (const o of effectOverrides(subject, 'properties.parameters')) {
    const t = inList(o.value, effects);
    if (t === true) return violated(subject, o.path);
    if (t === undefined) sawUnknown = true;
  }
  return sawUnknown ? unknown : fine;
};

/** Every `field` a policy rule's `if` condition reads, lower case. */
function fieldsRead(v: Value, out: string[], depth = 0): void {
  if (depth > 64) return;
  if (v.kind === 'object') {
    for (const p of v.properties) {
      if (p.key.toLowerCase() === 'field' && p.value.kind === 'string') out.push((p.value.value as string).toLowerCase());
      else fieldsRead(p.value, out, depth + 1);
    }
  } else if (v.kind === 'array') v.items.forEach((item) => fieldsRead(item, out, depth + 1));
}

/**
 * True when the policy rule's condition reads a field whose name ends with one of `args.fields` (the
 * settings the guide wants denied, not merely audited). Unknown when the rule cannot be read.
 */
const policyRuleReadsField: NamedCheck = (subject, _ctx, args) => {
  const rule = lookup(subject.value, 'properties.policyRule.if');
  if (rule.state === 'unknown') return unknown;
  if (rule.state === 'missing') return fine;
  const fields: string[] = [];
  fieldsRead(rule.value, fields);
  const wanted = (Array.isArray(args.fields) ? args.fields : []).filter((f): f is string => typeof f === 'string').map((f) => f.toLowerCase());
  const hit = fields.some((f) => wanted.some((w) => f === w || f.endsWith('/' + w) || f.endsWith('.' + w)));
  return hit ? { result: true, blame: blameAt(subject, 'properties.policyRule') } : fine;
};

/** Named checks for the threat-protection rules (see rules/). */
export const threatProtectionChecks: Record<string, NamedCheck> = {
  'security-contact-without-alerts': securityContactWithoutAlerts,
  'policy-definition-effect-in': policyDefinitionEffectIn,
  'policy-effect-parameter-in': policyEffectParameterIn,
  'policy-rule-reads-field': policyRuleReadsField,
};
