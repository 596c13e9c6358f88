/**
 * Whole-product benchmark: the CLI over a generated mixed corpus (Bicep, ARM JSON, Terraform) at three
 * sizes (memory should grow linearly), the action's cold start (node dist/index.js to its first GitHub
 * request), and a 300-file pull request end to end against an instant local API. Needs a built dist/.
 * Prints a table and writes bench/out/cli.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/cli.js');
const ACTION = resolve('dist/index.js');
if (!existsSync(CLI) || !existsSync(ACTION)) throw new Error('Build first: npm run build');

function bicepFile(i: number): string {
  return `// module ${i}: a storage account, a vault and an NSG
@description('Where the resources go.')
param location string = resourceGroup().location
param env string = 'dev'
var prefix = 'app\${env}${i}'

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: '\${prefix}st'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: ${i % 3 === 0 ? "'Enabled'" : "'Disabled'"}
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' }
  }
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '\${prefix}-kv'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: ${i % 4 === 0 ? 'false' : 'true'}
    enablePurgeProtection: true
  }
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: '\${prefix}-nsg'
  location: location
  properties: {
    securityRules: [for (port, idx) in [443, 8443]: {
      name: 'allow-\${port}'
      properties: {
        priority: 100 + idx
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefix: 'VirtualNetwork'
        sourcePortRange: '*'
        destinationAddressPrefix: '*'
        destinationPortRange: string(port)
      }
    }]
  }
}
`;
}

function armFile(i: number): string {
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { location: { type: 'string', defaultValue: '[resourceGroup().location]' }, rbac: { type: 'bool', defaultValue: i % 4 !== 0 } },
      variables: { name: `[concat('kv', '${i}')]` },
      resources: [
        {
          type: 'Microsoft.KeyVault/vaults',
          apiVersion: '2023-07-01',
          name: "[variables('name')]",
          location: "[parameters('location')]",
          properties: { tenantId: '[subscription().tenantId]', sku: { family: 'A', name: 'standard' }, enableRbacAuthorization: "[parameters('rbac')]" },
        },
        {
          type: 'Microsoft.Sql/servers',
          apiVersion: '2023-05-01-preview',
          name: `[concat('sql', '${i}')]`,
          location: "[parameters('location')]",
          properties: { publicNetworkAccess: i % 2 ? 'Disabled' : 'Enabled', minimalTlsVersion: '1.2' },
        },
      ],
    },
    null,
    2,
  );
}

function tfFile(i: number): string {
  return `variable "rbac" {
  type    = bool
  default = ${i % 4 !== 0}
}

resource "azurerm_key_vault" "kv${i}" {
  name                      = "kv-${i}"
  location                  = "westeurope"
  resource_group_name       = "rg"
  tenant_id                 = "00000000-0000-0000-0000-000000000000"
  sku_name                  = "standard"
  enable_rbac_authorization = var.rbac
  purge_protection_enabled  = true
}

resource "azurerm_network_security_group" "nsg${i}" {
  name                = "nsg-${i}"
  location            = "westeurope"
  resource_group_name = "rg"

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "${i % 5 === 0 ? '*' : '10.0.0.0/24'}"
    destination_address_prefix = "*"
  }
}
`;
}

/** A corpus of `folders` deployment folders, each with a Bicep, an ARM and a Terraform file. */
function corpus(folders: number): { dir: string; bytes: number; files: number } {
  const dir = mkdtempSync(join(tmpdir(), 'azsec-bench-'));
  let bytes = 0;
  for (let i = 0; i < folders; i++) {
    const d = join(dir, `app${i}`);
    mkdirSync(d, { recursive: true });
    for (const [name, text] of [['main.bicep', bicepFile(i)], ['azuredeploy.json', armFile(i)], ['main.tf', tfFile(i)]]) {
      writeFileSync(join(d, name), text);
      bytes += Buffer.byteLength(text);
    }
  }
  return { dir, bytes, files: folders * 3 };
}

const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;

function runCli(dir: string): { ms: number; rssMb: number; findings: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, CLI, 'scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
  const rss = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  return { ms, rssMb: rss, findings: (JSON.parse(r.stdout) as { findings: unknown[] }).findings.length };
}

