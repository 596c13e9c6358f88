/**
 * Inline expectations in rule fixtures, semgrep style: `ruleid: ID` in a comment on the line(s) above a
 * line that must be flagged, `ok: ID` above one that must not. Several ids may be listed, comma-separated.
 */
export interface Expectation {
  ruleId: string;
  line: number;
  kind: 'ruleid' | 'ok';
}

const ANNOTATION = /(?:\/\/|#|\/\*)\s*(ruleid|ok):\s*([A-Z0-9, -]+?)\s*(?:\*\/)?\s*$/;

/** The expectations written in a fixture's comments, each pointing at the next line that is not an annotation. */
export function readExpectations(text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const out: Expectation[] = [];
  let pending: { kind: 'ruleid' | 'ok'; ids: string[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = ANNOTATION.exec(lines[i]);
    if (m && lines[i].trim().match(/^(\/\/|#|\/\*)/)) {
      pending.push({ kind: m[1] as 'ruleid' | 'ok', ids: m[2].split(',').map((s) => s.trim()).filter(Boolean) });
      continue;
    }
    if (pending.length > 0 && lines[i].trim() !== '' && !/^\s*(\/\/|#)/.test(lines[i])) {
      for (const p of pending) for (const ruleId of p.ids) out.push({ ruleId, line: i + 1, kind: p.kind });
      pending = [];
    }
  }
  return out;
}
