/**
 * Locations for values read by the fast path (JSON.parse): each remembers only its JSON path. The first
 * time any of them is read, the value is found by path in the text (see locate.ts); most files never have
 * a location read, so most never pay for it.
 */
import type { Location, Position } from '../../../model/location.js';
import { JsonLocator, LineStarts, type Span } from './locate.js';

/** One file's text, with its locator and line index built on first need. */
export class LazyJsonDoc {
  private locator?: JsonLocator;
  private lines?: LineStarts;

  constructor(
    readonly file: string,
    readonly text: string,
    /** The masked text (see prepare.ts) when the original needed masking; undefined when JSON.parse read the original. */
    private readonly prepared?: string,
  ) {}

  /** The span of the top-level value, or undefined if the text has none. */
  root(): Span | undefined {
    return this.locate().root();
  }

  /** The span of a child value of `parent`. */
  child(parent: Span, segment: string | number): Span | undefined {
    return this.locate().child(parent, segment);
  }

  /** 1-based position of an offset. */
  position(offset: number): Position {
    return (this.lines ??= new LineStarts(this.text)).position(offset);
  }

  private locate(): JsonLocator {
    // JSON.parse accepted the original (a BOM aside, which the locator skips) or the masked text, so the
    // locator reads valid JSON; masking keeps every offset.
    return (this.locator ??= new JsonLocator(this.prepared ?? this.text));
  }
}

/** The location of the value at a JSON path, resolved on first read. Kept small: files have many values. */
export class PathLocation implements Location {
  private resolved?: Span | null;
  private lines?: Location;

  constructor(
    private readonly parent: PathLocation | LazyJsonDoc,
    private readonly segment: string | number,
  ) {}

  /** The location of a child value. */
  child(segment: string | number): PathLocation {
    return new PathLocation(this, segment);
  }

  /** The document this location belongs to. */
  doc(): LazyJsonDoc {
    let p: PathLocation | LazyJsonDoc = this.parent;
    while (p instanceof PathLocation) p = p.parent;
    return p;
  }

  get file(): string {
    return this.resolvedLocation().file;
  }
  get line(): number {
    return this.resolvedLocation().line;
  }
  get column(): number {
    return this.resolvedLocation().column;
  }
  get endLine(): number {
    return this.resolvedLocation().endLine;
  }
  get endColumn(): number {
    return this.resolvedLocation().endColumn;
  }

  /** Where this value is written, or null when it cannot be found. */
  span(): Span | null {
    if (this.resolved !== undefined) return this.resolved;
    let found: Span | undefined;
    if (this.parent instanceof PathLocation) {
      const p = this.parent.span();
      found = p ? this.doc().child(p, this.segment) : undefined;
    } else found = this.parent.root();
    return (this.resolved = found ?? null);
  }

  toJSON(): Location {
    return { ...this.resolvedLocation() };
  }

  /** Lines and columns, computed once: a finding reads each of them several times. */
  private resolvedLocation(): Location {
    if (this.lines === undefined) {
      const doc = this.doc();
      const span = this.span();
      const start = doc.position(span?.start ?? 0);
      const end = doc.position(span?.end ?? 0);
      this.lines = { file: doc.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    }
    return this.lines;
  }
}

/** The location of the key of the property whose value is at `value`. */
export class PathKeyLocation implements Location {
  constructor(private readonly value: PathLocation) {}

  get file(): string {
    return this.value.file;
  }
  get line(): number {
    return this.value.doc().position(this.keyStart()).line;
  }
  get column(): number {
    return this.value.doc().position(this.keyStart()).column;
  }
  get endLine(): number {
    return this.value.doc().position(this.keyEnd()).line;
  }
  get endColumn(): number {
    return this.value.doc().position(this.keyEnd()).column;
  }
  toJSON(): Location {
    return { file: this.file, line: this.line, column: this.column, endLine: this.endLine, endColumn: this.endColumn };
  }

  private keyStart(): number {
    const s = this.value.span();
    return s && s.keyStart >= 0 ? s.keyStart : 0;
  }
  private keyEnd(): number {
    const s = this.value.span();
    return s && s.keyStart >= 0 ? s.keyEnd : 0;
  }
}

/** The location of an offset range, turned into lines and columns when read. */
export class OffsetLocation implements Location {
  constructor(
    private readonly doc: LazyJsonDoc,
    private readonly start: number,
    private readonly end: number,
  ) {}
  get file(): string {
    return this.doc.file;
  }
  get line(): number {
    return this.doc.position(this.start).line;
  }
  get column(): number {
    return this.doc.position(this.start).column;
  }
  get endLine(): number {
    return this.doc.position(this.end).line;
  }
  get endColumn(): number {
    return this.doc.position(this.end).column;
  }
  toJSON(): Location {
    return { file: this.file, line: this.line, column: this.column, endLine: this.endLine, endColumn: this.endColumn };
  }
}
