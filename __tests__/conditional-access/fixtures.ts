/** Conditional Access fixtures, written for these tests. Line numbers in comments are 1-based. */
import type { ParseContext } from '../../src/model/resource.js';

export const noFiles: ParseContext = { readFile: () => undefined, listFiles: () => [] };

/** One policy: MFA for two admin roles on Azure management. */
export const adminMfaPolicy = [
  '{', // 1
  '  "id": "3f1a2b7c-0000-4000-8000-00000000a001",', // 2
  '  "displayName": "Admins must use MFA on Azure management",', // 3
  '  "state": "enabled",', // 4
  '  "conditions": {', // 5
  '    "users": {', // 6
  '      "includeRoles": [', // 7
  '        "62e90394-69f5-4237-9190-012177145e10",', // 8
  '        "e8611ab8-c189-46e8-94e1-60213ab1f814"', // 9
  '      ],', // 10
  '      "excludeUsers": []', // 11
  '    },', // 12
  '    "applications": { "includeApplications": ["797f4846-ba00-4fd7-ba43-dac1f8f63013"] },', // 13
  '    "clientAppTypes": ["all"],', // 14
  '    "locations": { "includeLocations": ["All"], "excludeLocations": ["AllTrusted"] }', // 15
  '  },', // 16
  '  "grantControls": { "operator": "AND", "builtInControls": ["mfa", "compliantDevice"] },', // 17
  '  "sessionControls": {', // 18
  '    "signInFrequency": { "value": 4, "type": "hours", "isEnabled": true, "frequencyInterval": "timeBased" }', // 19
  '  }', // 20
  '}', // 21
].join('\n');

/** A policy object as text, for building lists. */
export function policyText(displayName: string | undefined, state: string, extra = ''): string {
  const name = displayName === undefined ? '' : `"displayName": ${JSON.stringify(displayName)}, `;
  return `{ ${name}"state": "${state}", "conditions": { "users": { "includeUsers": ["All"] }, "clientAppTypes": ["exchangeActiveSync", "other"] }, "grantControls": { "operator": "OR", "builtInControls": ["block"] }${extra} }`;
}

/** What Graph returns for GET /identity/conditionalAccess/policies. */
export const graphList = [
  '{', // 1
  '  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies",', // 2
  '  "value": [', // 3
  `    ${policyText('Block legacy authentication', 'enabled')},`, // 4
  `    ${policyText(undefined, 'enabledForReportingButNotEnforced')}`, // 5
  '  ]', // 6
  '}', // 7
].join('\n');

/** A plain array of policies, with comments and trailing commas (JSONC). */
export const jsoncArray = [
  '// Exported by the identity team', // 1
  '[', // 2
  `  ${policyText('Report-only: block legacy auth', 'enabledForReportingButNotEnforced')},`, // 3
  '  /* second policy has no name */', // 4
  `  ${policyText(undefined, 'disabled')},`, // 5
  ']', // 6
].join('\n');
