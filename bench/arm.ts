/**
 * ARM front-end benchmark: generates thousands of realistic templates in memory and compares our parse +
 * evaluation with the floor of reading (Buffer -> string) plus JSON.parse. Writes bench/out/arm.json.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { armFrontEnd } from '../src/formats/arm/index.js';
import { FRONT_ENDS } from '../src/formats/index.js';
import { builtInRules } from '../src/engine/load-rules.js';
import { RuleIndex } from '../src/engine/evaluate.js';
import { scan } from '../src/pipeline.js';
import type { ParseContext } from '../src/model/resource.js';
import type { Value } from '../src/model/value.js';

const FILES = 3000;

/** Small deterministic PRNG so every run measures the same corpus. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function resourceFor(kind: number, i: number, r: () => number): Record<string, unknown> {
  const loc = "[parameters('location')]";
  switch (kind) {
    case 0:
      return {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-01-01',
        name: `[concat(variables('prefix'), 'st${i}', uniqueString(resourceGroup().id))]`,
        location: loc,
        sku: { name: "[parameters('storageSku')]" },
        kind: 'StorageV2',
        properties: {
          supportsHttpsTrafficOnly: true,
          minimumTlsVersion: "[if(parameters('strict'), 'TLS1_2', 'TLS1_0')]",
          allowBlobPublicAccess: r() < 0.3,
          networkAcls: { defaultAction: r() < 0.5 ? 'Deny' : 'Allow', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] },
          encryption: { keySource: 'Microsoft.Storage', services: { blob: { enabled: true }, file: { enabled: true } } },
        },
        tags: "[variables('tags')]",
      };
    case 1:
      return {
        type: 'Microsoft.KeyVault/vaults',
        apiVersion: '2023-02-01',
        name: `[format('{0}-kv-${i}', parameters('prefix'))]`,
        location: loc,
        properties: {
          tenantId: '[subscription().tenantId]',
          sku: { family: 'A', name: 'standard' },
          enableRbacAuthorization: "[parameters('enableRbac')]",
          enableSoftDelete: true,
          enablePurgeProtection: "[if(equals(parameters('env'), 'prod'), true, json('null'))]",
          accessPolicies: [{ tenantId: '[subscription().tenantId]', objectId: "[parameters('adminObjectId')]", permissions: { keys: ['get', 'list'], secrets: ['get'] } }],
        },
      };
    case 2:
      return {
        type: 'Microsoft.Network/networkSecurityGroups',
        apiVersion: '2023-04-01',
        name: `[concat(parameters('prefix'), '-nsg-${i}')]`,
        location: loc,
        properties: {
          securityRules: [
            { name: 'allow-https', properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '443' } },
            { name: 'allow-ssh', properties: { priority: 110, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: "[parameters('sshSource')]", sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' } },
          ],
        },
        resources: [
          { type: 'securityRules', apiVersion: '2023-04-01', name: 'deny-all', dependsOn: [`[resourceId('Microsoft.Network/networkSecurityGroups', concat(parameters('prefix'), '-nsg-${i}'))]`], properties: { priority: 4096, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*' } },
        ],
      };
    case 3:
      return {
        type: 'Microsoft.Network/publicIPAddresses',
        apiVersion: '2023-04-01',
        name: `[concat('pip-${i}-', copyIndex())]`,
        location: loc,
        copy: { name: `pipLoop${i}`, count: "[parameters('count')]" },
        sku: { name: 'Standard' },
        properties: { publicIPAllocationMethod: 'Static', dnsSettings: { domainNameLabel: `[toLower(concat(parameters('prefix'), 'pip${i}', copyIndex()))]` } },
      };
    case 4:
      return {
        type: 'Microsoft.Web/sites',
        apiVersion: '2022-09-01',
        name: `[format('{0}-app-${i}', parameters('prefix'))]`,
        location: loc,
        condition: "[parameters('deployApp')]",
        identity: { type: 'SystemAssigned' },
        dependsOn: ["[resourceId('Microsoft.Web/serverfarms', variables('planName'))]"],
        properties: {
          serverFarmId: "[resourceId('Microsoft.Web/serverfarms', variables('planName'))]",
          httpsOnly: true,
          siteConfig: { minTlsVersion: '1.2', ftpsState: 'Disabled', appSettings: [{ name: 'KEY_VAULT', value: "[reference(resourceId('Microsoft.KeyVault/vaults', 'kv')).vaultUri]" }] },
        },
      };
    default:
      return {
        type: 'Microsoft.Insights/diagnosticSettings',
        apiVersion: '2021-05-01-preview',
        name: `diag${i}`,
        scope: `[format('Microsoft.KeyVault/vaults/{0}', parameters('prefix'))]`,
        properties: { workspaceId: "[parameters('workspaceId')]", logs: [{ category: 'AuditEvent', enabled: true }], metrics: [{ category: 'AllMetrics', enabled: true }] },
      };
  }
}

function makeTemplate(n: number): string {
  const r = rng(n + 1);
  const resources = Array.from({ length: 8 + Math.floor(r() * 20) }, (_, i) => resourceFor(Math.floor(r() * 6), i, r));
  const t = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    metadata: { description: `Generated workload ${n}` },
    parameters: {
      location: { type: 'string', defaultValue: '[resourceGroup().location]' },
      prefix: { type: 'string', defaultValue: `app${n}` },
      env: { type: 'string', defaultValue: 'dev', allowedValues: ['dev', 'test', 'prod'] },
      enableRbac: { type: 'bool', defaultValue: r() < 0.5 },
      strict: { type: 'bool', defaultValue: true },
      storageSku: { type: 'string', defaultValue: 'Standard_LRS' },
      adminObjectId: { type: 'string' },
      sshSource: { type: 'string', defaultValue: '10.0.0.0/8' },
      count: { type: 'int', defaultValue: 2 },
      deployApp: { type: 'bool', defaultValue: true },
      workspaceId: { type: 'string', defaultValue: '' },
    },
    variables: {
      prefix: "[toLower(parameters('prefix'))]",
      planName: "[concat(variables('prefix'), '-plan')]",
      tags: { environment: "[parameters('env')]", owner: 'platform', costCenter: '1234' },
    },
    resources,
    outputs: { prefix: { type: 'string', value: "[variables('prefix')]" } },
  };
  const text = JSON.stringify(t, null, 2);
  // One file in ten has comments and a trailing comma, as hand-written templates do.
  if (n % 10 === 0) return text.replace('"parameters": {', '// inputs\n  "parameters": { /* all optional */').replace(/"\n(\s*)\}\n\s*\],/, '",\n$1}\n  ],');
  return text;
}

