/**
 * The tolerant reader: jsonc-parser's visit() over the masked text (see prepare.ts), building Values with
 * exact locations and recovering after syntax errors, each reported with its location.
 */
import { visit } from 'jsonc-parser';
import type { Diagnostic } from '../../../model/diagnostic.js';
import { LineIndex, type Location } from '../../../model/location.js';
import type { SourceComment } from '../../../model/resource.js';
import type { ArrayValue, ObjectValue, Property, Value } from '../../../model/value.js';
import { DEPTH_MESSAGE, prepareJson, type PreparedText } from './prepare.js';
import { escapeControls, syntaxMessage } from './syntaxMessages.js';

/** What reading one JSON file gives, as Values. */
export interface JsonRead {
  /** The top-level value; undefined when the file holds none. */
  root?: Value;
  diagnostics: Diagnostic[];
  comments: SourceComment[];
  /** Location of a character range of the file (for diagnostics about the file as a whole). */
  span(start: number, end: number): Location;
}

/** Syntax errors reported per file before the rest are summarised (a damaged file can have thousands). */
const MAX_SYNTAX_DIAGNOSTICS = 20;

interface Frame {
  start: number;
  object?: { properties: Property[]; pendingKey?: string; pendingKeyLoc?: Location };
  items?: Value[];
}

/** Reads a text JSON.parse cannot (or should not) read: comments, masked strings, error recovery. */
export function readTolerant(file: string, original: string, masked: PreparedText): JsonRead {
  const first = visitTolerant(file, original, masked);
  if (first.syntaxErrors === 0 || masked.maskedStrings.size === 0) return first.read;
  // A missing closing quote looks like a multi-line string; see whether ending strings at line breaks reads better.
  const second = visitTolerant(file, original, prepareJson(original, { maskLineBreaks: false }));
  return second.syntaxErrors < first.syntaxErrors ? second.read : first.read;
}

function visitTolerant(file: string, original: string, prepared: PreparedText): { read: JsonRead; syntaxErrors: number } {
  const index = new LineIndex(original);
  const diagnostics: Diagnostic[] = [];
  const comments: SourceComment[] = [];
  const stack: Frame[] = [];
  let root: Value | undefined;
  let syntaxErrors = 0;
  const loc = (s: number, e: number): Location => index.location(file, s, e);

  const add = (v: Value): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root ??= v;
    } else if (top.items) {
      top.items.push(v);
    } else if (top.object && top.object.pendingKey !== undefined) {
      top.object.properties.push({ key: top.object.pendingKey, keyLoc: top.object.pendingKeyLoc!, value: v });
      top.object.pendingKey = undefined;
    }
  };

  if (prepared.firstTooDeep !== undefined) {
    const at = prepared.firstTooDeep;
    diagnostics.push({ code: 'JSON-DEPTH', severity: 'warning', message: DEPTH_MESSAGE, location: loc(at, at + 1) });
  }

  visit(
    prepared.text,
    {
      onObjectBegin: (offset) => {
        stack.push({ start: offset, object: { properties: [] } });
      },
      onObjectProperty: (name, offset, length) => {
        const top = stack[stack.length - 1];
        if (top?.object) {
          top.object.pendingKey = name;
          top.object.pendingKeyLoc = loc(offset, offset + length);
        }
      },
      onObjectEnd: (offset, length) => {
        const f = stack.pop();
        if (!f?.object) return;
        const v: ObjectValue = { kind: 'object', properties: f.object.properties, loc: loc(f.start, offset + length) };
        add(v);
      },
      onArrayBegin: (offset) => {
        stack.push({ start: offset, items: [] });
      },
      onArrayEnd: (offset, length) => {
        const f = stack.pop();
        if (!f?.items) return;
        const v: ArrayValue = { kind: 'array', items: f.items, loc: loc(f.start, offset + length) };
        add(v);
      },
      onLiteralValue: (value: unknown, offset, length) => {
        const at = loc(offset, offset + length);
        if (prepared.tooDeep.has(offset)) add({ kind: 'unknown', reason: 'nested too deeply to read', loc: at });
        else if (typeof value === 'string') {
          const s = prepared.maskedStrings.has(offset) ? decodeRaw(original, offset, length, value) : value;
          add({ kind: 'string', value: s, loc: at });
        } else if (typeof value === 'number') add({ kind: 'number', value, loc: at });
        else if (typeof value === 'boolean') add({ kind: 'boolean', value, loc: at });
        else if (value === null) add({ kind: 'null', value: null, loc: at });
      },
      onError: (code, offset, length) => {
        syntaxErrors++;
        if (syntaxErrors <= MAX_SYNTAX_DIAGNOSTICS) {
          diagnostics.push({
            code: 'JSON-SYNTAX',
            severity: 'error',
            message: syntaxMessage(code, prepared.text, offset, length),
            location: loc(offset, offset + length),
          });
        }
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  );
  if (syntaxErrors > MAX_SYNTAX_DIAGNOSTICS) {
    const last = diagnostics[diagnostics.length - 1].location;
    diagnostics.push({
      code: 'JSON-SYNTAX',
      severity: 'error',
      message: `${syntaxErrors - MAX_SYNTAX_DIAGNOSTICS} more syntax errors in this file are not listed.`,
      location: last,
    });
  }
  for (const [s, e] of prepared.comments) comments.push({ text: original.slice(s, e), loc: loc(s, e) });
  return { read: { root, diagnostics, comments, span: loc }, syntaxErrors };
}

/** The value of a string literal as written in the original text, raw line breaks and tabs included. */
function decodeRaw(original: string, offset: number, length: number, fallback: string): string {
  const raw = original.slice(offset, offset + length);
  const escaped = escapeControls(raw, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  try {
    const v: unknown = JSON.parse(escaped.endsWith('"') && escaped.length > 1 ? escaped : escaped + '"');
    return typeof v === 'string' ? v : fallback;
  } catch {
    return fallback;
  }
}
