import type { Tri } from '../../model/deployment.js';
import { parseResourceId } from '../../model/deployment.js';
import type { Resource } from '../../model/resource.js';
import { V, type Value } from '../../model/value.js';
import { lookup, NO_SETTINGS, type Blame, type EvalContext, type NamedCheck, type Outcome, type RuleSettings, type Subject } from '../conditions.js';
import { inAllowedRanges, isInternetPrefix, isPublicRange, portRanges } from '../network.js';

/*
 * Named checks for the network rules (guide rules 4-6). Each is pure and returns the value to blame so that
 * a finding lands on the offending line. Unknown values always give an unknown outcome: never a violation.
 */

// ---------------------------------------------------------------------------------------------------------
// Data services: public network access and network ACLs (guide rule 4)
// ---------------------------------------------------------------------------------------------------------

/** How a data service says "no public endpoint", and what Azure does when the template says nothing. */
interface PublicAccessSpec {
  /** Path of the public network access switch. */
  path: string;
  /** When the switch is absent, a property whose presence makes the service private (VNet injection). */
  privateWhen?: string;
  /** Child resources / inline objects that can also turn public access off (Service Bus, Event Hubs). */
  ruleSet?: { inline: string; child: string };
}

const PUBLIC_ACCESS: Record<string, PublicAccessSpec> = {
  'microsoft.storage/storageaccounts': { path: 'properties.publicNetworkAccess' },
  'microsoft.documentdb/databaseaccounts': { path: 'properties.publicNetworkAccess' },
  'microsoft.sql/servers': { path: 'properties.publicNetworkAccess' },
  'microsoft.keyvault/vaults': { path: 'properties.publicNetworkAccess' },
  'microsoft.cognitiveservices/accounts': { path: 'properties.publicNetworkAccess' },
  'microsoft.containerregistry/registries': { path: 'properties.publicNetworkAccess' },
  'microsoft.appconfiguration/configurationstores': { path: 'properties.publicNetworkAccess' },
  'microsoft.cache/redis': { path: 'properties.publicNetworkAccess', privateWhen: 'properties.subnetId' },
  'microsoft.dbforpostgresql/flexibleservers': { path: 'properties.network.publicNetworkAccess', privateWhen: 'properties.network.delegatedSubnetResourceId' },
  'microsoft.dbformysql/flexibleservers': { path: 'properties.network.publicNetworkAccess', privateWhen: 'properties.network.delegatedSubnetResourceId' },
  'microsoft.servicebus/namespaces': {
    path: 'properties.publicNetworkAccess',
    ruleSet: { inline: 'properties.networkRuleSet.publicNetworkAccess', child: 'Microsoft.ServiceBus/namespaces/networkRuleSets' },
  },
  'microsoft.eventhub/namespaces': {
    path: 'properties.publicNetworkAccess',
    ruleSet: { inline: 'properties.networkRuleSet.publicNetworkAccess', child: 'Microsoft.EventHub/namespaces/networkRuleSets' },
  },
};

/** Values of publicNetworkAccess that close the public endpoint (a network security perimeter counts). */
const CLOSED = new Set(['disabled', 'securedbyperimeter']);

const PRIVATE_ENDPOINT_VIAS = [
  'properties.privateLinkServiceConnections[*].properties.privateLinkServiceId',
  'properties.manualPrivateLinkServiceConnections[*].properties.privateLinkServiceId',
];

function blameAt(s: Subject, path: string, expected?: string): Blame {
  const found = lookup(s.value, path);
  const full = s.path === '' ? path : `${s.path}.${path}`;
  if (found.state !== 'value') return { path: full, missing: true, expected, subject: s };
  return { path: full, value: found.value, property: found.property, missing: false, expected, subject: s };
}

function missingBlame(s: Subject, path: string, expected?: string): Blame {
  return { path, missing: true, expected, subject: s };
}

/** Is a known string value one of these (case-insensitive)? Unknown stays unknown. */
function stringIn(v: Value, set: Set<string>): Tri {
  if (v.kind === 'unknown') return undefined;
  return v.kind === 'string' ? set.has((v.value as string).toLowerCase()) : false;
}

