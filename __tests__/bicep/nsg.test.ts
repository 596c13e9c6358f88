import { getPath } from '../../src/model/value.js';
import { byKey, run, span } from './helpers.js';
import { NSG_MAIN } from './fixtures/nsg.js';

describe('NSG stack with nested child rules and loops', () => {
  const parsed = run({ 'net/nsg.bicep': NSG_MAIN }, 'net/nsg.bicep');

  test('no diagnostics; keys for nested, looped and expanded resources', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources.map((r) => r.key)).toEqual([
      'net/nsg.bicep#nsg',
      'net/nsg.bicep#nsg::allowHttps',
      'net/nsg.bicep#extra',
      'net/nsg.bicep#perPort[0]',
      'net/nsg.bicep#perPort[1]',
    ]);
  });

  test('a nested child gets the composed type, the parent api version and the full name', () => {
    const rule = byKey(parsed, 'net/nsg.bicep#nsg::allowHttps');
    expect(rule.type).toBe('Microsoft.Network/networkSecurityGroups/securityRules');
    expect(rule.apiVersion).toBe('2023-04-01');
    expect(rule.parent).toEqual({ symbol: 'nsg', file: 'net/nsg.bicep' });
    expect(rule.name).toMatchObject({ kind: 'string', value: 'nsg-app/allow-https' });
    expect(span(rule.loc)).toEqual([23, 3, 31, 4]);
    expect(getPath(rule.body, 'properties.sourceAddressPrefix')).toMatchObject({ kind: 'string', value: '*' });
  });

  test('a property loop over a known array expands with loop variables', () => {
    const nsg = byKey(parsed, 'net/nsg.bicep#nsg');
    const rules = getPath(nsg.body, 'properties.securityRules');
    expect(rules?.kind).toBe('array');
    expect(getPath(nsg.body, 'properties.securityRules.1.name')).toMatchObject({ value: 'deny-3389' });
    expect(getPath(nsg.body, 'properties.securityRules.1.properties.priority')).toMatchObject({ value: 101 });
    const port = getPath(nsg.body, 'properties.securityRules.0.properties.destinationPortRange')!;
    expect(port).toMatchObject({ kind: 'string', value: '22' });
  });

  test('a resource loop over an unknown param is one resource with unknown loop values', () => {
    const extra = byKey(parsed, 'net/nsg.bicep#extra');
    expect(extra.loop).toBe(true);
    expect(extra.parent).toEqual({ symbol: 'nsg', file: 'net/nsg.bicep' });
    expect(extra.type).toBe('Microsoft.Network/networkSecurityGroups/securityRules');
    expect(getPath(extra.body, 'properties')).toMatchObject({ kind: 'unknown' });
  });

  test('a resource loop over a known list is expanded per item, conditional through its filter', () => {
    const r = byKey(parsed, 'net/nsg.bicep#perPort[1]');
    expect(r.loop).toBe(true);
    expect(r.conditional).toBe(true);
    expect(r.name).toMatchObject({ kind: 'string', value: 'nsg-app/rule-3389' });
    expect(getPath(r.body, 'properties.priority')).toMatchObject({ value: 301 });
  });
});
