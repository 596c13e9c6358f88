/**
 * Secrets assigned to a setting whose name says it holds one (`adminPassword: 'P@ss…'`, `API_KEY=…`,
 * `{ name: 'ApiKey', value: '…' }`). Names are judged by their last word, so `secretName`, `passwordPolicy`
 * or `tokenUrl` are not secrets while `clientSecret`, `db_password` and `x-api-key` are.
 */
import { isPlaceholder, isWellKnownDevelopmentKey } from './redact.js';
import type { LineMatch } from './patterns.js';

/** `key: 'value'`, `"key": "value"`, `key = "value"`, `"key" = "value"` with a quoted value. */
const QUOTED = /(?:^|[\s{,;(])(["']?)([A-Za-z_][A-Za-z0-9_.:-]{0,80})\1\s{0,8}(?::=|=>|:|=)\s{0,8}(["'])([^"'\r\n]{0,300})\3/g;
/** `KEY=value` / `key: value` with a bare value, for .env, YAML and shell-like files. */
const BARE = /^\s{0,40}(?:export\s{1,4}|-\s{1,4})?([A-Za-z_][A-Za-z0-9_.-]{0,80})\s{0,8}[:=]\s{0,8}([^\s"'#|>&][^\s#]{0,300})\s{0,8}(?:#.{0,2000})?$/;
/** A line that opens an object for a named setting (`"adminPassword": {`, `adminPassword: {`). */
const OPENS_NAMED = /(["']?)([A-Za-z_][A-Za-z0-9_.:-]{0,80})\1\s{0,8}[:=]\s{0,8}\{\s{0,8}$/;
/** A Terraform variable block (`variable "admin_password" {`), whose `default` is the variable's value. */
const TF_VARIABLE = /^\s{0,40}variable\s{1,8}"([A-Za-z0-9_-]{1,80})"\s{0,8}\{/;
/** Fields that hold the value of a setting named elsewhere (name/value pairs, parameter files, defaults). */
const VALUE_FIELDS = new Set(['value', 'defaultvalue', 'default']);
/** `name: 'X'` / `"name": "X"` in a name/value pair. */
const NAME_FIELD = /(?:^|[\s{,;(])["']?name["']?\s{0,8}[:=]\s{0,8}["']([^"'\r\n]{1,120})["']/i;

const SECRET_LAST_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'apikey', 'token', 'pat', 'credential', 'credentials']);
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'account', 'primary', 'secondary', 'master', 'shared', 'signing', 'private', 'function',
  'host', 'storage', 'subscription', 'client', 'admin', 'auth', 'secret', 'sas', 'cosmos', 'redis', 'search',
  'openai', 'cognitive', 'service', 'webhook',
]);

/** The words of a setting name: camelCase, snake_case, kebab-case and dotted paths all split. */
function words(name: string): string[] {
  const last = name.split(/[.:]/).filter((s) => s !== '').pop() ?? name;
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** True when a setting's name says that its value is a secret. */
export function isSecretName(name: string): boolean {
  const w = words(name);
  const last = w[w.length - 1];
  if (last === undefined) return false;
  if (SECRET_LAST_WORDS.has(last)) return !(w.length === 2 && w[0] === 'id' && last === 'token');
  if (last === 'key' || last === 'keys') return w.length >= 2 && KEY_QUALIFIERS.has(w[w.length - 2]);
  if (last.endsWith('password') || last.endsWith('secret') || last === 'apikey' || last === 'accesskey' || last === 'accountkey') return true;
  return false;
}

/** True when a literal in a secret-named setting looks like a real secret rather than a stand-in or prose. */
export function looksLikeSecretValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 4 || isPlaceholder(v) || isWellKnownDevelopmentKey(v)) return false;
  if (/^https?:\/\//i.test(v) && !/[?&]sig=/i.test(v)) return false; // an endpoint, not a credential
  if (/\s\S+\s/.test(v)) return false; // prose: three or more words
  if (/^(?:var|local|module|data|param|parameters|variables)\.[A-Za-z_]/.test(v)) return false; // a reference written as text
  return true;
}

/** Formats where an unquoted value is a literal (in code formats an unquoted word is an expression). */
export function bareValuesAreLiterals(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return /^\.env(?:\.|$)|\.env$|\.(?:ya?ml|properties|ini|cfg|conf|toml|sh|bash|zsh)$/.test(name) || name === 'dockerfile';
}

/**
 * Secret-named settings with literal values in one line. `previous` are the few lines above it, used to
 * name a bare `value:` from its `name:` sibling or its enclosing `"setting": {`.
 */
export function assignedSecrets(line: string, previous: string[], bareLiterals: boolean): LineMatch[] {
  const out: LineMatch[] = [];
  const consider = (name: string, start: number, end: number, value: string): void => {
    let settingName = name;
    if (VALUE_FIELDS.has(name.toLowerCase())) {
      const owner = ownerName(line.slice(0, start), previous);
      if (owner === undefined) return;
      settingName = owner;
    }
    if (!isSecretName(settingName) || !looksLikeSecretValue(value)) return;
    out.push({ kind: 'assigned-secret', start, end, name: settingName });
  };
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(line); m !== null; m = QUOTED.exec(line)) {
    const value = m[4];
    const end = m.index + m[0].length - 1;
    consider(m[2], end - value.length, end, value);
  }
  if (bareLiterals && out.length === 0) {
    const m = BARE.exec(line);
    if (m) {
      const start = line.indexOf(m[2], line.indexOf(m[1]) + m[1].length);
      consider(m[1], start, start + m[2].length, m[2]);
    }
  }
  return out;
}

/** The setting a `value` field belongs to: a `name` field before it on the line or just above, or the object it opens. */
function ownerName(before: string, previous: string[]): string | undefined {
  const same = NAME_FIELD.exec(before);
  if (same) return same[1];
  for (let i = previous.length - 1; i >= 0; i--) {
    const p = previous[i];
    const named = NAME_FIELD.exec(p);
    if (named) return named[1];
    const opens = OPENS_NAMED.exec(p.trimEnd()) ?? TF_VARIABLE.exec(p);
    if (opens) return opens[opens.length - 1];
    if (/[}\]]/.test(p)) return undefined; // left the object the value sits in
  }
  return undefined;
}
