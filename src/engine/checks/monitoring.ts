import type { Deployment, Tri } from '../../model/deployment.js';
import type { Resource } from '../../model/resource.js';
import type { ResourceRef } from '../../model/value.js';
import type { NamedCheck, Outcome, Subject } from '../conditions.js';

/**
 * Named checks for the monitoring rules (guide rule 10, see rules/AZSEC-DIAG-*.yaml).
 *
 * A diagnostic setting reaches its resource in one of three ways, depending on how it was written:
 * - an extension resource with a scope (Bicep `scope: vault`, ARM `"scope"`, Terraform `target_resource_id`);
 * - the legacy ARM child form, type `<parent type>/providers/diagnosticSettings` named
 *   `<resource name>/Microsoft.Insights/<setting>`, declared on its own;
 * - the same legacy form nested in the resource's own `resources` array (type `providers/diagnosticSettings`,
 *   whose parent is the enclosing resource).
 */

const DIAGNOSTIC_SETTINGS = 'microsoft.insights/diagnosticsettings';
const LEGACY_SUFFIX = 'providers/diagnosticsettings';

/** Is this resource a diagnostic setting, in any of its spellings? */
export function isDiagnosticSetting(r: Resource): boolean {
  const t = r.type.toLowerCase();
  return t === DIAGNOSTIC_SETTINGS || t.endsWith(LEGACY_SUFFIX);
}

/** The diagnostic settings that may share a deployment with a resource (through the graph's folder index). */
function diagnosticSettingsNear(deployment: Deployment, target: Resource): Resource[] {
  return deployment.near(target, 'diagnostic-settings', () => deployment.resources.filter(isDiagnosticSetting));
}

