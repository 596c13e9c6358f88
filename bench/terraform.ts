// Terraform front-end benchmark: generates a realistic workspace of .tf files in memory, then measures
// HCL parsing alone and parsing plus evaluation and ARM mapping. Run with `node scripts/bench.mjs terraform`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl, terraformFrontEnd } from '../src/formats/terraform/index.js';
import type { ParseContext } from '../src/model/resource.js';

const FOLDERS = 1000;
const FILES_PER_FOLDER = 8;

function keyVault(i: number): string {
  return `resource "azurerm_key_vault" "kv${i}" {
  name                          = "kv-\${var.env}-${i}"
  location                      = var.location
  resource_group_name           = azurerm_resource_group.rg.name
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku_name                      = "standard"
  enable_rbac_authorization     = var.enable_rbac
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  public_network_access_enabled = local.public_access
  access_policy {
    tenant_id          = data.azurerm_client_config.current.tenant_id
    object_id          = "00000000-0000-0000-0000-00000000${String(i % 10000).padStart(4, '0')}"
    secret_permissions = ["Get", "List"]
    key_permissions    = ["Get", "WrapKey", "UnwrapKey"]
  }
  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
    ip_rules       = ["10.0.${i % 255}.0/24"]
  }
  tags = merge(local.tags, { component = "vault-${i}" })
}
`;
}

function storage(i: number): string {
  return `resource "azurerm_storage_account" "st${i}" {
  name                            = lower(format("st%s%04d", var.env, ${i}))
  location                        = var.location
  resource_group_name             = azurerm_resource_group.rg.name
  account_tier                    = "Standard"
  account_replication_type        = var.env == "prod" ? "GRS" : "LRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false
  network_rules {
    default_action             = "Deny"
    virtual_network_subnet_ids = [azurerm_subnet.app.id]
  }
}

resource "azurerm_private_endpoint" "st${i}" {
  name      = "pe-st-${i}"
  subnet_id = azurerm_subnet.pe.id
  private_service_connection {
    name                           = "st-${i}"
    private_connection_resource_id = azurerm_storage_account.st${i}.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
}
`;
}

function nsg(i: number): string {
  const rules = Array.from(
    { length: 6 },
    (_, k) => `  security_rule {
    name                       = "rule-${k}"
    priority                   = ${100 + k * 10}
    direction                  = "Inbound"
    access                     = "${k % 2 ? 'Allow' : 'Deny'}"
    protocol                   = "Tcp"
    source_address_prefix      = "10.${k}.0.0/16"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_range     = "${443 + k}"
  }
`,
  ).join('');
  return `resource "azurerm_network_security_group" "nsg${i}" {
  name                = "nsg-${i}"
  location            = var.location
  resource_group_name = azurerm_resource_group.rg.name
${rules}  dynamic "security_rule" {
    for_each = local.extra_rules
    content {
      name                   = security_rule.value.name
      priority               = security_rule.value.priority
      direction              = "Inbound"
      access                 = "Allow"
      protocol               = "Tcp"
      destination_port_range = security_rule.value.port
    }
  }
}

resource "azurerm_monitor_diagnostic_setting" "nsg${i}" {
  name                       = "diag-${i}"
  target_resource_id         = azurerm_network_security_group.nsg${i}.id
  log_analytics_workspace_id = var.workspace_id
  enabled_log {
    category_group = "allLogs"
  }
}
`;
}

function policy(i: number): string {
  return `resource "azurerm_policy_definition" "p${i}" {
  name         = "deny-public-${i}"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "Deny public network access (${i})"
  policy_rule  = <<POLICY
{
  "if": {
    "allOf": [
      { "field": "type", "equals": "Microsoft.DocumentDB/databaseAccounts" },
      { "field": "Microsoft.DocumentDB/databaseAccounts/publicNetworkAccess", "notEquals": "Disabled" }
    ]
  },
  "then": { "effect": "Deny" }
}
POLICY
}
`;
}