function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  return a === undefined || b === undefined ? undefined : false;
}

/** Does some private endpoint of the deployment connect to this resource? */
function hasPrivateEndpoint(r: Resource, ctx: EvalContext): Tri {
  let result: Tri = false;
  for (const via of PRIVATE_ENDPOINT_VIAS) {
    const { matches, uncertain } = ctx.deployment.related(r, ['Microsoft.Network/privateEndpoints'], via);
    result = or(result, matches.length > 0 ? true : uncertain ? undefined : false);
  }
  return result;
}

/** A module path or source that names a private endpoint module (AVM and most hand-written ones do). */
const PRIVATE_ENDPOINT_MODULE = /private[-_.]?endpoint|privatelink|[-_/]pep?[-_/.]/i;

/** Keys that only a private endpoint module takes: the service it connects to. */
const PRIVATE_ENDPOINT_KEYS = new Set(['privatelinkserviceid', 'privatelinkserviceconnections', 'private_connection_resource_id']);

function hasKey(v: Value, keys: Set<string>, depth = 0): boolean {
  if (depth > 32) return false;
  if (v.kind === 'object') return v.properties.some((p) => keys.has(p.key.toLowerCase()) || hasKey(p.value, keys, depth + 1));
  if (v.kind === 'array') return v.items.some((i) => hasKey(i, keys, depth + 1));
  return false;
}

/**
 * Is the resource handed to a private endpoint module whose inside the scan cannot see (a registry module,
 * an ARM template link)? True for a Bicep or ARM module that is given the resource and looks like a private
 * endpoint module; unknown when the deployment calls an external Terraform private endpoint module (its
 * arguments are not recorded, so which service it connects cannot be told).
 */
export function privateEndpointModule(s: Subject, ctx: EvalContext): Outcome {
  const { matches } = ctx.deployment.related(s.resource, ['Microsoft.Resources/deployments'], 'any');
  for (const m of matches) {
    const path = (m.sourceType ?? '').replace(/^module\s+/, '');
    if (PRIVATE_ENDPOINT_MODULE.test(path) || hasKey(m.body, PRIVATE_ENDPOINT_KEYS)) return { result: true, blame: { path: '', missing: false, subject: s } };
  }
  const tfModules = ctx.deployment.near(s.resource, 'type:terraform/modules', () => ctx.deployment.ofType('Terraform/modules'));
  for (const m of tfModules) {
    if (!ctx.deployment.sameDeployment(m, s.resource)) continue;
    const source = lookup(m.body, 'properties.source');
    if (source.state !== 'value' || source.value.kind !== 'string') continue;
    if (PRIVATE_ENDPOINT_MODULE.test(source.value.value as string)) return { result: undefined };
  }
  return { result: false, blame: missingBlame(s, '') };
}

/** Service Bus / Event Hubs: is public access turned off by a network rule set (inline or child)? */
function ruleSetClosesAccess(s: Subject, ctx: EvalContext, rs: { inline: string; child: string }): Tri {
  const inline = lookup(s.value, rs.inline);
  let result: Tri = inline.state === 'unknown' ? undefined : inline.state === 'value' ? stringIn(inline.value, CLOSED) : false;
  const { matches, uncertain } = ctx.deployment.related(s.resource, [rs.child], 'parent');
  for (const m of matches) {
    const v = lookup(m.body, 'properties.publicNetworkAccess');
    result = or(result, v.state === 'unknown' ? undefined : v.state === 'value' ? stringIn(v.value, CLOSED) : false);
  }
  return uncertain ? or(result, undefined) : result;
}

/**
 * Public network access of a data service is closed: true when closed, false (blaming the switch, or the
 * resource when the switch is absent and Azure's default is open) when open.
 */