function sameType(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function isChildType(child: string, parent: string): boolean {
  return child.toLowerCase().startsWith(parent.toLowerCase() + '/');
}

function lastSegment(s: string): string {
  const i = s.lastIndexOf('/');
  return (i < 0 ? s : s.slice(i + 1)).toLowerCase();
}

/** Same name, compared on the last segment (child names are `parent/child`); unknown when either is unknown. */
function sameName(r: Resource, name: string | undefined): Tri {
  if (name === undefined || r.name.kind !== 'string') return undefined;
  return lastSegment(r.name.value as string) === lastSegment(name);
}

function nameOf(r: Resource): string | undefined {
  return r.name.kind === 'string' ? (r.name.value as string) : undefined;
}

function anyTri(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}

/** How a diagnostic setting is matched against the resource it should cover. */
interface Coverage {
  deployment: Deployment;
  target: Resource;
  /** A setting on a child resource counts too (storage logs live on blobServices, queueServices, ...). */
  children: boolean;
}

/** Is `r` the target, or (when children count) one of its descendants? */
function denotesTarget(cov: Coverage, r: Resource, depth = 0): Tri {
  if (r === cov.target) return true;
  // A resource declared `existing` (or a data source) may be the very resource deployed here under another symbol.
  if (r.existing && sameType(r.type, cov.target.type)) return sameName(r, nameOf(cov.target));
  if (!cov.children || depth > 4 || !isChildType(r.type, cov.target.type)) return false;
  if (r.parent) {
    const parents = cov.deployment.resolve(r.parent, r);
    if (parents.length > 0) return anyTri(parents.map((p) => denotesTarget(cov, p, depth + 1)));
  }
  // A child named `account/default` without a resolvable parent: its first name segment names the parent.
  const name = nameOf(r);
  const targetName = nameOf(cov.target);
  if (name === undefined || targetName === undefined) return undefined;
  return name.split('/')[0].toLowerCase() === lastSegment(targetName);
}

/** Does a reference (a scope or parent) point at the target? */
function refCovers(cov: Coverage, ref: ResourceRef, from: Resource): Tri {
  const found = cov.deployment.resolve(ref, from);
  if (found.length > 0) return anyTri(found.map((r) => denotesTarget(cov, r)));
  // Not in the scan: an id string or a reference whose type may still tell.
  if (ref.symbol !== undefined) return false;
  if (ref.type === undefined) return ref.name === undefined ? undefined : sameName(cov.target, ref.name.split('/')[0]);
  if (sameType(ref.type, cov.target.type)) return sameName(cov.target, ref.name);
  if (cov.children && isChildType(ref.type, cov.target.type)) return ref.name === undefined ? undefined : sameName(cov.target, ref.name.split('/')[0]);
  return false;
}

/** The legacy child form's name (`vault/Microsoft.Insights/setting`): the owner's type and name. */
function legacyOwner(setting: Resource): { type: string; name: string | undefined } | undefined {
  const t = setting.type;
  const at = t.toLowerCase().lastIndexOf('/' + LEGACY_SUFFIX);
  if (at < 0) return undefined;
  const name = nameOf(setting);
  const cut = name?.toLowerCase().lastIndexOf('/microsoft.insights/') ?? -1;
  return { type: t.slice(0, at), name: name === undefined ? undefined : cut >= 0 ? name.slice(0, cut) : name };
}

/** Does this diagnostic setting attach to the target? */
function covers(cov: Coverage, setting: Resource): Tri {
  if (setting.scope) return refCovers(cov, setting.scope, setting);
  const results: Tri[] = [];
  if (setting.type.toLowerCase().endsWith(LEGACY_SUFFIX)) {
    if (setting.parent) results.push(refCovers(cov, setting.parent, setting));
    const owner = legacyOwner(setting);
    if (owner) {
      const typeFits = sameType(owner.type, cov.target.type) || (cov.children && isChildType(owner.type, cov.target.type));
      if (typeFits) {
        const ownerName = sameType(owner.type, cov.target.type) ? owner.name : owner.name?.split('/')[0];
        results.push(owner.name === undefined ? undefined : sameName(cov.target, ownerName));
      }
    }
  } else if (setting.parent) {
    results.push(refCovers(cov, setting.parent, setting));
  } else {
    // No target recorded: a front end could not read it (`scope: vaults[i]`, a computed id), or the setting
    // exports the subscription's activity log. Either way it may be the one that covers the target.
    results.push(undefined);
  }
  return anyTri(results);
}

/** Whether some diagnostic setting of the deployment covers the subject resource. */
const hasDiagnosticSettings: NamedCheck = (subject: Subject, ctx, args): Outcome => {
  const cov: Coverage = { deployment: ctx.deployment, target: subject.resource, children: args.children === true };
  const results: Tri[] = [];
  for (const setting of diagnosticSettingsNear(ctx.deployment, subject.resource)) {
    if (!ctx.deployment.sameDeployment(setting, subject.resource)) continue;
    const t = covers(cov, setting);
    if (t === true) return { result: true, blame: { path: '', missing: false, subject } };
    results.push(t);
  }
  if (results.includes(undefined)) return { result: undefined };
  return { result: false, blame: { path: '', missing: true, subject } };
};

/** The resource types whose diagnostic settings can carry log categories (an account-level storage setting cannot). */
const TYPES_WITH_LOGS = new Set(
  [
    'Microsoft.KeyVault/vaults',
    'Microsoft.KeyVault/managedHSMs',
    'Microsoft.Network/networkSecurityGroups',
    'Microsoft.Sql/servers/databases',
    'Microsoft.Sql/managedInstances',
    'Microsoft.DocumentDB/databaseAccounts',
    'Microsoft.DBforPostgreSQL/flexibleServers',
    'Microsoft.DBforMySQL/flexibleServers',
    'Microsoft.Cache/redis',
    'Microsoft.ServiceBus/namespaces',
    'Microsoft.EventHub/namespaces',
    'Microsoft.AppConfiguration/configurationStores',
    'Microsoft.CognitiveServices/accounts',
    'Microsoft.ContainerRegistry/registries',
    'Microsoft.Storage/storageAccounts/blobServices',
    'Microsoft.Storage/storageAccounts/fileServices',
    'Microsoft.Storage/storageAccounts/queueServices',
    'Microsoft.Storage/storageAccounts/tableServices',
    'Microsoft.Web/sites',
    'Microsoft.ContainerService/managedClusters',
    'Microsoft.ApiManagement/service',
    'Microsoft.Network/applicationGateways',
    'Microsoft.Network/azureFirewalls',
    'Microsoft.Network/publicIPAddresses',
    'Microsoft.Network/frontDoors',
    'Microsoft.Cdn/profiles',
    'Microsoft.Search/searchServices',
    'Microsoft.DataFactory/factories',
    'Microsoft.Synapse/workspaces',
    'Microsoft.OperationalInsights/workspaces',
    'Microsoft.Logic/workflows',
    'Microsoft.SignalRService/signalR',
    'Microsoft.EventGrid/topics',
    'Microsoft.RecoveryServices/vaults',
  ].map((t) => t.toLowerCase()),
);

/** The types a diagnostic setting may target (several when its scope names several candidates). */
function targetTypes(deployment: Deployment, setting: Resource): string[] | undefined {
  const ref = setting.scope ?? (setting.type.toLowerCase() === LEGACY_SUFFIX ? setting.parent : undefined);
  if (ref) {
    const found = deployment.resolve(ref, setting);
    if (found.length > 0) return found.map((r) => r.type);
    return ref.type === undefined ? undefined : [ref.type];
  }
  const owner = legacyOwner(setting);
  return owner ? [owner.type] : undefined;
}

/**
 * True when the setting's target is known to be a type whose diagnostic settings carry logs; false when it is
 * known not to be (or the setting targets the subscription); unknown when the target cannot be told.
 */
const diagnosticTargetHasLogs: NamedCheck = (subject, ctx): Outcome => {
  const types = targetTypes(ctx.deployment, subject.resource);
  if (types === undefined) return { result: subject.resource.scope || subject.resource.format === 'terraform' ? undefined : false };
  const fits = types.map((t) => TYPES_WITH_LOGS.has(t.toLowerCase()));
  if (fits.every((f) => f)) return { result: true, blame: { path: '', missing: false, subject } };
  return { result: fits.some((f) => f) ? undefined : false };
};

/** Named checks for the monitoring rules (see rules/). */
export const monitoringChecks: Record<string, NamedCheck> = {
  'has-diagnostic-settings': hasDiagnosticSettings,
  'diagnostic-target-has-logs': diagnosticTargetHasLogs,
};