function countValues(v: Value): number {
  if (v.kind === 'object') return v.properties.reduce((n, p) => n + countValues(p.value), 1);
  if (v.kind === 'array') return v.items.reduce((n, item) => n + countValues(item), 1);
  return 1;
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Best of `runs` timings of `fn`. Each run is preceded by a run of the floor (when given), so that on a busy
 * machine the floor and the row meet the same load; the floor keeps its best time over all of them.
 */
function best(runs: number, fn: () => void, floor?: () => void): number {
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    if (floor) floorMs = Math.min(floorMs, timed(floor));
    b = Math.min(b, timed(fn));
  }
  return b;
}

function timed(fn: () => void): number {
  (globalThis as { gc?: () => void }).gc?.();
  return time(fn);
}

let floorMs = Infinity;

const texts = Array.from({ length: FILES }, (_, i) => makeTemplate(i));
if (process.env.DUMP_CORPUS) writeFileSync(process.env.DUMP_CORPUS, JSON.stringify(texts));
const buffers = texts.map((t) => Buffer.from(t, 'utf8'));
const bytes = buffers.reduce((s, b) => s + b.length, 0);
const ctx: ParseContext = { readFile: () => undefined, listFiles: () => [] };
let sink = 0;

const readMs = best(5, () => {
  for (const b of buffers) sink += b.toString('utf8').length;
});
/** The floor: read every file and JSON.parse it. */
const readAndParse = (): void => {
  for (const b of buffers) {
    try {
      sink += (JSON.parse(b.toString('utf8')) as object) ? 1 : 0;
    } catch {
      sink++; // the files with comments: JSON.parse cannot read them, which is why we need more
    }
  }
};
best(5, readAndParse, readAndParse);
let resources = 0;
let diagnostics = 0;
const parseAll = (): void => {
  resources = 0;
  diagnostics = 0;
  for (let i = 0; i < buffers.length; i++) {
    const text = buffers[i].toString('utf8');
    const path = `t/${i}/azuredeploy.json`;
    if (!armFrontEnd.accepts(path, text)) continue;
    const parsed = armFrontEnd.parse({ path, text }, ctx);
    resources += parsed.resources.length;
    diagnostics += parsed.diagnostics.length;
  }
};
const oursMs = best(5, parseAll, readAndParse);
// Bodies are evaluated when first read; this row reads every body in full, as if a rule looked at all of them.
const allBodiesMs = best(3, () => {
  for (let i = 0; i < buffers.length; i++) {
    const parsed = armFrontEnd.parse({ path: `t/${i}/azuredeploy.json`, text: buffers[i].toString('utf8') }, ctx);
    for (const r of parsed.resources) sink += countValues(r.body);
  }
});
// Findings read locations: resolve one location per resource in one file in ten.
const withLocsMs = best(3, () => {
  for (let i = 0; i < buffers.length; i++) {
    const text = buffers[i].toString('utf8');
    const parsed = armFrontEnd.parse({ path: `t/${i}/azuredeploy.json`, text }, ctx);
    if (i % 10 === 0) for (const r of parsed.resources) sink += r.loc.line + (r.body.properties[0]?.keyLoc.column ?? 0);
  }
});

