/** The secret scanner on its own: what it finds, where, and that it only ever holds redacted previews. */
import { scanSecrets, secretScanner, redact, isSecretName, SECRET_CANDIDATE } from '../../src/formats/secrets/index.js';
import { getPath } from '../../src/model/value.js';
import { resourceLabel } from '../../src/model/resource.js';

const KEY = 'PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1fjORS/6ilI8ihN5KXSc7Tvo==';

function candidates(path: string, text: string) {
  return scanSecrets({ path, text }).resources.map((r) => ({
    type: r.type,
    kind: (getPath(r.body, 'properties.kind') as { value?: string } | undefined)?.value,
    name: resourceLabel(r),
    preview: (getPath(r.body, 'properties.preview') as { value?: string } | undefined)?.value,
    line: r.loc.line,
    column: r.loc.column,
    endColumn: r.loc.endColumn,
  }));
}

test('a storage key in a connection string is located exactly and shown redacted', () => {
  const line = `  "conn": "DefaultEndpointsProtocol=https;AccountName=st1;AccountKey=${KEY}"`;
  const found = candidates('settings.json', `{\n${line}\n}\n`);
  const column = line.indexOf(KEY) + 1;
  expect(found).toEqual([{ type: SECRET_CANDIDATE, kind: 'storage-account-key', name: 'AccountKey', preview: 'PtYg…(88 chars)', line: 2, column, endColumn: column + KEY.length }]);
});

test('a Cosmos DB connection string is told apart from a storage one', () => {
  const found = candidates('a.env', `COSMOS=AccountEndpoint=https://c1.documents.azure.com:443/;AccountKey=${KEY};\n`);
  expect(found.map((f) => f.kind)).toEqual(['cosmos-key']);
});

test('redaction keeps four characters and the length, fewer for short secrets', () => {
  expect(redact('abcdefghijkl')).toBe('abcd…(12 chars)');
  expect(redact('hunter2')).toBe('hu…(7 chars)');
});

test('placeholders, references and expressions are not secrets', () => {
  const text = [
    'DB_PASSWORD=<your-password>',
    'API_KEY=${API_KEY}',
    'CLIENT_SECRET=changeme',
    'TOKEN=xxxxxxxx',
    'PASSWORD=',
    'STORAGE_KEY=@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/k/)',
    'SECRET=$(pipelineSecret)',
  ].join('\n');
  expect(candidates('x.env', text)).toEqual([]);
});

test('secret names are judged by their last word', () => {
  expect(['adminPassword', 'client_secret', 'x-api-key', 'STORAGE_ACCOUNT_KEY', 'GH_TOKEN', 'db.pwd'].map(isSecretName)).toEqual([true, true, true, true, true, true]);
  expect(['secretName', 'passwordPolicy', 'tokenUrl', 'partitionKey', 'keyVaultName', 'id-token'].map(isSecretName)).toEqual([false, false, false, false, false, false]);
});

test('binary files, lock files and files over the size cap are not read', () => {
  expect(secretScanner.accepts('img.png', 'PNG\u0000\u0001')).toBe(false);
  expect(secretScanner.accepts('package-lock.json', '{}')).toBe(false);
  expect(secretScanner.accepts('main.bicep', 'param x string')).toBe(true);
});

test('a secret on a line far longer than one chunk is still found, once', () => {
  const text = 'x'.repeat(20_000) + ` AccountKey=${KEY} ` + 'y'.repeat(20_000);
  const found = candidates('big.txt', text);
  expect(found.map((f) => [f.kind, f.column])).toEqual([['storage-account-key', 20_013]]);
});

test('every azure/login step with creds becomes its own candidate on its creds line', () => {
  const wf = ['on: push', 'jobs:', '  a:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: azure/login@v2', '        with:', '          creds: ${{ secrets.A }}', '  b:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: azure/login@v2', '        with:', '          creds: ${{ secrets.B }}', ''].join('\n');
  const found = scanSecrets({ path: '.github/workflows/d.yml', text: wf }).resources.filter((r) => r.type === 'Secret/azureLoginSteps');
  expect(found.map((r) => [resourceLabel(r), getPath(r.body, 'properties.creds')?.loc.line])).toEqual([['a step 1', 8], ['b step 1', 14]]);
});

test('the scanner never puts the secret text into any value it returns', () => {
  const parsed = scanSecrets({ path: 'x.env', text: `STORAGE=AccountKey=${KEY}\nAPI_KEY=s3cr3t-v4lue-123\n` });
  const json = JSON.stringify(parsed.resources.map((r) => r.body), (k, v) => (k === 'loc' || k === 'keyLoc' ? undefined : v));
  expect(json).not.toContain(KEY.slice(4, 20));
  expect(json).not.toContain('s3cr3t-v4lue');
  expect(parsed.resources).toHaveLength(2);
});
