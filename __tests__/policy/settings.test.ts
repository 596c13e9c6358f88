/** Team settings from the config file reach the rules that read them. */
import { collectFullScan } from '../../src/action/collect.js';
import { builtInRules } from '../../src/engine/load-rules.js';
import { loadPolicy } from '../../src/policy/load.js';
import { runReview } from '../../src/review.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { makeWorkspace } from '../support/run-action.js';

const rules = builtInRules().filter((r) => r.meta.id === 'AZSEC-NSG-003');
const nsg = `resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-ops'
  location: 'westeurope'
  properties: {
    securityRules: [
      {
        name: 'ssh-from-ops'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '198.51.100.0/25'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '22'
        }
      }
    ]
  }
}
`;

function findingsWith(files: Record<string, string>): string[] {
  const ws = new Workspace(makeWorkspace({ 'main.bicep': nsg, ...files }));
  const policy = loadPolicy(ws, new Set(rules.map((r) => r.meta.id)));
  return runReview({ ws, rules, policy, collected: collectFullScan(ws, ['main.bicep']) }).result.findings.map((f) => `${f.ruleId}:${f.location.line}`);
}

test('a public admin range is reported until the team lists it under management-source-ranges', () => {
  expect(findingsWith({})).toEqual(['AZSEC-NSG-003:16']);
  expect(findingsWith({ '.github/azure-security-audit.yml': 'management-source-ranges: [198.51.100.0/24]\n' })).toEqual([]);
  expect(findingsWith({ 'LESSONS.md': '## azure-security-audit\n```yaml\nmanagement-source-ranges: [198.51.100.0/24]\n```\n' })).toEqual([]);
  expect(findingsWith({ '.github/azure-security-audit.yml': 'management-source-ranges: [203.0.113.0/24]\n' })).toEqual(['AZSEC-NSG-003:16']);
});