export function publicAccessClosed(s: Subject, ctx: EvalContext): Outcome {
  const spec = PUBLIC_ACCESS[s.resource.type.toLowerCase()];
  if (!spec) return { result: undefined };
  const found = lookup(s.value, spec.path);
  if (found.state === 'unknown') return { result: undefined };
  if (found.state === 'value') {
    const closed = stringIn(found.value, CLOSED);
    return { result: closed, blame: closed === false ? blameAt(s, spec.path, "'Disabled'") : undefined };
  }
  // Absent: Azure's default applies.
  if (spec.privateWhen) {
    const inject = lookup(s.value, spec.privateWhen);
    if (inject.state !== 'missing' && !(inject.state === 'value' && inject.value.kind === 'null')) return { result: true };
  }
  if (spec.ruleSet) {
    const closed = ruleSetClosesAccess(s, ctx, spec.ruleSet);
    if (closed !== false) return { result: closed };
  }
  if (s.resource.type.toLowerCase() === 'microsoft.appconfiguration/configurationstores') {
    // App Configuration closes its public endpoint by itself once a private endpoint exists.
    const pe = hasPrivateEndpoint(s.resource, ctx);
    if (pe !== false) return { result: pe === true ? true : undefined };
  }
  return { result: false, blame: missingBlame(s, spec.path, "'Disabled'") };
}

/** Is public network access explicitly closed (so that network ACLs no longer matter)? */
function explicitlyClosed(s: Subject): Tri {
  const spec = PUBLIC_ACCESS[s.resource.type.toLowerCase()];
  if (!spec) return false;
  const found = lookup(s.value, spec.path);
  if (found.state === 'unknown') return undefined;
  return found.state === 'value' ? stringIn(found.value, CLOSED) : false;
}

/** Where a service keeps its firewall's default action, and whether absence means "allow all". */
interface AclSpec {
  path: string;
  /** Absent firewall means every network may connect (flag absence). */
  openWhenMissing: boolean;
  /** Separate resources that carry the same setting (Terraform azurerm_storage_account_network_rules). */
  child?: { type: string; path: string };
}

const ACLS: Record<string, AclSpec> = {
  'microsoft.storage/storageaccounts': {
    path: 'properties.networkAcls.defaultAction',
    openWhenMissing: true,
    child: { type: 'Microsoft.Storage/storageAccounts/networkRules', path: 'properties.networkAcls.defaultAction' },
  },
  'microsoft.keyvault/vaults': { path: 'properties.networkAcls.defaultAction', openWhenMissing: true },
  'microsoft.cognitiveservices/accounts': { path: 'properties.networkAcls.defaultAction', openWhenMissing: true },
  'microsoft.containerregistry/registries': { path: 'properties.networkRuleSet.defaultAction', openWhenMissing: false },
  'microsoft.servicebus/namespaces': {
    path: 'properties.networkRuleSet.defaultAction',
    openWhenMissing: false,
    child: { type: 'Microsoft.ServiceBus/namespaces/networkRuleSets', path: 'properties.defaultAction' },
  },
  'microsoft.eventhub/namespaces': {
    path: 'properties.networkRuleSet.defaultAction',
    openWhenMissing: false,
    child: { type: 'Microsoft.EventHub/namespaces/networkRuleSets', path: 'properties.defaultAction' },
  },
};

const DENY = new Set(['deny']);

/** Cosmos DB has no default action: it is open to every network unless an IP or VNet filter is set. */
function cosmosFirewallOpen(s: Subject): Outcome {
  const ip = lookup(s.value, 'properties.ipRules');
  const vnet = lookup(s.value, 'properties.isVirtualNetworkFilterEnabled');
  if (ip.state === 'unknown' || vnet.state === 'unknown') return { result: undefined };
  const hasIpRules = ip.state === 'value' && ((ip.value.kind === 'array' && ip.value.items.length > 0) || (ip.value.kind === 'string' && ip.value.value !== ''));
  const vnetOn = vnet.state === 'value' && vnet.value.kind === 'boolean' && vnet.value.value === true;
  if (hasIpRules || vnetOn) return { result: false };
  return { result: true, blame: vnet.state === 'value' ? blameAt(s, 'properties.isVirtualNetworkFilterEnabled', 'true') : missingBlame(s, 'properties.ipRules') };
}

