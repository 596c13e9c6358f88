import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding } from '../model/finding.js';
import type { Location } from '../model/location.js';
import type { ParsedFile } from '../model/resource.js';
import { getProperty } from '../model/value.js';

/** One `azsec-ignore` written in a comment (or an ARM resource's metadata). */
export interface InlineSuppression {
  rules: string[];
  reason: string;
  /** YYYY-MM-DD, when given as "(until YYYY-MM-DD)". */
  until?: string;
  location: Location;
  /** Findings on these lines of the file are covered (the comment's line and the next). */
  lines: [number, number];
  /** For a resource's metadata: findings of that resource, wherever they sit. */
  resourceKey?: string;
  used: boolean;
}

const KEYWORD = 'azsec-ignore';
const RULE = /^AZSEC-[A-Z]+-\d{3}$/;
const UNTIL = /\(\s{0,8}until\s{1,8}(\d{4}-\d{2}-\d{2})\s{0,8}\)$/i;
/** Longest directive text we read: a reason is a sentence, not an essay (and no input can make us slow). */
const MAX_DIRECTIVE = 1000;

/** Parse the text after `azsec-ignore`; a problem is a sentence for a notice. */
export function parseDirective(text: string): { rules: string[]; reason: string; until?: string } | { problem: string } {
  // Plain string steps, no backtracking: this text comes from the pull request.
  const at = text.indexOf(KEYWORD);
  if (at < 0) return { problem: 'not an azsec-ignore directive' };
  let rest = text.slice(at + KEYWORD.length, at + KEYWORD.length + MAX_DIRECTIVE);
  const newline = rest.indexOf('\n');
  if (newline >= 0) rest = rest.slice(0, newline);
  rest = rest.trim();
  if (rest.endsWith('*/')) rest = rest.slice(0, -2).trim();
  const colon = rest.indexOf(':');
  const head = colon < 0 ? rest : rest.slice(0, colon);
  const rules = head.split(/[\s,]+/).filter(Boolean);
  if (rules.length === 0) return { problem: 'azsec-ignore names no rule; write `azsec-ignore AZSEC-XXX-000: reason`' };
  const bad = rules.find((r) => !RULE.test(r));
  if (bad) return { problem: `azsec-ignore names '${bad.slice(0, 40)}', which is not a rule id (AZSEC-AREA-NNN)` };
  let reason = colon < 0 ? '' : rest.slice(colon + 1).trim();
  if (reason.endsWith('.')) reason = reason.slice(0, -1).trimEnd();
  let until: string | undefined;
  const open = reason.lastIndexOf('(');
  const u = open >= 0 ? UNTIL.exec(reason.slice(open)) : null;
  if (u) {
    until = u[1];
    reason = reason.slice(0, open).trim();
  }
  if (reason === '') return { problem: `azsec-ignore ${rules.join(', ')} gives no reason; a suppression must say why (\`azsec-ignore ${rules[0]}: reason\`)` };
  return { rules, reason, until };
}

function notice(message: string, location: Location): Diagnostic {
  return { code: 'SUPPRESSION', severity: 'notice', message, location };
}

/** The suppressions written in the parsed files' comments and ARM resources' metadata; malformed ones become notices. */
export function collectSuppressions(parsed: ParsedFile[]): { suppressions: InlineSuppression[]; diagnostics: Diagnostic[] } {
  const suppressions: InlineSuppression[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (text: string, location: Location, resourceKey?: string): void => {
    const id = `${location.file}:${location.line}:${location.column}:${resourceKey ?? ''}`;
    if (seen.has(id)) return; // a file read by two front ends (its own and the secret scanner)
    seen.add(id);
    const d = parseDirective(text.slice(text.indexOf('azsec-ignore')));
    if ('problem' in d) diagnostics.push(notice(`${d.problem}; it suppresses nothing.`, location));
    else suppressions.push({ ...d, location, lines: [location.line, location.endLine + 1], resourceKey, used: false });
  };
  for (const p of parsed) {
    for (const c of p.comments) if (c.text.includes('azsec-ignore')) add(c.text, c.loc);
    for (const r of p.resources) {
      const meta = getProperty(r.body, 'metadata')?.value;
      const entry = meta?.kind === 'object' ? getProperty(meta, 'azsec-ignore') : undefined;
      if (!entry) continue;
      for (const v of entry.value.kind === 'array' ? entry.value.items : [entry.value]) {
        if (v.kind === 'string') add(`azsec-ignore ${v.value as string}`, v.loc, r.key);
      }
    }
  }
  return { suppressions, diagnostics };
}

/** Does a suppression cover a finding? */
function covers(s: InlineSuppression, f: Finding): boolean {
  if (!s.rules.includes(f.ruleId)) return false;
  if (s.resourceKey !== undefined) return f.resourceKey === s.resourceKey;
  return s.location.file === f.location.file && f.location.line >= s.lines[0] && f.location.line <= s.lines[1];
}

/**
 * Apply inline suppressions: a covered finding gets `suppression` (kind inSource); an expired one stays
 * active and says so. Suppressions that cover nothing become notices.
 */
export function applySuppressions(findings: Finding[], suppressions: InlineSuppression[], today: string): Diagnostic[] {
  for (const f of findings) {
    if (f.suppression) continue;
    for (const s of suppressions) {
      if (!covers(s, f)) continue;
      s.used = true;
      if (s.until !== undefined && s.until < today) {
        f.message += ` (A suppression for this finding expired on ${s.until}: ${s.location.file}:${s.location.line}.)`;
        continue;
      }
      f.suppression = { kind: 'inSource', justification: s.reason + (s.until ? ` (until ${s.until})` : ''), location: s.location };
      break;
    }
  }
  return suppressions
    .filter((s) => !s.used)
    .map((s) => notice(`This azsec-ignore for ${s.rules.join(', ')} matches no finding; remove it.`, s.location));
}
