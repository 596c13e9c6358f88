/** Unit tests of the network named checks (src/engine/checks/network.ts) on hand-built resources. */
// conditions.js first: it loads the named checks, which in turn use its look-up helpers.
import '../../src/engine/conditions.js';
import { networkAclOpen, nsgRuleExposed, publicAccessClosed, vnetFlowLogInDeployment } from '../../src/engine/checks/network.js';
import type { Subject } from '../../src/engine/conditions.js';
import { Deployment } from '../../src/model/deployment.js';
import { NO_SETTINGS } from '../../src/engine/conditions.js';
import type { Location } from '../../src/model/location.js';
import type { Resource } from '../../src/model/resource.js';
import { V, type ObjectValue, type Value } from '../../src/model/value.js';

const at = (line: number): Location => ({ file: 'main.bicep', line, column: 1, endLine: line, endColumn: 10 });

/** Plain JavaScript to a Value, one line per property so that blame lines can be asserted. */
let line = 1;
function val(x: unknown): Value {
  const loc = at(line++);
  if (x === undefined) return V.unknown('param without default', loc);
  if (typeof x === 'string') return V.str(x, loc);
  if (typeof x === 'number') return V.num(x, loc);
  if (typeof x === 'boolean') return V.bool(x, loc);
  if (Array.isArray(x)) return V.arr(x.map(val), loc);
  const obj = x as Record<string, unknown>;
  return V.obj(Object.keys(obj).map((key) => ({ key, keyLoc: at(line), value: val(obj[key]) })), loc);
}

function resource(type: string, body: Record<string, unknown>, symbol = 'r'): Resource {
  line = 1;
  const b = val(body) as ObjectValue;
  return { key: `main.bicep#${symbol}`, type, symbol, name: V.str(String(body.name), at(1)), body: b, loc: at(1), format: 'bicep', file: 'main.bicep' };
}

const subject = (r: Resource, value: Value = r.body, path = ''): Subject => ({ resource: r, value, path });
const ctx = (...rs: Resource[]) => ({ deployment: new Deployment(rs), settings: NO_SETTINGS });

function rule(props: Record<string, unknown>): Subject {
  const r = resource('Microsoft.Network/networkSecurityGroups/securityRules', { name: 'nsg/r', properties: props });
  return subject(r);
}

const inboundAllow = { direction: 'Inbound', access: 'Allow', protocol: 'Tcp' };

describe('nsgRuleExposed', () => {
  test('SSH from the internet is exposed and blamed on the port', () => {
    const o = nsgRuleExposed(rule({ ...inboundAllow, sourceAddressPrefix: 'Internet', destinationPortRange: '22' }));
    expect(o.result).toBe(true);
    expect(o.blame?.expected).toBe('SSH (22)');
    expect(o.blame?.path).toBe('properties.destinationPortRange');
  });

  test('a range and a list item name every sensitive port they cover', () => {
    expect(nsgRuleExposed(rule({ ...inboundAllow, sourceAddressPrefix: '*', destinationPortRange: '3300-3400' })).blame?.expected).toBe('MySQL (3306), RDP (3389)');
    const o = nsgRuleExposed(rule({ ...inboundAllow, sourceAddressPrefixes: ['10.0.0.0/8', '0.0.0.0/0'], destinationPortRanges: ['443', '5432'] }));
    expect(o.blame?.expected).toBe('PostgreSQL (5432)');
    expect(o.blame?.value).toMatchObject({ kind: 'string', value: '5432' });
  });

  test('every port is "all ports"', () => {
    expect(nsgRuleExposed(rule({ ...inboundAllow, protocol: '*', sourceAddressPrefix: 'any', destinationPortRange: '*' })).blame?.expected).toBe('all ports');
  });

  test('deny, outbound, ICMP, HTTPS and a private source are not exposed; case does not matter', () => {
    expect(nsgRuleExposed(rule({ ...inboundAllow, access: 'Deny', sourceAddressPrefix: '*', destinationPortRange: '22' })).result).toBe(false);
    expect(nsgRuleExposed(rule({ ...inboundAllow, direction: 'Outbound', sourceAddressPrefix: '*', destinationPortRange: '22' })).result).toBe(false);
    expect(nsgRuleExposed(rule({ ...inboundAllow, protocol: 'Icmp', sourceAddressPrefix: '*', destinationPortRange: '*' })).result).toBe(false);
    expect(nsgRuleExposed(rule({ ...inboundAllow, sourceAddressPrefix: 'Internet', destinationPortRange: '443' })).result).toBe(false);
    expect(nsgRuleExposed(rule({ ...inboundAllow, sourceAddressPrefix: '10.1.0.0/24', destinationPortRange: '22' })).result).toBe(false);
    expect(nsgRuleExposed(rule({ direction: 'INBOUND', access: 'allow', protocol: 'TCP', sourceAddressPrefix: 'INTERNET', destinationPortRange: '22' })).result).toBe(true);
  });

  test('UDP only exposes ports that listen on UDP', () => {
    expect(nsgRuleExposed(rule({ ...inboundAllow, protocol: 'Udp', sourceAddressPrefix: '*', destinationPortRange: '22' })).result).toBe(false);
    expect(nsgRuleExposed(rule({ ...inboundAllow, protocol: 'Udp', sourceAddressPrefix: '*', destinationPortRange: '3389' })).blame?.expected).toBe('RDP (3389)');
  });

  test('an unknown source, access or port is never a violation', () => {
    expect(nsgRuleExposed(rule({ ...inboundAllow, sourceAddressPrefix: undefined, destinationPortRange: '22' })).result).toBeUndefined();
    expect(nsgRuleExposed(rule({ ...inboundAllow, access: undefined, sourceAddressPrefix: '*', destinationPortRange: '22' })).result).toBeUndefined();
    expect(nsgRuleExposed(rule({ ...inboundAllow, sourceAddressPrefix: '*', destinationPortRange: undefined })).result).toBeUndefined();
  });
});

