/**
 * Redaction and placeholder recognition for secret candidates. Nothing but a redacted preview of a
 * candidate ever leaves the scanner: findings, SARIF, comments and logs only see what `redact` returns.
 */

/** A secret shown safely: its first four characters, an ellipsis and its length (`DefE…(88 chars)`). */
export function redact(secret: string): string {
  const head = secret.length <= 8 ? secret.slice(0, Math.min(2, secret.length)) : secret.slice(0, 4);
  return `${head}…(${secret.length} chars)`;
}

/** Values that only stand for a secret: template expressions, references, examples written in words. */
const PLACEHOLDER_SHAPES: RegExp[] = [
  /\$\{/, // ${var}, ${{ secrets.X }}
  /\{\{/, // {{ template }}
  /\$\(/, // $(pipelineVar)
  /^\$[A-Za-z_{]/, // $VAR
  /^%[A-Za-z0-9_]{1,100}%$/, // %VAR%
  /^\[[\s\S]*\]$/, // ARM expression [parameters('x')]
  /@Microsoft\.KeyVault\(/i, // App Service Key Vault reference
  /^(?:secretref|keyvaultref|kv|vault|env|var|ref):/i,
  /\.vault\.azure\.net/i,
  /<[^<>]{0,80}>/, // <your-key>
  /^\{[A-Za-z0-9_. -]{0,80}\}$/, // {password}, {0}
  /^\*{2,}$|^x{3,}$|^\.{3,}$|^#{3,}$|^-{3,}$|^_{3,}$/i,
];

const PLACEHOLDER_WORDS =
  /(?:change[-_ ]?me|changeit|placeholder|replace[-_ ]?(?:me|this|with)|your[-_ ]?(?:own[-_ ]?)?(?:password|secret|key|token|pat|client|api|connection|account|value)|example|dummy|redacted|not[-_ ]?(?:a[-_ ]?)?(?:real|set)|fake[-_ ]?(?:key|secret|password|token)|insert[-_ ]?here|todo|tbd|fixme|sample[-_ ]?(?:key|secret|password|token))/i;

/** Words that are settings, not secrets: `id-token: write`, `password: required`, type names. */
const NOT_SECRETS = new Set([
  'true', 'false', 'yes', 'no', 'on', 'off', 'null', 'nil', 'none', 'undefined', 'enabled', 'disabled', 'enable',
  'disable', 'required', 'optional', 'read', 'write', 'read-all', 'write-all', 'string', 'securestring',
  'secureobject', 'object', 'bool', 'int', 'number', 'password', 'secret', 'token', 'key', 'apikey', 'api-key',
  'sensitive', 'hidden', 'masked', 'auto', 'default', 'generated', 'random', 'inherit', 'empty', 'unset', 'test',
]);

/**
 * True when a value written in a secret-looking place is only a stand-in (empty, an expression, a reference,
 * an example in words, a repeated character) and so is not a leaked secret.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (NOT_SECRETS.has(v.toLowerCase())) return true;
  if (/^(.)\1*$/.test(v)) return true; // one character repeated: 'xxxx', '0000'
  if (PLACEHOLDER_SHAPES.some((re) => re.test(v))) return true;
  return PLACEHOLDER_WORDS.test(v);
}

/**
 * Azurite / storage emulator account key: published in Microsoft's documentation for local development,
 * identical on every machine, so it grants nothing.
 */
const EMULATOR_KEY_HEAD = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq';

/** True for well-known public development credentials (the storage emulator key). */
export function isWellKnownDevelopmentKey(value: string): boolean {
  return value.startsWith(EMULATOR_KEY_HEAD);
}
