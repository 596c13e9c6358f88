import picomatch from 'picomatch';
import type { Rule } from '../engine/rule.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding } from '../model/finding.js';
import type { ParsedFile } from '../model/resource.js';
import type { PolicyConfig } from './config.js';
import { applySuppressions, collectSuppressions } from './suppressions.js';

/** The rules as the team configured them: disabled ones left out, severities overridden. */
export function configureRules(rules: Rule[], config: PolicyConfig): Rule[] {
  const out: Rule[] = [];
  for (const rule of rules) {
    const setting = config.rules.get(rule.meta.id);
    if (setting?.enabled === false) continue;
    out.push(setting?.severity ? { ...rule, meta: { ...rule.meta, severity: setting.severity } } : rule);
  }
  return out;
}

/** Today as YYYY-MM-DD (UTC), for expiry dates. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Apply the team's policy to the findings: configured exceptions (kind external) and inline suppressions
 * (kind inSource). Suppressed findings stay, marked, so the SARIF and the summary can show them.
 * Returns notices about suppressions that are malformed or match nothing in the files under review.
 */
export function applyPolicy(findings: Finding[], parsed: ParsedFile[], config: PolicyConfig, underReview: Set<string>, date: string, fullScan: boolean): Diagnostic[] {
  const notices: Diagnostic[] = [];
  for (const e of config.exceptions) {
    const pathMatch = e.path ? picomatch(e.path, { dot: true }) : () => true;
    const expired = e.expires !== undefined && e.expires < date;
    let used = false;
    for (const f of findings) {
      if (f.suppression || f.ruleId !== e.rule || !pathMatch(f.location.file)) continue;
      if (e.resource !== undefined && f.resource !== e.resource && !f.resourceKey?.endsWith(`#${e.resource}`)) continue;
      used = true;
      if (expired) {
        f.message += ` (The exception for this finding in ${e.location.file} expired on ${e.expires}.)`;
        continue;
      }
      f.suppression = { kind: 'external', justification: e.reason + (e.expires ? ` (until ${e.expires})` : ''), location: e.location };
    }
    // On a pull request an exception for a file it does not touch is expected to match nothing.
    if (!used && fullScan) notices.push({ code: 'EXCEPTION-UNUSED', severity: 'notice', message: `The exception for ${e.rule}${e.path ? ` on ${e.path}` : ''}${e.resource ? ` (${e.resource})` : ''} matches no finding.`, location: e.location });
  }
  const { suppressions, diagnostics } = collectSuppressions(parsed);
  const unused = applySuppressions(findings, suppressions, date);
  const inReview = (d: Diagnostic): boolean => underReview.has(d.location.file);
  return [...notices, ...diagnostics.filter(inReview), ...unused.filter(inReview)];
}
