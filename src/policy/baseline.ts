import { ConfigurationError } from '../errors.js';
import type { Finding } from '../model/finding.js';
import { TOOL_NAME, VERSION } from '../version.js';

export const DEFAULT_BASELINE_PATH = '.github/azure-security-audit-baseline.json';

export interface BaselineFile {
  tool: string;
  version: number;
  /** The fingerprints of the findings that existed when the baseline was taken, with what they were. */
  findings: { fingerprint: string; ruleId: string; file: string }[];
}

/** A baseline of the current findings (suppressed ones need none). */
export function makeBaseline(findings: Finding[]): BaselineFile {
  const entries = findings
    .filter((f) => !f.suppression)
    .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.location.file }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.fingerprint < b.fingerprint ? -1 : 1));
  return { tool: `${TOOL_NAME} ${VERSION}`, version: 1, findings: entries };
}

/** Read a baseline file's fingerprints; a malformed file is a ConfigurationError that names it. */
export function readBaseline(text: string, path: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigurationError(`${path} is not valid JSON (${e instanceof Error ? e.message : String(e)}); write it again with \`azure-security-audit baseline\`.`);
  }
  const list = (data as { findings?: unknown }).findings;
  if ((data as { version?: unknown }).version !== 1 || !Array.isArray(list)) {
    throw new ConfigurationError(`${path} is not a baseline file (version 1 with a findings list); write it again with \`azure-security-audit baseline\`.`);
  }
  const out = new Set<string>();
  for (const [i, entry] of list.entries()) {
    const fp = (entry as { fingerprint?: unknown }).fingerprint;
    if (typeof fp !== 'string' || !/^[0-9a-f]{16,64}$/.test(fp)) throw new ConfigurationError(`${path}: findings[${i}] has no valid fingerprint.`);
    out.add(fp);
  }
  return out;
}

/** Mark findings present in the baseline: they count as existing, never new, and do not fail the check. */
export function applyBaseline(findings: Finding[], baseline: Set<string>): number {
  let n = 0;
  for (const f of findings) {
    if (baseline.has(f.fingerprint)) {
      f.baseline = true;
      n++;
    } else f.baseline = false;
  }
  return n;
}
