/**
 * Recognisers for secrets with a recognisable shape. Every expression here runs in linear time: one
 * bounded character class per repetition, no nested quantifiers over overlapping classes, and the scanner
 * feeds them lines cut to a bounded length (see MAX_CHUNK in scan.ts).
 */

/** The kinds of secret the rules tell apart (Resource property `properties.kind` of 'Secret/candidates'). */
export type SecretKind =
  | 'storage-account-key'
  | 'shared-access-key'
  | 'cosmos-key'
  | 'connection-string-password'
  | 'sas-token'
  | 'entra-client-secret'
  | 'private-key'
  | 'github-token'
  | 'assigned-secret';

/** Human name of each kind, for messages. */
export const KIND_LABEL: Record<SecretKind, string> = {
  'storage-account-key': 'storage account key',
  'shared-access-key': 'shared access key',
  'cosmos-key': 'Cosmos DB account key',
  'connection-string-password': 'connection string password',
  'sas-token': 'shared access signature',
  'entra-client-secret': 'Entra ID client secret',
  'private-key': 'private key',
  'github-token': 'GitHub token',
  'assigned-secret': 'secret value',
};

/** One secret found in a line: the secret's own span (offsets within the line) and what names it. */
export interface LineMatch {
  kind: SecretKind;
  start: number;
  end: number;
  /** The setting, key or field that names the secret, when the line says (`AccountKey`, `API_KEY`). */
  name?: string;
}

interface Recogniser {
  kind: SecretKind;
  /** Group 1 is the secret itself. */
  re: RegExp;
  name?: string;
  /** The rest of the line must also say this (a SAS signature needs its version field). */
  lineAlso?: RegExp;
}

const RECOGNISERS: Recogniser[] = [
  // Storage (and Cosmos) connection strings: AccountKey=<base64>.
  { kind: 'storage-account-key', name: 'AccountKey', re: /AccountKey\s{0,3}=\s{0,3}([A-Za-z0-9+/]{40,120}={0,2})/gi },
  // Service Bus, Event Hubs, Relay, IoT Hub: SharedAccessKey=<base64> (SharedAccessKeyName= is not it).
  { kind: 'shared-access-key', name: 'SharedAccessKey', re: /SharedAccessKey\s{0,3}=\s{0,3}([A-Za-z0-9+/]{20,120}={0,2})/gi },
  // SQL / PostgreSQL / MySQL style connection strings with an inline password.
  {
    kind: 'connection-string-password',
    name: 'Password',
    re: /(?:^|[;"'\s])(?:Password|Pwd)\s{0,3}=\s{0,3}([^;"'\s]{1,200})/gi,
    lineAlso: /(?:Server|Data Source|Host|User ID|UserID|Uid|Username|User|Initial Catalog|Database)\s{0,3}=/i,
  },
  // SAS token: the signature field, when the same line carries a SAS version or key name.
  { kind: 'sas-token', name: 'sig', re: /(?:^|[?&;"'\s])sig=([A-Za-z0-9%+/=]{30,200})/g, lineAlso: /(?:^|[?&;"'\s])(?:sv=\d{4}-\d{2}-\d{2}|skn=)/ },
  // Entra ID client secret, current format: three characters, a digit, `Q~`, then 31 to 34 more.
  { kind: 'entra-client-secret', re: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g },
  // GitHub tokens: classic prefixes and fine-grained personal access tokens.
  { kind: 'github-token', re: /(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{50,255})(?![A-Za-z0-9_])/g },
];

const PRIVATE_KEY_HEADER = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 )?PRIVATE KEY(?: BLOCK)?)-----/g;
const KEY_MATERIAL = /[A-Za-z0-9+/=]{40}/;
const COSMOS_ENDPOINT = /AccountEndpoint\s{0,3}=\s{0,3}https:\/\/[^;"'\s]{1,200}\.documents\.azure\.(?:com|us|cn)/i;

/** Secrets of a recognisable shape in one line (already cut to a bounded length). */
export function shapedSecrets(line: string): LineMatch[] {
  const out: LineMatch[] = [];
  for (const r of RECOGNISERS) {
    if (r.lineAlso && !r.lineAlso.test(line)) continue;
    r.re.lastIndex = 0;
    for (let m = r.re.exec(line); m !== null; m = r.re.exec(line)) {
      const secret = m[1];
      const start = m.index + m[0].length - secret.length;
      let kind = r.kind;
      if (kind === 'storage-account-key' && COSMOS_ENDPOINT.test(line)) kind = 'cosmos-key';
      out.push({ kind, start, end: start + secret.length, name: r.name });
    }
  }
  return out;
}

/** A private key block: where its header starts and ends (the finding's place) and where its body ends. */
export interface PrivateKeyBlock {
  start: number;
  headerEnd: number;
  bodyEnd: number;
  label: string;
}

/**
 * Private key blocks: the header line, when key material follows within the next few hundred characters
 * (a documentation line naming the header alone is not a key).
 */
export function privateKeys(text: string, from: number, to: number): PrivateKeyBlock[] {
  const out: PrivateKeyBlock[] = [];
  PRIVATE_KEY_HEADER.lastIndex = from;
  for (let m = PRIVATE_KEY_HEADER.exec(text); m !== null && m.index < to; m = PRIVATE_KEY_HEADER.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const following = text.slice(bodyStart, bodyStart + 400).replace(/\\n|\\r|\s/g, '');
    if (!KEY_MATERIAL.test(following)) continue;
    const endMarker = text.indexOf('-----END', bodyStart);
    const end = endMarker < 0 || endMarker - bodyStart > 20_000 ? bodyStart : endMarker;
    out.push({ start: m.index, headerEnd: bodyStart, bodyEnd: Math.max(end, bodyStart), label: m[1] });
  }
  return out;
}
