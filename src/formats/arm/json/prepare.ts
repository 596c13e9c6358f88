/**
 * Makes ARM's relaxed JSON digestible for jsonc-parser without moving any offset. Azure accepts raw line
 * breaks and other control characters inside strings, which jsonc-parser rejects; and jsonc-parser recurses
 * once per nesting level, so hostile nesting would overflow the stack. This pass only tracks whether it is
 * in a string or a comment (it is a masker, not a parser): control characters inside strings become spaces,
 * anything nested deeper than MAX_DEPTH is replaced by a `0` placeholder padded with spaces, and comments and
 * trailing commas become spaces, so that JSON.parse can often read the result.
 */

/** Deepest nesting of objects and arrays we read; real templates stay far below it. */
export const MAX_DEPTH = 256;

/** The diagnostic message for content nested deeper than MAX_DEPTH. */
export const DEPTH_MESSAGE = `Objects and arrays are nested more than ${MAX_DEPTH} levels deep here; the deeper content is not read.`;

/** The masked text and what was changed, so values can be taken from the original where needed. */
export interface PreparedText {
  /** Same length as the original. */
  text: string;
  /** Start offsets (the opening quote) of strings in which control characters were masked. */
  maskedStrings: Set<number>;
  /** Start offsets of the placeholders for content nested too deeply. */
  tooDeep: Set<number>;
  /** Offset of the first bracket that was too deep, if any. */
  firstTooDeep?: number;
  /** Comments as [start, end) offsets. */
  comments: Array<[number, number]>;
}

/** Options for prepareJson. */
export interface PrepareOptions {
  /** Mask raw line breaks inside strings (default true). Off, jsonc-parser ends such a string at the break. */
  maskLineBreaks?: boolean;
}

const enum State {
  Normal,
  Str,
  LineComment,
  BlockComment,
}

/** Masks control characters in strings, a BOM, and over-deep nesting; returns the input itself when nothing needs masking. */
export function prepareJson(src: string, options: PrepareOptions = {}): PreparedText {
  const maskLineBreaks = options.maskLineBreaks ?? true;
  const out: PreparedText = { text: src, maskedStrings: new Set(), tooDeep: new Set(), comments: [] };
  // Edits as [start, end, replacement]; applied at the end in one pass.
  const edits: Array<[number, number, string]> = [];
  let state = State.Normal;
  let depth = 0;
  let stringStart = -1;
  let deepStart = -1;
  let commentStart = -1;
  // Last significant character outside strings and comments, to find trailing commas.
  let lastSig = -1;
  const n = src.length;
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    switch (state) {
      case State.Normal:
        if (c === 32 || c === 10 || c === 13 || c === 9) break;
        if (c === 34 /* " */) {
          state = State.Str;
          stringStart = i;
        } else if (c === 47 /* / */) {
          const d = src.charCodeAt(i + 1);
          if (d === 47) {
            state = State.LineComment;
            commentStart = i;
            i++;
            break;
          } else if (d === 42) {
            state = State.BlockComment;
            commentStart = i;
            i++;
            break;
          }
        } else if (c === 123 || c === 91 /* { [ */) {
          depth++;
          if (depth === MAX_DEPTH + 1 && deepStart < 0) deepStart = i;
        } else if (c === 125 || c === 93 /* } ] */) {
          if (lastSig >= 0 && src.charCodeAt(lastSig) === 44 /* , */ && deepStart < 0) edits.push([lastSig, lastSig + 1, ' ']);
          if (depth === MAX_DEPTH + 1 && deepStart >= 0) {
            addDeepEdit(edits, out, deepStart, i + 1);
            deepStart = -1;
          }
          if (depth > 0) depth--;
        } else if (c === 0xfeff) {
          edits.push([i, i + 1, ' ']);
          break;
        }
        lastSig = i;
        break;
      case State.Str:
        if (c === 92 /* \ */) {
          const d = src.charCodeAt(i + 1);
          // An escaped control character is masked too, and the escape kept valid.
          if (d < 32 && i + 1 < n) {
            edits.push([i + 1, i + 2, 'n']);
            if (deepStart < 0) out.maskedStrings.add(stringStart);
          }
          i++;
        } else if (c === 34) {
          state = State.Normal;
          lastSig = i;
        } else if (c < 32 && (maskLineBreaks || (c !== 10 && c !== 13))) {
          if (deepStart < 0) {
            edits.push([i, i + 1, ' ']);
            out.maskedStrings.add(stringStart);
          }
        }
        break;
      case State.LineComment:
        if (c === 10 || c === 13) {
          state = State.Normal;
          endComment(edits, out, commentStart, i, deepStart < 0);
        }
        break;
      case State.BlockComment:
        if (c === 42 && src.charCodeAt(i + 1) === 47) {
          state = State.Normal;
          i++;
          endComment(edits, out, commentStart, i + 1, deepStart < 0);
        }
        break;
    }
  }
  if (state === State.LineComment || state === State.BlockComment) endComment(edits, out, commentStart, n, deepStart < 0);
  if (deepStart >= 0) addDeepEdit(edits, out, deepStart, n);
  if (edits.length === 0) return out;
  edits.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let pos = 0;
  for (const [start, end, rep] of edits) {
    if (start < pos) continue; // inside a deep region already replaced
    parts.push(src.slice(pos, start), rep);
    pos = end;
  }
  parts.push(src.slice(pos));
  out.text = parts.join('');
  return out;
}

/** Records a comment and blanks it (line breaks inside block comments are kept as they are harmless). */
function endComment(edits: Array<[number, number, string]>, out: PreparedText, start: number, end: number, record: boolean): void {
  if (!record) return;
  out.comments.push([start, end]);
  edits.push([start, end, ' '.repeat(end - start)]);
}

/** Replaces [start, end) with a `0` placeholder and spaces, keeping the length. */
function addDeepEdit(edits: Array<[number, number, string]>, out: PreparedText, start: number, end: number): void {
  edits.push([start, end, '0' + ' '.repeat(end - start - 1)]);
  out.tooDeep.add(start);
  out.firstTooDeep ??= start;
}
