/** Test helpers: an in-memory workspace and plain views of locations and values. */
import type { Location } from '../../src/model/location.js';
import type { ParseContext, ParsedFile } from '../../src/model/resource.js';
import { toPlain, type Value } from '../../src/model/value.js';
import { armFrontEnd } from '../../src/formats/arm/index.js';

/** A ParseContext over a map of path -> text. */
export function memoryContext(files: Record<string, string>): ParseContext {
  return {
    readFile: (p) => files[p],
    listFiles: (dir) => Object.keys(files).filter((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') === dir),
  };
}

/** Parses `path` from an in-memory workspace. */
export function parseIn(files: Record<string, string>, path: string): ParsedFile {
  return armFrontEnd.parse({ path, text: files[path] }, memoryContext(files));
}

/** `line:column-endLine:endColumn` of a location. */
export function at(loc: Location | undefined): string {
  if (!loc) return 'none';
  return `${loc.line}:${loc.column}-${loc.endLine}:${loc.endColumn}`;
}

/** Plain JavaScript of a value, with unknown parts shown as `<unknown: reason>`. */
export function show(v: Value | undefined): unknown {
  if (v === undefined) return undefined;
  switch (v.kind) {
    case 'unknown':
      return `<unknown: ${v.reason}>`;
    case 'array':
      return v.items.map(show);
    case 'object':
      return Object.fromEntries(v.properties.map((p) => [p.key, show(p.value)]));
    default:
      return toPlain(v);
  }
}

/** A template text from its parts. */
export function template(parts: Record<string, unknown>, schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'): string {
  return JSON.stringify({ $schema: schema, contentVersion: '1.0.0.0', ...parts }, null, 2);
}