/** Server-level firewall rules of the database services: start and end address of the allowed range. */
const FIREWALL_RULES: Record<string, { start: string; end: string }> = {
  'microsoft.sql/servers/firewallrules': { start: 'properties.startIpAddress', end: 'properties.endIpAddress' },
  'microsoft.dbforpostgresql/flexibleservers/firewallrules': { start: 'properties.startIpAddress', end: 'properties.endIpAddress' },
  'microsoft.dbformysql/flexibleservers/firewallrules': { start: 'properties.startIpAddress', end: 'properties.endIpAddress' },
  'microsoft.cache/redis/firewallrules': { start: 'properties.startIP', end: 'properties.endIP' },
};

/** The public network access switch of a (parent) data service, or a missing marker. */
function lookupAccess(r: Resource): Value {
  const spec = PUBLIC_ACCESS[r.type.toLowerCase()];
  const found = spec ? lookup(r.body, spec.path) : undefined;
  return found?.state === 'value' ? found.value : V.nul(r.loc);
}

function ipv4Number(v: Value): number | undefined {
  if (v.kind !== 'string') return undefined;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec((v.value as string).trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.some((p) => p > 255) ? undefined : ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3];
}

/**
 * A server firewall rule whose range is the whole IPv4 internet (0.0.0.0 or 0.0.0.1 to 255.255.255.255).
 * The 0.0.0.0-0.0.0.0 rule means "Azure services" and is not this; unknown addresses stay unknown.
 */
function firewallRuleOpen(s: Subject, spec: { start: string; end: string }): Outcome {
  const start = lookup(s.value, spec.start);
  const end = lookup(s.value, spec.end);
  if (start.state === 'unknown' || end.state === 'unknown') return { result: undefined };
  if (start.state !== 'value' || end.state !== 'value') return { result: false };
  const lo = ipv4Number(start.value);
  const hi = ipv4Number(end.value);
  if (lo === undefined || hi === undefined) return { result: false };
  const open = lo <= 1 && hi === 0xffffffff;
  if (!open) return { result: false };
  // Blame the range as a whole: it reads right in the message, and no one-line "Deny" fix is offered for it.
  const text = (x: Value): string => (x.kind === 'string' ? (x.value as string) : '');
  const range = V.str(`${text(start.value)} to ${text(end.value)}`, end.value.loc);
  return { result: true, blame: { path: s.path === '' ? spec.end : `${s.path}.${spec.end}`, value: range, property: end.property, missing: false, subject: s } };
}

/**
 * The service's network firewall lets every network in by default (an explicit Allow, or no firewall where
 * Azure's default is Allow). Silent when public network access is explicitly closed: the firewall is moot.
 */
export function networkAclOpen(s: Subject, ctx: EvalContext): Outcome {
  const type = s.resource.type.toLowerCase();
  const closed = explicitlyClosed(s);
  if (closed !== false) return { result: closed === true ? false : undefined };
  if (type === 'microsoft.documentdb/databaseaccounts') return cosmosFirewallOpen(s);
  const firewallRule = FIREWALL_RULES[type];
  if (firewallRule) {
    // A rule on a server whose public access is closed lets nobody in.
    const servers = s.resource.parent ? ctx.deployment.resolve(s.resource.parent, s.resource) : [];
    if (servers.some((srv) => stringIn(lookupAccess(srv), CLOSED) === true)) return { result: false };
    return firewallRuleOpen(s, firewallRule);
  }
  const spec = ACLS[type];
  if (!spec) {
    // A separate rule-set resource (Service Bus / Event Hubs networkRuleSets, Terraform storage network rules).
    const child = Object.values(ACLS).find((a) => a.child?.type.toLowerCase() === type);
    if (!child?.child) return { result: undefined };
    const v = lookup(s.value, child.child.path);
    if (v.state === 'unknown') return { result: undefined };
    if (v.state === 'missing') return { result: false };
    const deny = stringIn(v.value, DENY);
    return { result: deny === undefined ? undefined : !deny, blame: blameAt(s, child.child.path, "'Deny'") };
  }
  const v = lookup(s.value, spec.path);
  if (v.state === 'unknown') return { result: undefined };
  if (v.state === 'value') {
    const deny = stringIn(v.value, DENY);
    return { result: deny === undefined ? undefined : !deny, blame: blameAt(s, spec.path, "'Deny'") };
  }
  if (!spec.openWhenMissing) return { result: false };
  if (spec.child) {
    // The firewall may be set by a separate resource; that resource is judged on its own.
    const { matches, uncertain } = ctx.deployment.related(s.resource, [spec.child.type], 'parent');
    if (matches.length > 0) return { result: false };
    if (uncertain) return { result: undefined };
  }
  return { result: true, blame: missingBlame(s, spec.path, "'Deny'") };
}

