/**
 * Source positions. Lines and columns are 1-based, as GitHub and SARIF count them; columns count UTF-16
 * code units; the end is exclusive. Parsers keep offsets and convert once through a LineIndex.
 */
export interface Location {
  /** Path relative to the repository (or scan) root, with `/`. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Position {
  line: number;
  column: number;
}

/** Line-start table for one text: converts offsets to 1-based line and column in O(log n). */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The common case: jump from line break to line break.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  /** Number of lines in the text. */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line < this.starts.length ? this.starts[line] : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }

  /** 1-based line and column of an offset. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }

  /** A Location for the half-open offset range [start, end) of `file`, computed when first read. */
  location(file: string, start: number, end: number): Location {
    return new SpanLocation(this, file, start, end);
  }
}

/** A Location that keeps offsets and turns them into lines and columns only when read. */
class SpanLocation implements Location {
  private start?: Position;
  private end?: Position;

  constructor(
    private readonly index: LineIndex,
    readonly file: string,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {}

  get line(): number {
    return (this.start ??= this.index.position(this.startOffset)).line;
  }
  get column(): number {
    return (this.start ??= this.index.position(this.startOffset)).column;
  }
  get endLine(): number {
    return (this.end ??= this.index.position(this.endOffset)).line;
  }
  get endColumn(): number {
    return (this.end ??= this.index.position(this.endOffset)).column;
  }
  toJSON(): Location {
    return plainLocation(this);
  }
}

/** A plain object copy of a location (getters resolved), for serialising. */
export function plainLocation(loc: Location): Location {
  return { file: loc.file, line: loc.line, column: loc.column, endLine: loc.endLine, endColumn: loc.endColumn };
}

/** A location that covers a whole line (or the start of a file). */
export function lineLocation(file: string, line: number, column = 1, endColumn = column): Location {
  return { file, line, column, endLine: line, endColumn };
}
