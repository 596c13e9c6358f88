import type { ParseContext, ParsedFile, Resource } from '../../src/model/resource.js';
import { getPath, toPlain, type Value } from '../../src/model/value.js';
import { terraformFrontEnd } from '../../src/formats/terraform/index.js';

/** An in-memory workspace: repository-relative path → text. */
export function workspace(files: Record<string, string>): ParseContext {
  return {
    readFile: (p) => files[p],
    listFiles: (dir) =>
      Object.keys(files).filter((p) => {
        const slash = p.lastIndexOf('/');
        return (slash < 0 ? '' : p.slice(0, slash)) === dir;
      }),
  };
}

/** Parse one file of a workspace with the Terraform front end. */
export function parseIn(files: Record<string, string>, path: string): ParsedFile {
  return terraformFrontEnd.parse({ path, text: files[path] }, workspace(files));
}

/** Parse a single main.tf (no siblings). */
export function parseOne(text: string, path = 'main.tf'): ParsedFile {
  return parseIn({ [path]: text }, path);
}

/** The resource with this Terraform address; fails the test when absent. */
export function bySymbol(parsed: ParsedFile, symbol: string): Resource {
  const r = parsed.resources.find((x) => x.symbol === symbol);
  if (!r) throw new Error(`no resource ${symbol}; have ${parsed.resources.map((x) => x.symbol).join(', ')}`);
  return r;
}

/** Plain value at an ARM path of a resource body. */
export function plainAt(r: Resource, path: string): unknown {
  const v = getPath(r.body, path);
  return v === undefined ? undefined : toPlain(v);
}

/** The Value at an ARM path; fails when missing. */
export function valueAt(r: Resource, path: string): Value {
  const v = getPath(r.body, path);
  if (!v) throw new Error(`nothing at ${path}`);
  return v;
}

/** "line:column" of a location-like thing. */
export function pos(loc: { line: number; column: number }): string {
  return `${loc.line}:${loc.column}`;
}