/** Is a privatelink DNS zone declared (or referenced as existing) in the same deployment? */
export function privatelinkZoneInDeployment(s: Subject, ctx: EvalContext): Outcome {
  let unknown = false;
  for (const zone of ctx.deployment.near(s.resource, 'type:microsoft.network/privatednszones', () => ctx.deployment.ofType('Microsoft.Network/privateDnsZones'))) {
    if (!ctx.deployment.sameDeployment(zone, s.resource)) continue;
    if (zone.name.kind !== 'string') {
      unknown = true;
      continue;
    }
    const name = (zone.name.value as string).toLowerCase();
    if (name.startsWith('privatelink.') || name.includes('/privatelink.')) return { result: true, blame: { path: '', missing: false, subject: s } };
  }
  return unknown ? { result: undefined } : { result: false, blame: missingBlame(s, 'properties.privateDnsZoneGroups') };
}

/**
 * Does a DNS zone group of the deployment hang off an `existing` private endpoint whose name cannot be known
 * (a module given the endpoint's name as a parameter)? Then it may be this endpoint's: unknown, else false.
 */
export function zoneGroupOnUnnamedEndpoint(s: Subject, ctx: EvalContext): Outcome {
  const type = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';
  for (const group of ctx.deployment.near(s.resource, `type:${type.toLowerCase()}`, () => ctx.deployment.ofType(type))) {
    if (!group.parent || !ctx.deployment.sameDeployment(group, s.resource)) continue;
    const parents = ctx.deployment.resolve(group.parent, group);
    if (parents.some((p) => p.existing === true && p.name.kind !== 'string' && p.type.toLowerCase() === s.resource.type.toLowerCase())) {
      return { result: undefined };
    }
  }
  return { result: false, blame: missingBlame(s, 'properties.privateDnsZoneGroups') };
}

// ---------------------------------------------------------------------------------------------------------
// NSG rules (guide rule 5)
// ---------------------------------------------------------------------------------------------------------

/** Management and data ports that must never face the internet, with what listens there. */
export const SENSITIVE_PORTS: readonly { port: number; service: string; udp?: boolean }[] = [
  { port: 20, service: 'FTP data' },
  { port: 21, service: 'FTP' },
  { port: 22, service: 'SSH' },
  { port: 23, service: 'Telnet' },
  { port: 135, service: 'RPC' },
  { port: 137, service: 'NetBIOS', udp: true },
  { port: 138, service: 'NetBIOS', udp: true },
  { port: 139, service: 'NetBIOS' },
  { port: 161, service: 'SNMP', udp: true },
  { port: 445, service: 'SMB' },
  { port: 1433, service: 'SQL Server' },
  { port: 1434, service: 'SQL Server browser', udp: true },
  { port: 1521, service: 'Oracle' },
  { port: 2375, service: 'Docker' },
  { port: 2376, service: 'Docker' },
  { port: 3306, service: 'MySQL' },
  { port: 3389, service: 'RDP', udp: true },
  { port: 5432, service: 'PostgreSQL' },
  { port: 5900, service: 'VNC' },
  { port: 5984, service: 'CouchDB' },
  { port: 5985, service: 'WinRM' },
  { port: 5986, service: 'WinRM' },
  { port: 6379, service: 'Redis' },
  { port: 6380, service: 'Redis' },
  { port: 7000, service: 'Cassandra' },
  { port: 7001, service: 'Cassandra' },
  { port: 9042, service: 'Cassandra' },
  { port: 9200, service: 'Elasticsearch' },
  { port: 9300, service: 'Elasticsearch' },
  { port: 10250, service: 'Kubelet' },
  { port: 11211, service: 'Memcached', udp: true },
  { port: 27017, service: 'MongoDB' },
  { port: 27018, service: 'MongoDB' },
  { port: 27019, service: 'MongoDB' },
];

