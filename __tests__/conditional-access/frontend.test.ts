import { conditionalAccessFrontEnd as fe } from '../../src/formats/conditional-access/index.js';
import { ADMIN_ROLES, AZURE_MANAGEMENT_APP_ID, roleName } from '../../src/formats/conditional-access/roles.js';
import { plainLocation, type Location } from '../../src/model/location.js';
import { CONDITIONAL_ACCESS_POLICY } from '../../src/model/resource.js';
import { getPath, getPropertyAt, toPlain, type Value } from '../../src/model/value.js';
import { adminMfaPolicy, graphList, jsoncArray, noFiles } from './fixtures.js';

const FILE = 'identity/ca/admin-mfa.json';
const at = (l: Location | undefined) => (l ? plainLocation(l) : undefined);
const span = (line: number, column: number, endLine: number, endColumn: number, file = FILE): Location => ({ file, line, column, endLine, endColumn });
const parse = (text: string, path = FILE) => fe.parse({ path, text }, noFiles);
const str = (v: Value | undefined): string | undefined => (v?.kind === 'string' ? (v.value as string) : undefined);

describe('a single policy object', () => {
  const parsed = parse(adminMfaPolicy);
  const [policy] = parsed.resources;

  it('becomes one Conditional Access resource named by its displayName', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources).toHaveLength(1);
    expect(policy.type).toBe(CONDITIONAL_ACCESS_POLICY);
    expect(policy.format).toBe('conditional-access');
    expect(policy.key).toBe(`${FILE}#0`);
    expect(policy.symbol).toBe('Admins must use MFA on Azure management');
    expect(str(policy.name)).toBe('Admins must use MFA on Azure management');
    expect(policy.file).toBe(FILE);
  });

  it('locates the whole policy, and the displayName key and value exactly', () => {
    expect(at(policy.loc)).toEqual(span(1, 1, 21, 2));
    const prop = getPropertyAt(policy.body, 'displayName');
    expect(at(prop?.keyLoc)).toEqual(span(3, 3, 3, 16));
    expect(at(prop?.value.loc)).toEqual(span(3, 18, 3, 59));
    expect(at(policy.name.loc)).toEqual(span(3, 18, 3, 59));
  });

  it('reads the state back with its location', () => {
    const state = getPropertyAt(policy.body, 'state');
    expect(str(state?.value)).toBe('enabled');
    expect(at(state?.keyLoc)).toEqual(span(4, 3, 4, 10));
    expect(at(state?.value.loc)).toEqual(span(4, 12, 4, 21));
  });

  it('reads the included roles back as known admin roles, each with its own line', () => {
    const roles = getPath(policy.body, 'conditions.users.includeRoles');
    expect(roles?.kind).toBe('array');
    const items = roles?.kind === 'array' ? roles.items : [];
    expect(items.map((r) => roleName(str(r) ?? ''))).toEqual(['Global Administrator', 'Privileged Role Administrator']);
    expect(at(items[0].loc)).toEqual(span(8, 9, 8, 47));
    expect(at(items[1].loc)).toEqual(span(9, 9, 9, 47));
    expect(at(roles?.loc)).toEqual(span(7, 23, 10, 8));
  });

  it('reads nested values of one-line objects at their columns', () => {
    const app = getPath(policy.body, 'conditions.applications.includeApplications.0');
    expect(str(app)).toBe(AZURE_MANAGEMENT_APP_ID);
    expect(at(app?.loc)).toEqual(span(13, 47, 13, 85));
    expect(at(getPropertyAt(policy.body, 'conditions.applications.includeApplications')?.keyLoc)).toEqual(span(13, 23, 13, 44));
    const frequency = getPropertyAt(policy.body, 'sessionControls.signInFrequency.value');
    expect(frequency?.value).toMatchObject({ kind: 'number', value: 4 });
    expect(at(frequency?.value.loc)).toEqual(span(19, 35, 19, 36));
    expect(at(frequency?.keyLoc)).toEqual(span(19, 26, 19, 33));
    expect(toPlain(getPath(policy.body, 'grantControls')!)).toEqual({ operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] });
    expect(getPath(policy.body, 'sessionControls.signInFrequency.isEnabled')).toMatchObject({ kind: 'boolean', value: true });
  });

  it('looks properties up case-insensitively, as PowerShell exports use PascalCase', () => {
    const pascal = adminMfaPolicy.replace('"displayName"', '"DisplayName"').replace('"conditions"', '"Conditions"');
    const [r] = parse(pascal).resources;
    expect(str(r.name)).toBe('Admins must use MFA on Azure management');
    expect(getPath(r.body, 'conditions.users.includeRoles.0')).toMatchObject({ value: ADMIN_ROLES[0].templateId });
  });
});

