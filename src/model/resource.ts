import type { Location } from './location.js';
import type { ObjectValue, ResourceRef, Value } from './value.js';

/** The input formats we read. */
export type SourceFormat = 'bicep' | 'bicepparam' | 'arm' | 'arm-parameters' | 'terraform' | 'conditional-access' | 'workflow' | 'text';

/** Pseudo ARM types for things that are not ARM resources but are checked the same way. */
export const CONDITIONAL_ACCESS_POLICY = 'Microsoft.Graph/conditionalAccessPolicies';
export const GITHUB_WORKFLOW = 'GitHub/workflows';

/**
 * One resource, whatever format it was written in, addressed by its ARM type and ARM property paths.
 * `body` has the shape of an ARM resource: `{ name, location, sku, kind, identity, properties: {...}, tags }`.
 */
export interface Resource {
  /** Unique within a scan: `${file}#${symbol}` (Bicep symbol, Terraform address, ARM symbolic name or index). */
  key: string;
  /** Full ARM type, e.g. `Microsoft.KeyVault/vaults` or `Microsoft.Network/networkSecurityGroups/securityRules`. */
  type: string;
  apiVersion?: string;
  /** Symbolic name as written: Bicep symbol, Terraform address (`azurerm_key_vault.kv`), ARM symbolic name. */
  symbol?: string;
  /** Evaluated name (often partly unknown). For child resources, the full `parent/child` name when known. */
  name: Value;
  body: ObjectValue;
  /** The whole declaration; its first line is where "something is missing" findings go. */
  loc: Location;
  format: SourceFormat;
  /** Repository-relative path of the file that declares it (for module resources: the module file). */
  file: string;
  parent?: ResourceRef;
  /** Extension resources (`scope: keyVault`, Terraform `target_resource_id`): what they attach to. */
  scope?: ResourceRef;
  /** Declared with `existing` (Bicep) or a Terraform data source: not deployed here, never checked. */
  existing?: boolean;
  /** Deployed only under a condition (`if`, ARM `condition`, Terraform `count = cond ? 1 : 0`). */
  conditional?: boolean;
  /** Declared in a loop (`for`, ARM `copy`, Terraform `count` / `for_each`). */
  loop?: boolean;
  /** For resources from a module: the module declaration's location in the calling file, outermost first. */
  via?: Location[];
  /** Source-specific type name when it differs from `type` (Terraform `azurerm_key_vault`). */
  sourceType?: string;
  /**
   * Where each ARM property path came from in the source when its name differs (Terraform attribute names):
   * `properties.enableRbacAuthorization` → `enable_rbac_authorization`. Used in messages.
   */
  sourceNames?: Record<string, string>;
}

/** A comment in a source file (suppressions read these). */
export interface SourceComment {
  text: string;
  loc: Location;
}

/** The output of one format front end for one file. */
export interface ParsedFile {
  file: string;
  format: SourceFormat;
  resources: Resource[];
  diagnostics: import('./diagnostic.js').Diagnostic[];
  comments: SourceComment[];
}

/** What the pipeline hands a front end besides the file: safe access to other workspace files. */
export interface ParseContext {
  /** Text of another file (repository-relative path with `/`), or undefined when absent or unsafe to read. */
  readFile(path: string): string | undefined;
  /** Repository-relative paths of the files directly in a folder ('' is the root). */
  listFiles(dir: string): string[];
}

/** One input file as read from the workspace (or the API). */
export interface SourceFile {
  /** Repository-relative path with `/`. */
  path: string;
  text: string;
}

/** A format front end: recognises its files and turns each into resources, comments and diagnostics. */
export interface FrontEnd {
  format: SourceFormat;
  /** Cheap test by path and, when the path is not enough (JSON, YAML), by a glance at the text. */
  accepts(path: string, text: string): boolean;
  /** Never throws: anything unreadable becomes a diagnostic. */
  parse(file: SourceFile, ctx: ParseContext): ParsedFile;
}

/** Display name of a resource for messages: its evaluated name when known, else its symbol. */
export function resourceLabel(r: Resource): string {
  if (r.name.kind === 'string') return r.name.value as string;
  return r.symbol ?? r.type;
}