function scalarsOf(v: Value): Value[] {
  return v.kind === 'array' ? v.items : [v];
}

/** Does some source prefix of the rule pass `test`? Looks at sourceAddressPrefix and sourceAddressPrefixes. */
function sourceMatches(props: Value, test: (prefix: string) => Tri): Tri {
  let result: Tri = false;
  for (const path of ['sourceAddressPrefix', 'sourceAddressPrefixes']) {
    const found = lookup(props, path);
    if (found.state === 'unknown') result = or(result, undefined);
    if (found.state !== 'value') continue;
    for (const x of scalarsOf(found.value)) {
      if (x.kind === 'unknown') result = or(result, undefined);
      else if (x.kind === 'string') result = or(result, test(x.value as string));
    }
  }
  return result;
}

/** Which sources a check looks for: the whole internet, or public ranges the team has not allowed. */
export type ExposureSource = 'internet' | 'public-range';

/**
 * A prefix of length zero ('10.0.0.0/0', '1.2.3.4/0', a bare '/0', '::/0') spans every address whatever
 * network part is written before it, so it is the whole internet just like 0.0.0.0/0.
 */
function spansEveryAddress(prefix: string): boolean {
  return isInternetPrefix(prefix) || /^\s*(?:[0-9.]*|[0-9a-f:]*)\/0+\s*$/i.test(prefix);
}

function sourceTest(from: ExposureSource, settings: RuleSettings): (prefix: string) => Tri {
  if (from === 'internet') return spansEveryAddress;
  return (p) => {
    const pub = isPublicRange(p);
    return pub === true ? !inAllowedRanges(p, settings.managementSourceRanges) : pub;
  };
}

/** What one destination port spec exposes: 'all ports', or the sensitive services it covers. */
function exposure(spec: string | number, protocol: string): string[] | undefined {
  const ranges = portRanges(spec);
  if (!ranges) return undefined;
  if (ranges.some(([lo, hi]) => lo <= 1 && hi >= 65535)) return ['all ports'];
  const udpOnly = protocol === 'udp';
  const hits = SENSITIVE_PORTS.filter((p) => (!udpOnly || p.udp) && ranges.some(([lo, hi]) => lo <= p.port && p.port <= hi));
  return hits.map((p) => `${p.service} (${p.port})`);
}

/** Compare a known string property case-insensitively; unknown stays unknown, absent is false. */
function propEquals(props: Value, path: string, wanted: string): Tri {
  const found = lookup(props, path);
  if (found.state === 'unknown') return undefined;
  if (found.state === 'missing' || found.value.kind !== 'string') return false;
  return (found.value.value as string).toLowerCase() === wanted;
}

/**
 * An inbound Allow security rule (inline item or separate resource; the subject has `properties`) that lets
 * the internet reach every port or a management / database port. True is a violation; the blame is the
 * offending destination port value (the item of destinationPortRanges when a list).
 */