const VARIABLES = `variable "env" {
  type    = string
  default = "prod"
}
variable "location" {
  default = "westeurope"
}
variable "enable_rbac" {
  type    = bool
  default = true
}
variable "workspace_id" {}

locals {
  public_access = var.env != "prod"
  tags          = { env = var.env, owner = "platform", cost_center = "1234" }
  extra_rules = [
    { name = "https", priority = 300, port = "443" },
    { name = "app", priority = 310, port = "8443" },
  ]
}
`;

/** A workspace of FOLDERS root modules, each with a variables file and resource files. */
function generate(): Map<string, string> {
  const files = new Map<string, string>();
  let n = 0;
  for (let f = 0; f < FOLDERS; f++) {
    const dir = `stacks/s${f}`;
    files.set(`${dir}/variables.tf`, VARIABLES);
    files.set(`${dir}/terraform.tfvars`, `env = "${f % 3 ? 'prod' : 'dev'}"\nworkspace_id = "/subscriptions/x/workspaces/la"\n`);
    for (let k = 1; k < FILES_PER_FOLDER; k++) {
      const i = n++;
      const body = [keyVault(i), storage(i), nsg(i), policy(i)].join('\n');
      files.set(`${dir}/main${k}.tf`, `# generated stack ${f} file ${k}\n${body}`);
    }
  }
  return files;
}

function context(files: Map<string, string>): ParseContext {
  const byDir = new Map<string, string[]>();
  for (const p of files.keys()) {
    const d = p.slice(0, Math.max(0, p.lastIndexOf('/')));
    const list = byDir.get(d) ?? [];
    list.push(p);
    byDir.set(d, list);
  }
  return { readFile: (p) => files.get(p), listFiles: (d) => byDir.get(d) ?? [] };
}

interface Row {
  phase: string;
  seconds: number;
  mbPerSecond: number;
  filesPerSecond: number;
  resources?: number;
  diagnostics: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function measure(phase: string, tfFiles: [string, string][], bytes: number, fn: (path: string, text: string) => { r: number; d: number }): Row {
  gc?.();
  let resources = 0;
  let diagnostics = 0;
  const t0 = process.hrtime.bigint();
  let count = 0;
  for (const [path, text] of tfFiles) {
    const { r, d } = fn(path, text);
    resources += r;
    diagnostics += d;
    if (++count % 200 === 0) sample();
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  sample();
  return { phase, seconds, mbPerSecond: bytes / 1024 / 1024 / seconds, filesPerSecond: tfFiles.length / seconds, resources, diagnostics };
}

const files = generate();
const ctx = context(files);
const tfFiles = [...files].filter(([p]) => p.endsWith('.tf'));
const bytes = tfFiles.reduce((s, [, t]) => s + Buffer.byteLength(t), 0);
sample();

const rows: Row[] = [
  measure('parse (HCL only)', tfFiles, bytes, (p, t) => ({ r: 0, d: parseHcl(t, p).diagnostics.length })),
  measure('parse + evaluate + map', tfFiles, bytes, (p, t) => {
    const out = terraformFrontEnd.parse({ path: p, text: t }, ctx);
    return { r: out.resources.length, d: out.diagnostics.length };
  }),
];
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

console.log(`\nTerraform front end: ${tfFiles.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${FOLDERS} folders`);
console.log('phase                     seconds    MB/s   files/s  resources  diagnostics');
for (const r of rows) {
  console.log(
    `${r.phase.padEnd(24)} ${r.seconds.toFixed(2).padStart(8)} ${r.mbPerSecond.toFixed(1).padStart(7)} ${r.filesPerSecond.toFixed(0).padStart(9)} ${String(r.resources ?? '').padStart(10)} ${String(r.diagnostics).padStart(12)}`,
  );
}
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB\n`);

const outDir = join('bench', 'out');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'terraform.json'),
  JSON.stringify({ files: tfFiles.length, megabytes: bytes / 1024 / 1024, folders: FOLDERS, rows, peakRssMegabytes: peakRss / 1024 / 1024 }, null, 2) + '\n',
);
