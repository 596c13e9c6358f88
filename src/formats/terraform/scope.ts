import type { LineIndex, Location } from '../../model/location.js';
import type { Value } from '../../model/value.js';
import type { Expr } from './ast.js';

/** One parsed file: its path and line table, for turning offsets into Locations. */
export interface SourceUnit {
  file: string;
  lines: LineIndex;
}

/** A `locals` entry, evaluated on first use. */
export interface LocalDef {
  expr: Expr;
  unit: SourceUnit;
  value?: Value;
  busy?: boolean;
}

/**
 * What names mean inside one Terraform module (a folder): input variables with their values, locals,
 * and which file declares each resource address (so references can name the right file).
 */
export interface ModuleScope {
  /** Folder of the module, repository-relative ('' for the root). */
  dir: string;
  /** Declared variables; undefined value = declared with no default and no value given. */
  vars: Map<string, Value | undefined>;
  locals: Map<string, LocalDef>;
  /** Resource address (`azurerm_key_vault.kv`, `data.x.y`) → declaring file. */
  symbols: Map<string, string>;
}

/** Evaluation environment: the module, the file being read, and names bound by loops. */
export interface Env {
  scope: ModuleScope;
  unit: SourceUnit;
  /** for-expression variables, dynamic-block iterators, `each`, `count` (as objects). */
  names?: Map<string, Value>;
  /** The element a splat (`[*]`, `.*`) is currently applied to. */
  splat?: Value;
  /** Depth of nested local evaluation, bounded against pathological chains. */
  depth: number;
}

/** Location of an offset range in the environment's file. */
export function locIn(env: Env, start: number, end: number): Location {
  return env.unit.lines.location(env.unit.file, start, end);
}

/** The environment with extra loop names bound. */
export function withNames(env: Env, bound: Record<string, Value>): Env {
  const names = new Map(env.names ?? []);
  for (const [k, v] of Object.entries(bound)) names.set(k, v);
  return { ...env, names };
}
