/** Templates for the end-to-end scenarios, and the pull-request plumbing around them. */
import type { FakeGitHub } from '../support/fake-github/index.js';
import { patchOf } from '../support/run-action.js';

export const OWNER = 'octo';
export const REPO = 'infra';

/**
 * A Key Vault hardened against every rule but the one under test (RBAC), with its diagnostic setting and
 * private endpoint: `rbac: 'true'` gives a template with no finding at all.
 */
export function vault(name: string, rbac: 'true' | 'false', symbol = name.replace(/-/g, '')): string {
  return `resource ${symbol} 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: ${rbac}
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
    }
  }
}

resource ${symbol}Logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: ${symbol}
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource ${symbol}Endpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'pe-${name}'
  location: location
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'vault'
        properties: {
          privateLinkServiceId: ${symbol}.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}
`;
}

/** Params and the privatelink DNS zone every fixture template shares. */
export const HEADER = `param location string = resourceGroup().location
param subnetId string
param workspaceId string

resource dnsZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}

`;

/** 1-based line of the n-th line containing `needle`. */
export function lineOf(text: string, needle: string, nth = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(needle) && ++seen === nth) return i + 1;
  }
  throw new Error(`'${needle}' not found`);
}

export interface FileChange {
  path: string;
  before?: string;
  after: string;
}

/** Seed the fake with pull request `number` changing these files; returns the event payload. */
export function openPullRequest(gh: FakeGitHub, number: number, headSha: string, changes: FileChange[], extraFiles: { filename: string; status: string; patch?: string }[] = []): object {
  gh.addPullRequest({
    owner: OWNER,
    repo: REPO,
    number,
    headSha,
    baseSha: 'c'.repeat(40),
    files: [
      ...changes.map((c) => {
        const patch = patchOf(c.before, c.after);
        const additions = patch.split('\n').filter((l) => l.startsWith('+')).length;
        const deletions = patch.split('\n').filter((l) => l.startsWith('-')).length;
        return { filename: c.path, status: c.before === undefined ? 'added' : 'modified', patch, additions, deletions, changes: additions + deletions };
      }),
      ...extraFiles.map((f) => ({ ...f, additions: 1, deletions: 0, changes: 1 })),
    ] as never,
    contents: Object.fromEntries(changes.map((c) => [c.path, c.after])),
    baseContents: Object.fromEntries(changes.filter((c) => c.before !== undefined).map((c) => [c.path, c.before!])),
  });
  return {
    action: 'synchronize',
    number,
    pull_request: { number, head: { sha: headSha, ref: `feature-${number}` }, base: { sha: 'c'.repeat(40), ref: 'main' } },
    repository: { name: REPO, owner: { login: OWNER } },
  };
}
