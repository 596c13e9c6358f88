/**
 * The secret scanner: a front end of format 'text' that reads every file under review (beside the file's own
 * front end) and turns what it finds into pseudo-resources the secret rules judge. The real secret never
 * enters a Value: each pseudo-resource holds a redacted preview only (`DefE…(88 chars)`).
 *
 * Pseudo types (all `format: 'text'`):
 * - `Secret/candidates`: one hardcoded secret. body `{ name, properties: { kind, preview } }`; `kind` is a
 *   SecretKind (`storage-account-key`, `shared-access-key`, `cosmos-key`, `connection-string-password`,
 *   `sas-token`, `entra-client-secret`, `private-key`, `github-token`, `assigned-secret`); `preview` is the
 *   redacted value, located exactly at the secret (a private key: at its BEGIN line). `name` is the setting
 *   that holds it when known (`AccountKey`, `API_KEY`, `adminPassword`), else the kind in words.
 * - `Secret/secureParameterDefaults`: a Bicep `@secure()` or ARM securestring/secureObject parameter with a
 *   default. body `{ name: <parameter>, properties: { defaultValue } }`; `defaultValue` is redacted or
 *   'a computed value', located at the default.
 * - `Secret/outputs`: a Bicep or ARM output (not marked secure) that returns a secret. body
 *   `{ name: <output>, properties: { value } }`; `value` says why (`listKeys()`, `secure parameter 'x'`).
 * - `Secret/azureLoginSteps`: an `azure/login` workflow step that signs in with `creds`. body
 *   `{ name: '<job> step <n>', properties: { creds } }`; `creds` is the secret expression as written.
 */
import type { Location } from '../../model/location.js';
import { LineIndex } from '../../model/location.js';
import type { FrontEnd, ParsedFile, Resource, SourceFile } from '../../model/resource.js';
import { V, type Value } from '../../model/value.js';
import { bareValuesAreLiterals } from './assignments.js';
import { KIND_LABEL, type SecretKind } from './patterns.js';
import { redact } from './redact.js';
import { scanText } from './scan.js';
import { armTemplateFindings, bicepTemplateFindings, type TemplateFinding } from './templates.js';
import { credsLogins } from './workflow-logins.js';

export { redact, isPlaceholder } from './redact.js';
export { isSecretName, looksLikeSecretValue } from './assignments.js';
export { shapedSecrets, type SecretKind } from './patterns.js';
export { scanText, MAX_CHUNK } from './scan.js';

export const SECRET_CANDIDATE = 'Secret/candidates';
export const SECURE_PARAMETER_DEFAULT = 'Secret/secureParameterDefaults';
export const LEAKING_OUTPUT = 'Secret/outputs';
export const AZURE_LOGIN_CREDS = 'Secret/azureLoginSteps';

/** Files this large are not read for secrets (the workspace caps reads lower still). */
const MAX_FILE_CHARS = 8 * 1024 * 1024;
/** Generated files that hold hashes, not credentials. */
const SKIPPED_FILES = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|go\.sum|Cargo\.lock|poetry\.lock|composer\.lock|\.terraform\.lock\.hcl)$|\.(?:min\.js|map)$/i;
const WORKFLOW_PATH = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;

/** Plain-text files only: a NUL in the first few KB marks a binary file. */
function isText(text: string): boolean {
  return !text.slice(0, 8192).includes('\u0000');
}

/** A one-property object at `loc`, the property's key located at `keyLoc`. */
function body(name: Value, key: string, value: Value, keyLoc: Location, loc: Location): Resource['body'] {
  return V.obj([{ key: 'name', keyLoc: name.loc, value: name }, { key: 'properties', keyLoc: loc, value: V.obj([{ key, keyLoc, value }], loc) }], loc);
}

/** Numbers repeated names so each resource has its own key while fingerprints stay free of line numbers. */
class Ordinals {
  private readonly counts = new Map<string, number>();
  next(base: string): string {
    const n = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }
}

function resource(file: string, type: string, symbol: string, nameText: string, key: string, value: Value, keyLoc: Location, loc: Location, kind?: SecretKind): Resource {
  const name = V.str(nameText, loc);
  const b = body(name, key, value, keyLoc, loc);
  if (kind !== undefined) {
    const props = b.properties[1].value;
    if (props.kind === 'object') props.properties.unshift({ key: 'kind', keyLoc: loc, value: V.str(kind, loc) });
  }
  return { key: `${file}#${symbol}`, type, symbol, name, body: b, loc, format: 'text', file };
}

/** Reads one file for secrets; never throws, never returns a secret's text. */
export function scanSecrets(file: SourceFile): ParsedFile {
  const out: ParsedFile = { file: file.path, format: 'text', resources: [], diagnostics: [], comments: [] };
  const { path, text } = file;
  const lines = new LineIndex(text);
  const ordinals = new Ordinals();
  const lower = path.toLowerCase();
  const templates: TemplateFinding[] = lower.endsWith('.bicep') ? bicepTemplateFindings(path, text) : lower.endsWith('.json') || lower.endsWith('.jsonc') ? armTemplateFindings(path, text) : [];
  const templateLines = new Set(templates.map((t) => t.valueLoc.line));

  for (const c of scanText(text, bareValuesAreLiterals(path))) {
    const loc = lines.location(path, c.start, c.end);
    if (c.kind === 'assigned-secret' && templateLines.has(loc.line)) continue; // the parameter finding says it better
    const label = c.kind === 'private-key' ? `${c.name ?? 'PRIVATE KEY'} block` : c.name ?? KIND_LABEL[c.kind];
    const symbol = ordinals.next(`secret:${c.kind}:${c.name ?? ''}`);
    const preview = V.str(redact(text.slice(c.secretStart, c.secretEnd)), loc);
    out.resources.push(resource(path, SECRET_CANDIDATE, symbol, label, 'preview', preview, loc, loc, c.kind));
  }
  for (const t of templates) {
    const symbol = ordinals.next(`${t.what}:${t.name}`);
    const value = V.str(t.found, t.valueLoc);
    if (t.what === 'secret-parameter-default') {
      out.resources.push(resource(path, SECRET_CANDIDATE, symbol, t.name, 'preview', value, t.nameLoc, t.valueLoc, 'assigned-secret'));
    } else if (t.what === 'secure-parameter-default') {
      out.resources.push(resource(path, SECURE_PARAMETER_DEFAULT, symbol, t.name, 'defaultValue', value, t.nameLoc, t.valueLoc));
    } else {
      out.resources.push(resource(path, LEAKING_OUTPUT, symbol, t.name, 'value', value, t.nameLoc, t.valueLoc));
    }
  }
  if (WORKFLOW_PATH.test(path)) {
    for (const l of credsLogins(file)) {
      const symbol = ordinals.next(`azure-login:${l.jobId}`);
      out.resources.push(resource(path, AZURE_LOGIN_CREDS, symbol, `${l.jobId} step ${l.stepIndex + 1}`, 'creds', V.str(l.found, l.credsLoc), l.credsKeyLoc, l.stepLoc));
    }
  }
  return out;
}

/** The secret scanner, run by the pipeline on every file under review in addition to the file's own front end. */
export const secretScanner: FrontEnd = {
  format: 'text',
  accepts: (path, text) => text.length <= MAX_FILE_CHARS && !SKIPPED_FILES.test(path) && isText(text),
  parse: (file) => scanSecrets(file),
};