async function actionRun(files: number): Promise<{ firstRequestMs: number; totalMs: number; requests: number }> {
  const ws = mkdtempSync(join(tmpdir(), 'azsec-bench-pr-'));
  const prFiles = [];
  for (let i = 0; i < files; i++) {
    const path = `infra/app${i}/main.bicep`;
    mkdirSync(join(ws, `infra/app${i}`), { recursive: true });
    const text = bicepFile(i);
    writeFileSync(join(ws, path), text);
    const lines = text.split('\n');
    prFiles.push({ filename: path, status: 'added', sha: 'f'.repeat(40), additions: lines.length, deletions: 0, changes: lines.length, patch: `@@ -0,0 +1,${lines.length} @@\n` + lines.map((l) => `+${l}`).join('\n') });
  }
  let first = 0;
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    if (!first) first = performance.now();
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET' && url.pathname.endsWith('/files')) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const slice = prFiles.slice((page - 1) * 100, page * 100);
      if (page * 100 < prFiles.length) res.setHeader('link', `<http://${req.headers.host}${url.pathname}?per_page=100&page=${page + 1}>; rel="next"`);
      res.end(JSON.stringify(slice));
    } else if (req.method === 'GET') res.end('[]');
    else {
      req.resume();
      req.on('end', () => {
        res.statusCode = 201;
        res.end('{"id": 1}');
      });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const temp = mkdtempSync(join(tmpdir(), 'azsec-bench-runner-'));
  writeFileSync(join(temp, 'event.json'), JSON.stringify({ pull_request: { number: 1, head: { sha: 'a'.repeat(40) } } }));
  const env = {
    PATH: process.env.PATH ?? '',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(temp, 'event.json'),
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/pull/1/merge',
    GITHUB_API_URL: `http://127.0.0.1:${port}`,
    GITHUB_WORKSPACE: ws,
    GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
    GITHUB_OUTPUT: join(temp, 'out.txt'),
    RUNNER_TEMP: temp,
    INPUT_TOKEN: 't',
    AZURE_SECURITY_AUDIT_SPACE_WRITES: 'false',
  };
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  writeFileSync(env.GITHUB_OUTPUT, '');
  const start = performance.now();
  await new Promise<void>((r) => spawn(process.execPath, [ACTION], { env, stdio: 'ignore' }).on('close', () => r()));
  const totalMs = performance.now() - start;
  server.close();
  return { firstRequestMs: first - start, totalMs, requests };
}

const sizes = [400, 800, 1600];
const rows: Record<string, unknown>[] = [];
console.log('\nWhole CLI over a mixed corpus (Bicep + ARM + Terraform, one folder per app)');
console.log('folders  files    MB      time(ms)  MB/s    files/s  peak RSS(MB)  findings');
for (const n of sizes) {
  const c = corpus(n);
  runCli(c.dir); // warm the file cache
  const r = runCli(c.dir);
  const mb = c.bytes / 1e6;
  rows.push({ folders: n, files: c.files, mb, ms: r.ms, mbPerS: mb / (r.ms / 1000), filesPerS: c.files / (r.ms / 1000), peakRssMb: r.rssMb, findings: r.findings });
  console.log(`${String(n).padEnd(8)} ${String(c.files).padEnd(8)} ${mb.toFixed(2).padEnd(7)} ${r.ms.toFixed(0).padEnd(9)} ${(mb / (r.ms / 1000)).toFixed(2).padEnd(7)} ${(c.files / (r.ms / 1000)).toFixed(0).padEnd(8)} ${r.rssMb.toFixed(0).padEnd(13)} ${r.findings}`);
}

const cold: number[] = [];
let pr300 = { firstRequestMs: 0, totalMs: 0, requests: 0 };
for (let i = 0; i < 11; i++) cold.push((await actionRun(3)).firstRequestMs);
pr300 = await actionRun(300);
cold.sort((a, b) => a - b);
console.log(`\nAction cold start (node dist/index.js to the first API request), median of 11: ${cold[5].toFixed(0)} ms (target < 150 ms)`);
console.log(`A 300-file pull request, end to end against an instant local API: ${pr300.totalMs.toFixed(0)} ms, ${pr300.requests} requests (target < 1000 ms)`);
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/cli.json', JSON.stringify({ cli: rows, coldStartMs: cold[5], coldStartRuns: cold, pr300 }, null, 2));
