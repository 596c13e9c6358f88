/**
 * Reads ARM's relaxed JSON, keeping every value's location. Fast path: JSON.parse (after blanking comments
 * and trailing commas when there are any), with nodes that build Values and locations only when asked.
 * Otherwise (syntax errors, raw line breaks in strings, hostile nesting, integer-like keys whose order
 * JSON.parse would change) the tolerant reader builds the Values with jsonc-parser.
 */
import type { Diagnostic } from '../../../model/diagnostic.js';
import type { Location } from '../../../model/location.js';
import type { SourceComment } from '../../../model/resource.js';
import { LazyJsonDoc, OffsetLocation, PathLocation } from './lazyLocation.js';
import { DEPTH_MESSAGE, MAX_DEPTH, prepareJson, type PreparedText } from './prepare.js';
import { readTolerant, type JsonRead } from './tolerant.js';
import { PlainNode, ValueNode, type JsonNode } from './tree.js';

export type { JsonRead } from './tolerant.js';

/** What reading one JSON file gives, as lazily built nodes. */
export interface JsonTree {
  root?: JsonNode;
  diagnostics: Diagnostic[];
  comments: SourceComment[];
  /** Location of a character range of the file. */
  span(start: number, end: number): Location;
}

/**
 * Called for every string that starts with `[` (ARM expressions), with a function giving its location;
 * call that function before returning, if at all.
 */
export type BracketStringVisitor = (s: string, loc: () => Location) => void;

/** Reads a JSON(C) text into Values; never throws. */
export function readJson(file: string, text: string): JsonRead {
  const tree = readJsonTree(file, text);
  return { root: tree.root?.value(), diagnostics: tree.diagnostics, comments: tree.comments, span: tree.span };
}

/** Reads a JSON(C) text into lazily built nodes, visiting expression-like strings on the way; never throws. */
export function readJsonTree(file: string, text: string, onBracket?: BracketStringVisitor): JsonTree {
  const direct = parseOrUndefined(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text);
  const fast = direct && readFast(file, text, direct.data, undefined, onBracket);
  if (fast) return fast;
  // Comments and trailing commas are blanked by prepareJson; if that is all, JSON.parse can still read it.
  const prepared = prepareJson(text);
  if (!direct && prepared.maskedStrings.size === 0 && prepared.tooDeep.size === 0 && prepared.text !== text) {
    const masked = parseOrUndefined(prepared.text);
    const read = masked && readFast(file, text, masked.data, prepared, onBracket);
    if (read) return read;
  }
  const read = readTolerant(file, text, prepared);
  const root = read.root && new ValueNode(read.root);
  if (read.root && onBracket) visitValueStrings(read.root, onBracket);
  return { root, diagnostics: read.diagnostics, comments: read.comments, span: read.span };
}

function parseOrUndefined(text: string): { data: unknown } | undefined {
  try {
    return { data: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** The fast path; undefined when the file must go the tolerant way (integer-like keys). */
function readFast(file: string, text: string, data: unknown, prepared: PreparedText | undefined, onBracket?: BracketStringVisitor): JsonTree | undefined {
  const doc = new LazyJsonDoc(file, text, prepared?.text);
  const rootLoc = new PathLocation(doc, '');
  const scan: Scan = { rootLoc, path: [], key: 0, onBracket, locate: () => locAt(rootLoc, [...scan.path, scan.key]) };
  if (!scanPlain(data, 1, scan)) return undefined;
  const diagnostics: Diagnostic[] = [];
  if (scan.deepPath) diagnostics.push({ code: 'JSON-DEPTH', severity: 'warning', message: DEPTH_MESSAGE, location: locAt(rootLoc, scan.deepPath) });
  const comments: SourceComment[] = [];
  if (prepared) for (const [s, e] of prepared.comments) comments.push({ text: text.slice(s, e), loc: new OffsetLocation(doc, s, e) });
  return { root: new PlainNode(data, rootLoc, 1), diagnostics, comments, span: (s, e) => new OffsetLocation(doc, s, e) };
}

interface Scan {
  rootLoc: PathLocation;
  /** Keys from the root to the container being scanned. */
  path: Array<string | number>;
  /** Key of the string being visited, in the container at `path`. */
  key: string | number;
  onBracket?: BracketStringVisitor;
  /** The location of the string being visited; one function for the whole scan, so a visit allocates nothing. */
  locate: () => Location;
  deepPath?: Array<string | number>;
}

function locAt(root: PathLocation, path: Array<string | number>): PathLocation {
  let loc = root;
  for (const seg of path) loc = loc.child(seg);
  return loc;
}

/**
 * One pass over JSON.parse output without allocating: visits `[` strings, notes the first place nested too
 * deeply, and returns false on an integer-like key (JSON.parse moves those first, losing source order).
 */
function scanPlain(data: unknown, depth: number, scan: Scan): boolean {
  if (data === null || typeof data !== 'object') return true;
  if (depth > MAX_DEPTH) {
    scan.deepPath ??= scan.path.slice();
    return true;
  }
  const { path, onBracket } = scan;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const v: unknown = data[i];
      if (typeof v === 'string') {
        if (onBracket && v.charCodeAt(0) === 91) {
          scan.key = i;
          onBracket(v, scan.locate);
        }
      } else if (v !== null && typeof v === 'object') {
        path.push(i);
        const ok = scanPlain(v, depth + 1, scan);
        path.pop();
        if (!ok) return false;
      }
    }
    return true;
  }
  const obj = data as Record<string, unknown>;
  for (const key in obj) {
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^(0|[1-9]\d*)$/.test(key)) return false;
    const v = obj[key];
    if (typeof v === 'string') {
      if (onBracket && v.charCodeAt(0) === 91) {
        scan.key = key;
        onBracket(v, scan.locate);
      }
    } else if (v !== null && typeof v === 'object') {
      path.push(key);
      const ok = scanPlain(v, depth + 1, scan);
      path.pop();
      if (!ok) return false;
    }
  }
  return true;
}

function visitValueStrings(v: import('../../../model/value.js').Value, onBracket: BracketStringVisitor): void {
  if (v.kind === 'string') {
    if ((v.value as string).charCodeAt(0) === 91) onBracket(v.value as string, () => v.loc);
  } else if (v.kind === 'array') {
    for (const item of v.items) visitValueStrings(item, onBracket);
  } else if (v.kind === 'object') {
    for (const p of v.properties) visitValueStrings(p.value, onBracket);
  }
}
