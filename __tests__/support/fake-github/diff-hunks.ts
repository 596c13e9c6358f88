/**
 * Reads a file's unified-diff `patch` (as in the pull request files API) into hunks, and decides
 * where a review comment may be anchored, the way GitHub does for `line`/`side` comments.
 */

/** One diff line with its line numbers on each side (undefined where the line does not exist). */
export interface DiffLine {
  kind: 'context' | 'added' | 'deleted';
  left?: number;
  right?: number;
  /** 1-based position below the file's first `@@` header, as GitHub's `position`. */
  position: number;
  text: string;
}

/** One `@@ -a,b +c,d @@` hunk. */
export interface Hunk {
  header: string;
  /** Position of the header line (0 for the first hunk). */
  headerPosition: number;
  lines: DiffLine[];
}

export type Side = 'LEFT' | 'RIGHT';

const HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Splits a patch into hunks; unparseable text before the first header is ignored. */
export function parsePatch(patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  let left = 0;
  let right = 0;
  let position = -1;
  const body = patch.endsWith('\n') ? patch.slice(0, -1) : patch;
  for (const text of body.split('\n')) {
    const header = HEADER.exec(text);
    if (header) {
      position++;
      left = Number(header[1]);
      right = Number(header[3]);
      current = { header: text, headerPosition: position, lines: [] };
      hunks.push(current);
      continue;
    }
    if (!current) continue;
    position++;
    if (text.startsWith('+')) current.lines.push({ kind: 'added', right: right++, position, text });
    else if (text.startsWith('-')) current.lines.push({ kind: 'deleted', left: left++, position, text });
    else if (text.startsWith('\\')) continue; // "\ No newline at end of file" is not a line of either side.
    else current.lines.push({ kind: 'context', left: left++, right: right++, position, text });
  }
  return hunks;
}

/** The hunk containing `line` on `side`, with the index of that line inside it. */
export function findLine(hunks: Hunk[], line: number, side: Side): { hunk: Hunk; index: number } | undefined {
  for (const hunk of hunks) {
    const index = hunk.lines.findIndex((l) => (side === 'RIGHT' ? l.right : l.left) === line);
    if (index >= 0) return { hunk, index };
  }
  return undefined;
}

/** The diff line at a `position` (counted from the first header), if any. */
export function findPosition(hunks: Hunk[], position: number): { hunk: Hunk; index: number } | undefined {
  for (const hunk of hunks) {
    const index = hunk.lines.findIndex((l) => l.position === position);
    if (index >= 0) return { hunk, index };
  }
  return undefined;
}

/** GitHub's `diff_hunk` of a comment: the hunk header and every line up to the commented one. */
export function diffHunkText(hunk: Hunk, index: number): string {
  return [hunk.header, ...hunk.lines.slice(0, index + 1).map((l) => l.text)].join('\n');
}

/** A comment anchor as sent in a review's `comments[]`. */
export interface AnchorRequest {
  line?: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  position?: number;
}

/** Where a comment lands in the diff, or GitHub's validation messages when it cannot. */
export type AnchorResult =
  | { ok: true; hunk: Hunk; index: number; line: number; side: Side; startLine?: number; startSide?: Side; position: number }
  | { ok: false; messages: string[] };

const LINE_NOT_IN_DIFF = 'Pull request review thread line must be part of the diff';
const START_NOT_IN_HUNK = 'Pull request review thread start line must be part of the same hunk as the line.';
const HUNK_BLANK = "Pull request review thread diff hunk can't be blank";
const START_AFTER_END = 'Pull request review thread start line must precede the end line.';

/** Resolves a comment anchor against a file's patch (undefined patch = binary or too large). */
export function resolveAnchor(patch: string | undefined, anchor: AnchorRequest): AnchorResult {
  const hunks = patch === undefined ? [] : parsePatch(patch);
  const side: Side = anchor.side === 'LEFT' ? 'LEFT' : 'RIGHT';
  let found: { hunk: Hunk; index: number } | undefined;
  if (anchor.line !== undefined) found = findLine(hunks, anchor.line, side);
  else if (anchor.position !== undefined) found = findPosition(hunks, anchor.position);
  const messages: string[] = [];
  if (!found) messages.push(LINE_NOT_IN_DIFF);
  let startSide: Side | undefined;
  if (anchor.start_line !== undefined) {
    startSide = anchor.start_side === 'LEFT' ? 'LEFT' : anchor.start_side === 'RIGHT' ? 'RIGHT' : side;
    if (anchor.line !== undefined && anchor.start_line >= anchor.line && startSide === side) {
      return { ok: false, messages: [START_AFTER_END] };
    }
    const start = findLine(hunks, anchor.start_line, startSide);
    if (!start || !found || start.hunk !== found.hunk) messages.push(START_NOT_IN_HUNK);
  }
  if (!found || messages.length > 0) {
    if (!found) messages.push(HUNK_BLANK);
    return { ok: false, messages };
  }
  const target = found.hunk.lines[found.index];
  const line = (side === 'RIGHT' ? target.right : target.left) ?? target.right ?? target.left ?? 0;
  return { ok: true, hunk: found.hunk, index: found.index, line, side, startLine: anchor.start_line, startSide, position: target.position };
}

/** Joins messages like Rails' `to_sentence`, which is how GitHub's review errors read. */
export function toSentence(messages: string[]): string {
  if (messages.length <= 1) return messages.join('');
  if (messages.length === 2) return `${messages[0]} and ${messages[1]}`;
  return `${messages.slice(0, -1).join(', ')}, and ${messages[messages.length - 1]}`;
}