describe('a Graph list response { "@odata.context", "value": [...] }', () => {
  const file = 'exports/policies.json';
  const parsed = parse(graphList, file);

  it('yields one resource per entry, keyed by position', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources.map((r) => r.key)).toEqual([`${file}#0`, `${file}#1`]);
    expect(parsed.resources.map((r) => r.symbol)).toEqual(['Block legacy authentication', 'value[1]']);
    expect(at(parsed.resources[0].loc)?.line).toBe(4);
    expect(at(parsed.resources[0].loc)?.column).toBe(5);
  });

  it('names a policy without displayName as unknown, and still reads its state', () => {
    const second = parsed.resources[1];
    expect(second.name.kind).toBe('unknown');
    expect(second.name.kind === 'unknown' && second.name.reason).toBe('policy without a displayName (value[1])');
    const state = getPropertyAt(second.body, 'state');
    expect(str(state?.value)).toBe('enabledForReportingButNotEnforced');
    expect(at(state?.keyLoc)).toEqual(span(5, 7, 5, 14, file));
    expect(at(state?.value.loc)?.column).toBe(16);
  });

  it('reads the block policy controls', () => {
    expect(toPlain(getPath(parsed.resources[0].body, 'conditions.clientAppTypes')!)).toEqual(['exchangeActiveSync', 'other']);
    expect(toPlain(getPath(parsed.resources[0].body, 'grantControls.builtInControls')!)).toEqual(['block']);
  });

  it('accepts an empty list and finds nothing in it', () => {
    const empty = '{ "@odata.context": "https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/policies", "value": [] }';
    expect(fe.accepts('ca.json', empty)).toBe(true);
    expect(parse(empty)).toMatchObject({ resources: [], diagnostics: [] });
  });
});

describe('a JSONC array of policies', () => {
  const file = 'ca/policies.jsonc';
  const parsed = parse(jsoncArray, file);

  it('tolerates comments and trailing commas', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources.map((r) => r.symbol)).toEqual(['Report-only: block legacy auth', '[1]']);
    expect(parsed.resources.map((r) => str(getPath(r.body, 'state')))).toEqual(['enabledForReportingButNotEnforced', 'disabled']);
  });

  it('collects the comments with their locations', () => {
    expect(parsed.comments.map((c) => [c.text, at(c.loc)])).toEqual([
      ['// Exported by the identity team', span(1, 1, 1, 33, file)],
      ['/* second policy has no name */', span(4, 3, 4, 34, file)],
    ]);
  });

  it('warns about entries that are not policy objects and skips them', () => {
    const mixed = `[\n  ${'{ "displayName": "x", "conditions": {}, "grantControls": null }'},\n  "oops"\n]`;
    const p = parse(mixed);
    expect(p.resources).toHaveLength(1);
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({ code: 'CA-SHAPE', severity: 'warning' });
    expect(p.diagnostics[0].message).toBe('Expected a Conditional Access policy object in the list, found a string; it was skipped.');
    expect(at(p.diagnostics[0].location)).toEqual(span(3, 3, 3, 9));
  });
});

describe('roles.ts', () => {
  it('holds the template ids from the Entra built-in roles reference, without duplicates', () => {
    const ids = ADMIN_ROLES.map((r) => r.templateId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(roleName('62E90394-69F5-4237-9190-012177145E10')).toBe('Global Administrator');
    expect(roleName('194ae4cb-b126-40b2-bd5b-6091b380977d')).toBe('Security Administrator');
    expect(roleName('b1be1c3e-b65d-4f19-8427-f6fa0d97feb9')).toBe('Conditional Access Administrator');
    expect(roleName('00000000-0000-0000-0000-000000000000')).toBe('00000000-0000-0000-0000-000000000000');
  });
});
