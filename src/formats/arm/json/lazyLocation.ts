/**
 * Locations for values read by the fast path (JSON.parse): each remembers only its JSON path. The first
 * time any of them is read, the file is parsed once more with jsonc-parser's parseTree (cached per file)
 * and the node found by path; most files never have a location read, so most never pay for the tree.
 */
import { parseTree, type Node } from 'jsonc-parser';
import { LineIndex, type Location, type Position } from '../../../model/location.js';
import { prepareJson } from './prepare.js';

/** One file's text, with its syntax tree and line index built on first need. */
export class LazyJsonDoc {
  private tree?: Node | null;
  private lines?: LineIndex;

  constructor(
    readonly file: string,
    readonly text: string,
    /** The masked text (see prepare.ts) when already computed. */
    private readonly prepared?: string,
  ) {}

  /** The jsonc syntax tree of the (masked) text, or null if the text has no value. */
  root(): Node | null {
    if (this.tree === undefined) {
      try {
        this.tree = parseTree(this.prepared ?? prepareJson(this.text).text, [], { allowTrailingComma: true, disallowComments: false }) ?? null;
      } catch {
        this.tree = null; // jsonc-parser does not throw on text; this is only a guard
      }
    }
    return this.tree;
  }

  /** 1-based position of an offset. */
  position(offset: number): Position {
    return this.lineIndex().position(offset);
  }

  /** The line index of the text, built on first use. */
  lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.text));
  }
}

/** The location of the value at a JSON path, resolved on first read. Kept small: files have many values. */
export class PathLocation implements Location {
  private resolved?: Node | null;

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
    return this.doc().file;
  }
  get line(): number {
    return this.startPos().line;
  }
  get column(): number {
    return this.startPos().column;
  }
  get endLine(): number {
    return this.endPos().line;
  }
  get endColumn(): number {
    return this.endPos().column;
  }

  /** The syntax node of this value, or null when it cannot be found. */
  node(): Node | null {
    if (this.resolved !== undefined) return this.resolved;
    const found = this.parent instanceof PathLocation ? childNode(this.parent.node(), this.segment) : this.parent.root();
    return (this.resolved = found);
  }

  toJSON(): Location {
    return { file: this.file, line: this.line, column: this.column, endLine: this.endLine, endColumn: this.endColumn };
  }

  private startPos(): Position {
    return this.doc().position(this.node()?.offset ?? 0);
  }
  private endPos(): Position {
    const n = this.node();
    return this.doc().position(n ? n.offset + n.length : 0);
  }
}

/** The location of the key of the property whose value is at `value`. */
export class PathKeyLocation implements Location {
  constructor(private readonly value: PathLocation) {}

  get file(): string {
    return this.value.file;
  }
  get line(): number {
    return this.value.doc().position(this.keyNode()?.offset ?? 0).line;
  }
  get column(): number {
    return this.value.doc().position(this.keyNode()?.offset ?? 0).column;
  }
  get endLine(): number {
    return this.endPos().line;
  }
  get endColumn(): number {
    return this.endPos().column;
  }
  toJSON(): Location {
    return { file: this.file, line: this.line, column: this.column, endLine: this.endLine, endColumn: this.endColumn };
  }

  private keyNode(): Node | undefined {
    const prop = this.value.node()?.parent;
    return prop?.type === 'property' ? prop.children?.[0] : undefined;
  }
  private endPos(): Position {
    const k = this.keyNode();
    return this.value.doc().position(k ? k.offset + k.length : 0);
  }
}
/** The child value node at a key (last one wins, as JSON.parse does) or index. */
function childNode(node: Node | null, segment: string | number): Node | null {
  if (!node?.children) return null;
  if (typeof segment === 'number') return node.type === 'array' ? (node.children[segment] ?? null) : null;
  if (node.type !== 'object') return null;
  for (let i = node.children.length - 1; i >= 0; i--) {
    const prop = node.children[i];
    if (prop.children?.[0]?.value === segment) return prop.children[1] ?? null;
  }
  return null;
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