export function nsgRuleExposed(s: Subject, settings: RuleSettings = NO_SETTINGS, from: ExposureSource = 'internet'): Outcome {
  const propsAt = lookup(s.value, 'properties');
  if (propsAt.state !== 'value') return { result: propsAt.state === 'unknown' ? undefined : false };
  const props = propsAt.value;
  const gates: Tri[] = [propEquals(props, 'access', 'allow'), propEquals(props, 'direction', 'inbound')];
  if (gates.includes(false)) return { result: false };
  const protocolAt = lookup(props, 'protocol');
  if (protocolAt.state === 'unknown') return { result: undefined };
  const protocol = protocolAt.state === 'value' && protocolAt.value.kind === 'string' ? (protocolAt.value.value as string).toLowerCase() : '*';
  // ICMP, ESP and AH carry no ports: a port range on such a rule exposes no service.
  if (protocol === 'icmp' || protocol === 'esp' || protocol === 'ah') return { result: false };
  const internet = sourceMatches(props, sourceTest(from, settings));
  if (internet === false) return { result: false };
  const gateUnknown = internet === undefined || gates.includes(undefined);
  let portUnknown = false;
  const exposed: string[] = [];
  let first: Blame | undefined;
  for (const path of ['destinationPortRange', 'destinationPortRanges']) {
    const found = lookup(props, path);
    if (found.state === 'unknown') portUnknown = true;
    if (found.state !== 'value') continue;
    for (const item of scalarsOf(found.value)) {
      if (item.kind === 'unknown') {
        portUnknown = true;
        continue;
      }
      if (item.kind !== 'string' && item.kind !== 'number') continue;
      const hits = exposure(item.value as string | number, protocol);
      if (hits === undefined) portUnknown = true;
      else if (hits.length > 0) {
        exposed.push(...hits);
        first ??= {
          path: `${s.path === '' ? '' : `${s.path}.`}properties.${path}`,
          value: item,
          property: item === found.value ? found.property : undefined,
          missing: false,
          subject: s,
        };
      }
    }
  }
  // One exposed port decides, whatever else is unknown, once the rule is known to be inbound, allowed and open.
  if (first && !gateUnknown) return { result: true, blame: { ...first, expected: [...new Set(exposed)].join(', ') } };
  return { result: gateUnknown || portUnknown ? undefined : false };
}

// ---------------------------------------------------------------------------------------------------------
// Flow logs (guide rule 6)
// ---------------------------------------------------------------------------------------------------------

/** Targets of a virtual network flow log (the successor of NSG flow logs). */
const VNET_FLOW_TARGETS = new Set(['microsoft.network/virtualnetworks', 'microsoft.network/virtualnetworks/subnets', 'microsoft.network/networkinterfaces']);

function targetIsVnet(target: Value, log: Resource, ctx: EvalContext): Tri {
  if (target.kind === 'string') {
    const parsed = parseResourceId(target.value as string);
    return parsed ? VNET_FLOW_TARGETS.has(parsed.type.toLowerCase()) : false;
  }
  if (target.kind !== 'unknown') return false;
  if (!target.ref) return undefined;
  const found = ctx.deployment.resolve(target.ref, log);
  if (found.length > 0) return found.some((r) => VNET_FLOW_TARGETS.has(r.type.toLowerCase()));
  return target.ref.type !== undefined ? VNET_FLOW_TARGETS.has(target.ref.type.toLowerCase()) : undefined;
}

/** Does the deployment hold a virtual network flow log (target: a VNet, subnet or NIC)? */
export function vnetFlowLogInDeployment(s: Subject, ctx: EvalContext): Outcome {
  let result: Tri = false;
  for (const log of ctx.deployment.near(s.resource, 'type:microsoft.network/networkwatchers/flowlogs', () => ctx.deployment.ofType('Microsoft.Network/networkWatchers/flowLogs'))) {
    if (!ctx.deployment.sameDeployment(log, s.resource)) continue;
    const target = lookup(log.body, 'properties.targetResourceId');
    if (target.state === 'missing') continue;
    result = or(result, targetIsVnet(target.value, log, ctx));
    if (result === true) return { result: true, blame: { path: '', missing: false, subject: s } };
  }
  return result === undefined ? { result: undefined } : { result: false, blame: missingBlame(s, '') };
}

/** Named checks for the network rules (see rules/AZSEC-NET-*, AZSEC-NSG-*, AZSEC-FLOW-*). */
export const networkChecks: Record<string, NamedCheck> = {
  'public-network-access-closed': (s, ctx) => publicAccessClosed(s, ctx),
  'network-acl-open': (s, ctx) => networkAclOpen(s, ctx),
  'privatelink-zone-in-deployment': (s, ctx) => privatelinkZoneInDeployment(s, ctx),
  'private-endpoint-module': (s, ctx) => privateEndpointModule(s, ctx),
  'zone-group-on-unnamed-endpoint': (s, ctx) => zoneGroupOnUnnamedEndpoint(s, ctx),
  'nsg-rule-exposed': (s, ctx, args) => nsgRuleExposed(s, ctx.settings, args.from === 'public-range' ? 'public-range' : 'internet'),
  'vnet-flow-log-in-deployment': (s, ctx) => vnetFlowLogInDeployment(s, ctx),
};