// The whole scan a user waits for: parse, link resources into a deployment and run the real rules, one
// scan per template (as the CLI does per deployment folder). Rules read only a few paths of each body.
const rules = new RuleIndex(builtInRules());
let findings = 0;
const scanOnce = (): void => {
  findings = 0;
  for (let i = 0; i < buffers.length; i++) {
    const file = { path: `t/${i}/azuredeploy.json`, text: buffers[i].toString('utf8') };
    findings += scan({ files: [file], context: ctx, frontEnds: FRONT_ENDS, rules }).findings.length;
  }
};
const wholeScanMs = best(5, scanOnce, readAndParse);
// The same files as one scan (one deployment graph over all templates, as a whole-repository run). Off by
// default: the engine's diagnostic-settings check compares every setting with every resource (see report).
const ONE_SCAN = Number(process.env.ARM_BENCH_ONE_SCAN ?? 0);
const scanAllAtOnce = (): void => {
  const files = buffers.slice(0, ONE_SCAN).map((b, i) => ({ path: `t/${i}/azuredeploy.json`, text: b.toString('utf8') }));
  sink += scan({ files, context: ctx, frontEnds: FRONT_ENDS, rules }).findings.length;
};
const oneScanMs = ONE_SCAN > 0 ? best(1, scanAllAtOnce) : NaN;

// Every row's runs alternate with runs of the floor: its best is the floor for all ratios.
const jsonMs = floorMs;
const mb = bytes / 1e6;
const rows = [
  ['read (Buffer -> string)', readMs],
  ['read + JSON.parse (floor)', jsonMs],
  ['read + ARM parse + evaluate', oursMs],
  ['… + locations read in 10% of files', withLocsMs],
  ['… + every resource body evaluated', allBodiesMs],
  ['whole scan (parse + rules), per file', wholeScanMs],
  ...(ONE_SCAN > 0 ? ([[`one scan of the first ${ONE_SCAN} files`, oneScanMs]] as const) : []),
] as const;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`ARM front end: ${FILES} templates, ${mb.toFixed(1)} MB, ${resources} resources, ${diagnostics} diagnostics, ${findings} findings`);
console.log('step'.padEnd(42) + 'ms'.padStart(10) + 'MB/s'.padStart(10) + 'files/s'.padStart(12));
for (const [name, ms] of rows) {
  console.log(name.padEnd(42) + ms.toFixed(0).padStart(10) + (mb / (ms / 1000)).toFixed(1).padStart(10) + (FILES / (ms / 1000)).toFixed(0).padStart(12));
}
const ratio = oursMs / jsonMs;
console.log(`ratio to the floor: ${ratio.toFixed(2)}x parse only, ${(allBodiesMs / jsonMs).toFixed(2)}x with every body evaluated; peak RSS ${peakRssMb.toFixed(0)} MB`);
console.log(`whole scan ratio to the floor: ${(wholeScanMs / jsonMs).toFixed(2)}x (target <= 2x)`);
mkdirSync('bench/out', { recursive: true });
writeFileSync(
  'bench/out/arm.json',
  JSON.stringify(
    {
      files: FILES,
      megabytes: mb,
      resources,
      diagnostics,
      ms: Object.fromEntries(rows.map(([n, ms]) => [n, ms])),
      mbPerSecond: Object.fromEntries(rows.map(([n, ms]) => [n, mb / (ms / 1000)])),
      filesPerSecond: Object.fromEntries(rows.map(([n, ms]) => [n, FILES / (ms / 1000)])),
      ratioToFloor: ratio,
      ratioToFloorAllBodies: allBodiesMs / jsonMs,
      findings,
      ratioToFloorWholeScan: wholeScanMs / jsonMs,
      peakRssMb,
      sink: sink % 2,
    },
    null,
    2,
  ),
);
