import { inAllowedRanges, ipv4Within, isInternetPrefix, isPublicRange, portSpecCovers } from '../../src/engine/network.js';

describe('address ranges', () => {
  test.each([
    ['*', false],
    ['Internet', false],
    ['0.0.0.0/0', false],
    ['10.1.2.0/24', false],
    ['172.20.0.0/16', false],
    ['192.168.1.7', false],
    ['100.64.0.0/10', false],
    ['VirtualNetwork', false],
    ['AzureLoadBalancer', false],
    ['198.51.100.0/24', true],
    ['203.0.113.10', true],
    ['8.0.0.0/8', true],
    ['2001:db8::/32', true],
    ['fd00::/8', false],
    ['not an address!', undefined],
  ])('%s is a public range: %s', (prefix, expected) => {
    expect(isPublicRange(prefix)).toBe(expected);
  });

  test('containment and allow lists', () => {
    expect(ipv4Within('198.51.100.32/27', '198.51.100.0/24')).toBe(true);
    expect(ipv4Within('198.51.0.0/16', '198.51.100.0/24')).toBe(false);
    expect(ipv4Within('198.51.100.7', '198.51.100.0/24')).toBe(true);
    expect(inAllowedRanges('198.51.100.7', ['10.0.0.0/8', '198.51.100.0/24'])).toBe(true);
    expect(inAllowedRanges('2001:db8::/32', ['2001:DB8::/32'])).toBe(true);
    expect(isInternetPrefix(' Any ')).toBe(true);
  });

  test('port specs', () => {
    expect(portSpecCovers('20-25', 22)).toBe(true);
    expect(portSpecCovers('22,3389', 3389)).toBe(true);
    expect(portSpecCovers('443', 22)).toBe(false);
    expect(portSpecCovers('*', '*')).toBe(true);
    expect(portSpecCovers('1024-65535', '*')).toBe(false);
    expect(portSpecCovers('http', 80)).toBeUndefined();
  });
});
