/**
 * The text pass of the secret scanner: every line of a file (cut into bounded chunks) through the shaped
 * recognisers and the secret-named-setting heuristic. Returns absolute offsets; never the secret itself
 * beyond the caller, which redacts it at once.
 */
import { assignedSecrets } from './assignments.js';
import { privateKeys, shapedSecrets, type SecretKind } from './patterns.js';
import { isPlaceholder, isWellKnownDevelopmentKey } from './redact.js';

/** Longest piece of a line given to one regular expression; longer lines are read in overlapping pieces. */
export const MAX_CHUNK = 8192;
/** Overlap between pieces: longer than any secret we recognise, so none is cut in two unseen. */
const OVERLAP = 512;
/** Lines of context above a `value:` field used to find the setting it belongs to. */
const LOOKBACK = 4;

/** A secret found in a file, by absolute offsets. `start..end` is where the finding goes. */
export interface TextCandidate {
  kind: SecretKind;
  start: number;
  end: number;
  /** The secret's own text span (for a private key: its body), redacted by the caller. */
  secretStart: number;
  secretEnd: number;
  name?: string;
}

/** A shaped match that is only an example (`AccountKey=xxxx…`, `…EXAMPLE…`, one character repeated). */
function isExampleSecret(secret: string): boolean {
  if (isPlaceholder(secret) || isWellKnownDevelopmentKey(secret)) return true;
  if (/x{6,}|X{6,}|0{12,}|example|sample|dummy|placeholder|redacted/i.test(secret)) return true;
  return secret.length >= 20 && new Set(secret).size < 8; // real keys and tokens are random: many distinct characters
}

/** Every secret candidate of a text, in order of position; shaped secrets win over name-based ones on the same span. */
export function scanText(text: string, bareLiterals: boolean): TextCandidate[] {
  const out: TextCandidate[] = [];
  const seen = new Set<string>();
  const lines: { start: number; end: number }[] = [];
  const lineRe = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (let m = lineRe.exec(text); ; m = lineRe.exec(text)) {
    const end = m ? m.index : text.length;
    lines.push({ start: lineStart, end });
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  lines.forEach((line, i) => {
    const previous = lines.slice(Math.max(0, i - LOOKBACK), i).map((l) => text.slice(l.start, Math.min(l.end, l.start + MAX_CHUNK)));
    for (let from = line.start; from < line.end; from += MAX_CHUNK - OVERLAP) {
      const to = Math.min(line.end, from + MAX_CHUNK);
      const chunk = text.slice(from, to);
      const shaped = shapedSecrets(chunk).filter((c) => !isExampleSecret(chunk.slice(c.start, c.end)));
      const named = assignedSecrets(chunk, from === line.start ? previous : [], bareLiterals).filter(
        (a) => !shaped.some((s) => s.start < a.end && a.start < s.end),
      );
      for (const c of [...shaped, ...named]) {
        const key = `${from + c.start}:${c.kind}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ kind: c.kind, start: from + c.start, end: from + c.end, secretStart: from + c.start, secretEnd: from + c.end, name: c.name });
      }
      if (to === line.end) break;
    }
  });
  for (const k of privateKeys(text, 0, text.length)) {
    if (isExampleSecret(text.slice(k.headerEnd, Math.min(k.bodyEnd, k.headerEnd + 400)).replace(/\\n|\s/g, ''))) continue;
    out.push({ kind: 'private-key', start: k.start, end: k.headerEnd, secretStart: k.headerEnd, secretEnd: k.bodyEnd, name: k.label });
  }
  return out.sort((a, b) => a.start - b.start);
}
