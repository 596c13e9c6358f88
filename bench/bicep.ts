// Bicep front-end benchmark: generates a large, realistic corpus in memory, then measures parse and
// parse+evaluate throughput and peak memory. Run with `node scripts/bench.mjs bicep`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseBicep } from '../src/formats/bicep/parser.js';
import { bicepFrontEnd } from '../src/formats/bicep/index.js';
import type { ParseContext } from '../src/model/resource.js';

const FILES = Number(process.env.BICEP_BENCH_FILES ?? 3000);

function moduleText(i: number): string {
  return `// storage module ${i}
@description('Account name')
@minLength(3)
param name string
param location string = 'westeurope'
@allowed(['Standard_LRS', 'Standard_GRS'])
param sku string = 'Standard_LRS'
resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: name
  location: location
  sku: { name: sku }
  kind: 'StorageV2'
  properties: { minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false }
}
output id string = sa.id
`;
}

function templateText(i: number): string {
  const rules: string[] = [];
  for (let r = 0; r < 12; r++) {
    rules.push(`      {
        name: 'rule-${r}-\${prefix}'
        properties: {
          priority: ${100 + r}
          access: ${r % 3 === 0 ? "'Deny'" : "'Allow'"}
          direction: 'Inbound'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.${r}.0.0/16' /* inline comment */
          destinationPortRange: '${1000 + r}'
        }
      }`);
  }
  return `// Generated template ${i}
targetScope = 'resourceGroup'

@description('Prefix for all names')
@maxLength(10)
param prefix string = 'app${i}'
@secure()
param adminPassword string
param location string = resourceGroup().location
param enableRbac bool = ${i % 2 === 0}
param subnets array = [
  'front'
  'back'
  'data'
]

var tags = {
  env: 'test'
  app: prefix
  index: '${i}'
}
var kvName = toLower('kv-\${prefix}-\${uniqueString(resourceGroup().id)}')
var settings = union(tags, { owner: 'team-${i % 7}' })

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: kvName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: enableRbac
    enablePurgeProtection: true
    networkAcls: {
      defaultAction: enableRbac ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
      ipRules: [for ip in ['1.1.1.1', '2.2.2.2']: { value: ip }]
    }
  }
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'nsg-\${prefix}'
  location: location
  properties: {
    securityRules: [
${rules.join('\n')}
    ]
  }
  resource extra 'securityRules' = {
    name: 'extra'
    properties: { priority: 4000, access: 'Deny' }
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = if (length(subnets) > 0) {
  name: 'vnet-\${prefix}'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [for (s, idx) in subnets: {
      name: s
      properties: {
        addressPrefix: '10.0.\${idx}.0/24'
        networkSecurityGroup: { id: nsg.id }
      }
    }]
  }
}

resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: '\${kv.name}-diag'
  scope: kv
  properties: {
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: settings.env == 'test' }]
  }
}

module st './mod${i % 50}.bicep' = [for n in range(0, 2): {
  name: 'st-\${n}'
  params: { name: 'st\${prefix}\${n}', sku: 'Standard_GRS' }
}]

output kvUri string = kv.properties.vaultUri
output password string = adminPassword
`;
}

function main(): void {
  const files: Record<string, string> = {};
  for (let i = 0; i < 50; i++) files[`mods/mod${i}.bicep`] = moduleText(i);
  const templates: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const p = `mods/main${i}.bicep`;
    files[p] = templateText(i);
    templates.push(p);
  }
  const totalBytes = templates.reduce((n, p) => n + Buffer.byteLength(files[p]), 0);
  const ctx: ParseContext = {
    readFile: (p) => files[p],
    // The listing is what the pipeline would pass: the module files (no parameter files here).
    listFiles: () => [],
  };
  let peakRss = process.memoryUsage().rss;
  const sample = (): void => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  global.gc?.();

  const rows: { phase: string; seconds: number; mbPerSec: number; filesPerSec: number }[] = [];
  const measure = (phase: string, f: (p: string) => number): number => {
    const t0 = process.hrtime.bigint();
    let count = 0;
    for (let k = 0; k < templates.length; k++) {
      count += f(templates[k]);
      if (k % 200 === 0) sample();
    }
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    rows.push({ phase, seconds: +s.toFixed(3), mbPerSec: +(totalBytes / 1e6 / s).toFixed(1), filesPerSec: Math.round(templates.length / s) });
    sample();
    return count;
  };
  // Warm-up so that the JIT has compiled the hot paths.
  for (let k = 0; k < 100; k++) bicepFrontEnd.parse({ path: templates[k], text: files[templates[k]] }, ctx);

  const diagnostics = measure('parse', (p) => parseBicep(files[p], p).diagnostics.length);
  global.gc?.();
  const resources = measure('parse+evaluate', (p) => bicepFrontEnd.parse({ path: p, text: files[p] }, ctx).resources.length);

  console.log(`Bicep front end: ${templates.length} files, ${(totalBytes / 1e6).toFixed(1)} MB, ${resources} resources, ${diagnostics} diagnostics`);
  console.log('phase            seconds    MB/s   files/s');
  for (const r of rows) {
    console.log(`${r.phase.padEnd(16)} ${String(r.seconds).padStart(7)} ${String(r.mbPerSec).padStart(7)} ${String(r.filesPerSec).padStart(9)}`);
  }
  console.log(`peak RSS: ${(peakRss / 1e6).toFixed(0)} MB`);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync(
    'bench/out/bicep.json',
    JSON.stringify({ files: templates.length, bytes: totalBytes, resources, diagnostics, rows, peakRssBytes: peakRss }, null, 2),
  );
  if (diagnostics > 0) process.exitCode = 1;
}

main();
