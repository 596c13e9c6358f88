/**
 * Finds where values sit in a JSON text that JSON.parse has already accepted, by path, without building a
 * syntax tree. Findings read the locations of a few dozen values per file; a full tree (jsonc-parser's
 * parseTree) allocates a node per value and cost more than the rest of the scan. Here one pass pairs the
 * brackets (two arrays of offsets), and each container's children are listed only when first asked.
 * The text is valid JSON (comments and trailing commas already blanked), so the scanner can be simple; it
 * is iterative, so nesting depth cannot overflow the stack.
 */

/** Where one value (and, for an object member, its key) is written: [start, end) offsets. */
export interface Span {
  start: number;
  end: number;
  /** The member's key, quotes included; -1 for array items and the root. */
  keyStart: number;
  keyEnd: number;
}

/** The children of one container, in source order. */
interface Children {
  /** Decoded keys (objects only). */
  keys?: string[];
  spans: Span[];
}

/** Offset just after the string whose opening quote is at `i` (the text's end when unterminated). */
function stringEnd(t: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = t.indexOf('"', from);
    if (q < 0) return t.length;
    let backslashes = 0;
    while (t.charCodeAt(q - 1 - backslashes) === 92) backslashes++;
    if ((backslashes & 1) === 0) return q + 1;
    from = q + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

/** Locates values of one JSON text by path. */
export class JsonLocator {
  /** Every `{` and `[` offset in order, with the offset after its matching bracket; built on first use. */
  private brackets?: Brackets;
  private readonly children = new Map<number, Children>();

  constructor(private readonly text: string) {}

  /** The top-level value, or undefined when the text holds none. */
  root(): Span | undefined {
    const start = this.skipSpace(0);
    if (start >= this.text.length) return undefined;
    return { start, end: this.valueEnd(start), keyStart: -1, keyEnd: -1 };
  }

  /** The child of a container at a key (last one wins, as in JSON.parse) or index. */
  child(parent: Span, segment: string | number): Span | undefined {
    const open = this.text.charCodeAt(parent.start);
    if (open !== 123 && open !== 91) return undefined;
    const list = this.childrenOf(parent.start);
    if (typeof segment === 'number') return list.keys ? undefined : list.spans[segment];
    const keys = list.keys;
    if (!keys) return undefined;
    for (let i = keys.length - 1; i >= 0; i--) if (keys[i] === segment) return list.spans[i];
    return undefined;
  }

  private childrenOf(start: number): Children {
    let list = this.children.get(start);
    if (list) return list;
    const t = this.text;
    const isObject = t.charCodeAt(start) === 123;
    const close = this.closeOf(start);
    list = isObject ? { keys: [], spans: [] } : { spans: [] };
    let p = this.skipSpace(start + 1);
    while (p < close - 1) {
      let keyStart = -1;
      let keyEnd = -1;
      if (isObject) {
        if (t.charCodeAt(p) !== 34) break;
        keyStart = p;
        keyEnd = stringEnd(t, p);
        const raw = t.slice(p + 1, keyEnd - 1);
        list.keys!.push(raw.includes('\\') ? decodeKey(t.slice(p, keyEnd)) : raw);
        p = this.skipSpace(keyEnd);
        if (t.charCodeAt(p) !== 58 /* : */) break;
        p = this.skipSpace(p + 1);
      }
      const end = this.valueEnd(p);
      list.spans.push({ start: p, end, keyStart, keyEnd });
      p = this.skipSpace(end);
      if (t.charCodeAt(p) !== 44 /* , */) break;
      p = this.skipSpace(p + 1);
    }
    this.children.set(start, list);
    return list;
  }

  /** Offset after the value that starts at `p`. */
  private valueEnd(p: number): number {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === 34) return stringEnd(t, p);
    if (c === 123 || c === 91) return this.closeOf(p);
    let i = p;
    while (i < t.length) {
      const d = t.charCodeAt(i);
      if (d === 44 || d === 125 || d === 93 || isSpace(d)) break;
      i++;
    }
    return i;
  }

  private closeOf(open: number): number {
    const { opens, closes } = (this.brackets ??= matchBrackets(this.text));
    let lo = 0;
    let hi = opens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (opens[mid] < open) lo = mid + 1;
      else hi = mid;
    }
    return opens[lo] === open && closes[lo] > 0 ? closes[lo] : this.text.length;
  }

  private skipSpace(p: number): number {
    const t = this.text;
    while (p < t.length && isSpace(t.charCodeAt(p))) p++;
    return p;
  }
}

/** Next index of `c` from `from`, or the text's length when there is none. */
function next(t: string, c: string, from: number): number {
  const i = t.indexOf(c, from);
  return i < 0 ? t.length : i;
}

/**
 * Pairs every bracket outside strings. indexOf jumps from one quote or bracket to the next (much faster
 * than looking at every character: pretty-printed templates are mostly indentation); a bracket found
 * inside a string is looked for again after the string.
 */
/** Opening bracket offsets in order, and the offset after each one's match (0 when unmatched). */
interface Brackets {
  opens: number[];
  closes: number[];
}

function matchBrackets(t: string): Brackets {
  const n = t.length;
  // Small arrays on the heap, not a typed array the size of the text: one per file adds up.
  const opens: number[] = [];
  const closes: number[] = [];
  const open: number[] = [];
  let quote = next(t, '"', 0);
  let openCurly = next(t, '{', 0);
  let closeCurly = next(t, '}', 0);
  let openSquare = next(t, '[', 0);
  let closeSquare = next(t, ']', 0);
  for (;;) {
    const i = Math.min(quote, openCurly, closeCurly, openSquare, closeSquare);
    if (i >= n) break;
    if (i === quote) {
      const end = stringEnd(t, i);
      quote = next(t, '"', end);
      if (openCurly < end) openCurly = next(t, '{', end);
      if (closeCurly < end) closeCurly = next(t, '}', end);
      if (openSquare < end) openSquare = next(t, '[', end);
      if (closeSquare < end) closeSquare = next(t, ']', end);
    } else if (i === openCurly || i === openSquare) {
      open.push(opens.length);
      opens.push(i);
      closes.push(0);
      if (i === openCurly) openCurly = next(t, '{', i + 1);
      else openSquare = next(t, '[', i + 1);
    } else {
      const o = open.pop();
      if (o !== undefined) closes[o] = i + 1;
      if (i === closeCurly) closeCurly = next(t, '}', i + 1);
      else closeSquare = next(t, ']', i + 1);
    }
  }
  return { opens, closes };
}

function decodeKey(quoted: string): string {
  try {
    const v: unknown = JSON.parse(quoted);
    return typeof v === 'string' ? v : quoted;
  } catch {
    return quoted;
  }
}

/** 1-based line and column of offsets, with a line-start table built on first use (CR, LF and CRLF end lines). */
export class LineStarts {
  private starts?: number[];

  constructor(private readonly text: string) {}

  /** 1-based line and column of an offset (clamped to the text). */
  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo] + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // indexOf jumps from line to line much faster than a character loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
