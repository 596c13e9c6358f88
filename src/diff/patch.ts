/**
 * Unified-diff patches (as the pull-request files API returns them, or `git diff` prints them) turned into
 * the RIGHT-side line numbers a review comment may use.
 */
export interface ChangedLines {
  /** Lines the change adds or modifies (new side). */
  added: Set<number>;
  /** Every new-side line shown in a hunk (added and context): where GitHub accepts a review comment. */
  inDiff: Set<number>;
  /** The hunks' new-side ranges [start, end] inclusive, for multi-line comments that must stay in one hunk. */
  hunks: [number, number][];
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Parse one file's patch into the lines it adds and the lines the diff shows. */
export function parsePatch(patch: string): ChangedLines {
  const added = new Set<number>();
  const inDiff = new Set<number>();
  const hunks: [number, number][] = [];
  let line = 0;
  let inHunk = false;
  for (const raw of patch.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = HUNK.exec(text);
    if (m) {
      line = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      hunks.push([line, line + Math.max(count, 1) - 1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const c = text[0];
    if (c === '+') {
      added.add(line);
      inDiff.add(line);
      line++;
    } else if (c === ' ' || (c === undefined && text === '')) {
      // A context line (an empty string is a context line whose leading space a tool trimmed).
      inDiff.add(line);
      line++;
    } else if (c === '-' || c === '\\') {
      // Removed lines and "\ No newline at end of file" do not advance the new side.
    } else {
      inHunk = false;
    }
  }
  return { added, inDiff, hunks };
}

/** Parse a whole multi-file `git diff` into each new-side path's changed lines. Deleted files are left out. */
export function parseUnifiedDiff(diff: string): Map<string, ChangedLines> {
  const out = new Map<string, ChangedLines>();
  const chunks = diff.split(/^diff --git /m).slice(1);
  for (const chunk of chunks) {
    const plus = /^\+\+\+ (.+?)\t?$/m.exec(chunk);
    if (!plus || plus[1] === '/dev/null') continue;
    const path = unquote(plus[1]).replace(/^b\//, '');
    const body = chunk.slice(chunk.search(/^@@/m) >= 0 ? chunk.search(/^@@/m) : chunk.length);
    out.set(path, parsePatch(body));
  }
  return out;
}

/** git quotes unusual paths as C strings: "a\tb\303\251". */
function unquote(p: string): string {
  if (!p.startsWith('"')) return p;
  const bytes: number[] = [];
  const s = p.slice(1, -1);
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      const n = s[i + 1];
      if (/[0-7]/.test(n)) {
        bytes.push(parseInt(s.slice(i + 1, i + 4), 8));
        i += 3;
      } else {
        bytes.push({ n: 10, t: 9, r: 13, '"': 34, '\\': 92 }[n as 'n'] ?? n.charCodeAt(0));
        i += 1;
      }
    } else bytes.push(...Buffer.from(s[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
