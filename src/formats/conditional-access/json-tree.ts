/**
 * JSON with comments -> Value tree with the exact location of every value and key. Built on jsonc-parser's
 * `visit` (so we never hold a second tree) after a cheap iterative scan that bounds the nesting depth,
 * because jsonc-parser recurses once per level and hostile nesting would overflow the stack.
 */
import { createScanner, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../../model/diagnostic.js';
import { LineIndex, type Location } from '../../model/location.js';
import type { SourceComment } from '../../model/resource.js';
import { V, type Property, type Value } from '../../model/value.js';

/** Deepest nesting of objects and arrays we read; policies are about six levels deep. */
export const MAX_JSON_DEPTH = 256;
/** Syntax errors reported per file; past this, one summary line says how many more there were. */
export const MAX_SYNTAX_DIAGNOSTICS = 20;

/** What the reader found in one JSON text. */
export interface JsonTree {
  /** The top-level value; undefined for an empty or unreadable file. */
  root: Value | undefined;
  comments: SourceComment[];
  diagnostics: Diagnostic[];
  index: LineIndex;
}

// jsonc-parser's enums are `const` (not importable with isolatedModules), so their numbers are used here.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** Human wording for jsonc-parser's error codes. */
const WHAT_WAS_EXPECTED: Record<number, string> = {
  1: 'a JSON value, but found a character that cannot start one',
  2: 'a valid number',
  3: 'a property name in double quotes',
  4: 'a value',
  5: "a ':' after the property name",
  6: "a ',' between entries",
  7: "a '}' to close the object",
  8: "a ']' to close the array",
  9: 'nothing after the top-level value',
  10: "a comment starting with '//' or '/*'",
  11: "a '*/' to close the comment",
  12: 'a closing double quote for the string',
  13: 'more digits in the number',
  14: 'four hexadecimal digits after \\u',
  15: "a valid escape character after '\\'",
  16: 'no control characters inside a string',
};

type Frame =
  | { kind: 'object'; start: number; props: Property[]; key?: { name: string; loc: Location } }
  | { kind: 'array'; start: number; items: Value[] };

/** Reads JSON (comments and trailing commas allowed) into a located Value tree; never throws. */
export function readJsonTree(file: string, source: string): JsonTree {
  // A byte-order mark is not JSON; a space of the same length keeps every offset where it was.
  const text = source.charCodeAt(0) === 0xfeff ? ' ' + source.slice(1) : source;
  const index = new LineIndex(source);
  const tree: JsonTree = { root: undefined, comments: [], diagnostics: [], index };
  const tooDeepAt = findTooDeep(text);
  if (tooDeepAt !== undefined) {
    tree.diagnostics.push({
      code: 'JSON-DEPTH',
      severity: 'error',
      message: `The JSON nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep; the file was not read.`,
      location: index.location(file, tooDeepAt, tooDeepAt + 1),
    });
    return tree;
  }
  buildTree(file, text, tree);
  return tree;
}

/** Offset of the first bracket that opens a level deeper than MAX_JSON_DEPTH, if any. Iterative. */
function findTooDeep(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if ((kind === CLOSE_BRACE || kind === CLOSE_BRACKET) && depth > 0) depth--;
  }
  return undefined;
}

function buildTree(file: string, text: string, tree: JsonTree): void {
  const { index } = tree;
  const loc = (start: number, end: number): Location => index.location(file, start, end);
  const stack: Frame[] = [];
  let errors = 0;

  const attach = (value: Value): void => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      tree.root ??= value;
    } else if (parent.kind === 'array') {
      parent.items.push(value);
    } else if (parent.key !== undefined) {
      parent.props.push({ key: parent.key.name, keyLoc: parent.key.loc, value });
      parent.key = undefined;
    }
  };

  visit(
    text,
    {
      onObjectBegin: (offset) => {
        stack.push({ kind: 'object', start: offset, props: [] });
      },
      onObjectProperty: (name, offset, length) => {
        const top = stack[stack.length - 1];
        // A key whose value is missing is dropped; the syntax error already says so.
        if (top?.kind === 'object') top.key = { name, loc: loc(offset, offset + length) };
      },
      onObjectEnd: (offset, length) => {
        const frame = stack.pop();
        if (frame?.kind === 'object') attach(V.obj(frame.props, loc(frame.start, offset + length)));
      },
      onArrayBegin: (offset) => {
        stack.push({ kind: 'array', start: offset, items: [] });
      },
      onArrayEnd: (offset, length) => {
        const frame = stack.pop();
        if (frame?.kind === 'array') attach(V.arr(frame.items, loc(frame.start, offset + length)));
      },
      onLiteralValue: (value: unknown, offset, length) => {
        attach(literal(value, loc(offset, offset + length)));
      },
      onComment: (offset, length) => {
        tree.comments.push({ text: text.slice(offset, offset + length), loc: loc(offset, offset + length) });
      },
      onError: (error: ParseError['error'], offset, length) => {
        errors++;
        if (errors <= MAX_SYNTAX_DIAGNOSTICS) {
          const message = syntaxMessage(text, error, offset);
          tree.diagnostics.push({ code: 'JSON-SYNTAX', severity: 'error', message, location: loc(offset, offset + Math.max(length, 1)) });
        }
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  );

  if (errors > MAX_SYNTAX_DIAGNOSTICS) {
    const last = tree.diagnostics[tree.diagnostics.length - 1];
    tree.diagnostics.push({
      code: 'JSON-SYNTAX',
      severity: 'error',
      message: `${errors - MAX_SYNTAX_DIAGNOSTICS} more JSON syntax errors follow and are not listed.`,
      location: last.location,
    });
  }
}

function literal(value: unknown, at: Location): Value {
  if (typeof value === 'string') return V.str(value, at);
  if (typeof value === 'number') return V.num(value, at);
  if (typeof value === 'boolean') return V.bool(value, at);
  if (value === null) return V.nul(at);
  // jsonc-parser hands undefined for tokens it could not read (e.g. a bad number).
  return V.unknown('unreadable JSON value', at);
}

/** "Invalid JSON: expected a ',' between entries, found '"b"'." */
function syntaxMessage(text: string, error: number, offset: number): string {
  const expected = WHAT_WAS_EXPECTED[error];
  const found = describeFound(text, offset);
  return expected
    ? `Invalid JSON: expected ${expected}${found}.`
    : `Invalid JSON (${printParseErrorCode(error as ParseError['error'])})${found}.`;
}

/** ", found 'xyz'" with control characters made visible, or " but the file ended". */
function describeFound(text: string, offset: number): string {
  if (offset >= text.length) return ' but the file ended';
  const word = text.slice(offset, offset + 20).split(/[\s,:]/)[0] || text.charAt(offset);
  let shown = '';
  for (const ch of word) {
    const c = ch.charCodeAt(0);
    shown += c < 0x20 || c === 0x7f ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
  }
  return `, found '${shown}'`;
}