describe('publicAccessClosed', () => {
  test('Enabled is open and blamed on the switch; Disabled and SecuredByPerimeter are closed', () => {
    const open = resource('Microsoft.Storage/storageAccounts', { name: 'st', properties: { publicNetworkAccess: 'Enabled' } });
    const o = publicAccessClosed(subject(open), ctx(open));
    expect(o.result).toBe(false);
    expect(o.blame).toMatchObject({ path: 'properties.publicNetworkAccess', missing: false });
    const closed = resource('Microsoft.Sql/servers', { name: 'sql', properties: { publicNetworkAccess: 'SecuredByPerimeter' } });
    expect(publicAccessClosed(subject(closed), ctx(closed)).result).toBe(true);
  });

  test('absent: open by default, except a flexible server in a delegated subnet', () => {
    const kv = resource('Microsoft.KeyVault/vaults', { name: 'kv', properties: {} });
    expect(publicAccessClosed(subject(kv), ctx(kv))).toMatchObject({ result: false, blame: { missing: true } });
    const pg = resource('Microsoft.DBforPostgreSQL/flexibleServers', { name: 'pg', properties: { network: { delegatedSubnetResourceId: '/x' } } });
    expect(publicAccessClosed(subject(pg), ctx(pg)).result).toBe(true);
  });

  test('an unknown switch is unknown', () => {
    const st = resource('Microsoft.Storage/storageAccounts', { name: 'st', properties: { publicNetworkAccess: undefined } });
    expect(publicAccessClosed(subject(st), ctx(st)).result).toBeUndefined();
  });
});

describe('networkAclOpen', () => {
  test('explicit Allow is open, Deny is not, and a closed public endpoint makes the firewall moot', () => {
    const allow = resource('Microsoft.Storage/storageAccounts', { name: 'st', properties: { networkAcls: { defaultAction: 'Allow' } } });
    expect(networkAclOpen(subject(allow), ctx(allow))).toMatchObject({ result: true, blame: { path: 'properties.networkAcls.defaultAction' } });
    const deny = resource('Microsoft.KeyVault/vaults', { name: 'kv', properties: { networkAcls: { defaultAction: 'Deny' } } });
    expect(networkAclOpen(subject(deny), ctx(deny)).result).toBe(false);
    const moot = resource('Microsoft.Storage/storageAccounts', { name: 'st2', properties: { publicNetworkAccess: 'Disabled', networkAcls: { defaultAction: 'Allow' } } });
    expect(networkAclOpen(subject(moot), ctx(moot)).result).toBe(false);
  });

  test('Cosmos DB without IP rules or VNet filter is open', () => {
    const cosmos = resource('Microsoft.DocumentDB/databaseAccounts', { name: 'c', properties: { isVirtualNetworkFilterEnabled: false } });
    expect(networkAclOpen(subject(cosmos), ctx(cosmos))).toMatchObject({ result: true, blame: { path: 'properties.isVirtualNetworkFilterEnabled' } });
  });
});

describe('vnetFlowLogInDeployment', () => {
  test('a flow log on a virtual network counts; one on an NSG does not; an unknown target is unknown', () => {
    const nsg = resource('Microsoft.Network/networkSecurityGroups', { name: 'nsg' }, 'nsg');
    const vnetLog = resource('Microsoft.Network/networkWatchers/flowLogs', { name: 'nw/fl', properties: { targetResourceId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v' } }, 'fl');
    const nsgLog = resource('Microsoft.Network/networkWatchers/flowLogs', { name: 'nw/fl2', properties: { targetResourceId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/networkSecurityGroups/nsg' } }, 'fl2');
    const unknownLog = resource('Microsoft.Network/networkWatchers/flowLogs', { name: 'nw/fl3', properties: { targetResourceId: undefined } }, 'fl3');
    expect(vnetFlowLogInDeployment(subject(nsg), ctx(nsg, vnetLog)).result).toBe(true);
    expect(vnetFlowLogInDeployment(subject(nsg), ctx(nsg, nsgLog)).result).toBe(false);
    expect(vnetFlowLogInDeployment(subject(nsg), ctx(nsg, unknownLog)).result).toBeUndefined();
  });
});
