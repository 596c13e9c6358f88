/** Unit tests of the identity named checks (src/engine/checks/identity.ts), on policies and vaults read by the real front ends. */
import type { Outcome, Subject } from '../../src/engine/conditions.js';
import { identityChecks } from '../../src/engine/checks/identity.js';
import { parseConditionalAccess } from '../../src/formats/conditional-access/index.js';
import { Deployment } from '../../src/model/deployment.js';
import { NO_SETTINGS, type EvalContext } from '../../src/engine/conditions.js';
import type { Resource } from '../../src/model/resource.js';
import { describeValue, V, type ObjectValue } from '../../src/model/value.js';

const GA = '62e90394-69f5-4237-9190-012177145e10';
const PRA = 'e8611ab8-c189-46e8-94e1-60213ab1f814';
const AZ = '797f4846-ba00-4fd7-ba43-dac1f8f63013';

interface P {
  state?: string;
  roles?: string[];
  users?: string[];
  apps?: string[];
  excludeApps?: string[];
  excludeRoles?: string[];
  excludeUsers?: string[];
  clients?: string[];
  controls?: string[];
  operator?: string;
  session?: object;
}

function policy(p: P): object {
  return {
    displayName: 'p',
    state: p.state ?? 'enabled',
    conditions: {
      users: { includeRoles: p.roles, includeUsers: p.users, excludeRoles: p.excludeRoles, excludeUsers: p.excludeUsers },
      applications: { includeApplications: p.apps ?? ['All'], excludeApplications: p.excludeApps },
      clientAppTypes: p.clients ?? ['all'],
    },
    grantControls: { operator: p.operator ?? 'OR', builtInControls: p.controls ?? ['mfa'] },
    sessionControls: p.session ?? null,
  };
}

/** Parse a list of policies (one per line, so each policy starts on line i + 2) and return its resources and deployment. */
function policies(...ps: object[]): { resources: Resource[]; ctx: EvalContext } {
  const text = `[\n${ps.map((p) => JSON.stringify(p)).join(',\n')}\n]`;
  const parsed = parseConditionalAccess({ path: 'ca/policies.json', text });
  return { resources: parsed.resources, ctx: { deployment: new Deployment(parsed.resources), settings: NO_SETTINGS } };
}

function run(name: string, ps: object[], index = 0, args: Record<string, unknown> = {}): Outcome {
  const { resources, ctx } = policies(...ps);
  const r = resources[index];
  const subject: Subject = { resource: r, value: r.body, path: '' };
  return identityChecks[name](subject, ctx, args);
}

describe('ca-admin-without-mfa', () => {
  test('admin roles on Azure management with a device control only: violation on builtInControls', () => {
    const o = run('ca-admin-without-mfa', [policy({ roles: [GA], apps: [AZ], controls: ['compliantDevice'], operator: 'AND' })]);
    expect(o.result).toBe(true);
    expect(o.blame?.path).toBe('grantControls.builtInControls');
    expect(describeValue(o.blame?.value)).toBe("'compliantDevice'");
    expect(o.blame?.value?.loc.line).toBe(2);
  });

  test('MFA, an authentication strength or a block are all fine', () => {
    expect(run('ca-admin-without-mfa', [policy({ roles: [GA], controls: ['mfa'] })]).result).toBe(false);
    expect(run('ca-admin-without-mfa', [policy({ roles: [GA], controls: ['block'] })]).result).toBe(false);
    const strength = { ...policy({ roles: [GA], controls: [] }), grantControls: { operator: 'OR', builtInControls: [], authenticationStrength: { id: 'x' } } };
    expect(run('ca-admin-without-mfa', [strength]).result).toBe(false);
  });

  test('roles that are not admin roles, or apps other than Azure management, are out of scope', () => {
    expect(run('ca-admin-without-mfa', [policy({ roles: ['00000000-0000-0000-0000-000000000000'], controls: ['compliantDevice'] })]).result).toBe(false);
    expect(run('ca-admin-without-mfa', [policy({ roles: [GA], apps: ['Office365'], controls: ['compliantDevice'] })]).result).toBe(false);
  });

  test('another enabled MFA policy for the same roles forgives it; a report-only one does not', () => {
    const weak = policy({ roles: [GA, PRA], apps: [AZ], controls: ['compliantDevice'] });
    expect(run('ca-admin-without-mfa', [weak, policy({ roles: [GA, PRA], controls: ['mfa'] })]).result).toBe(false);
    expect(run('ca-admin-without-mfa', [weak, policy({ roles: [GA], controls: ['mfa'] })]).result).toBe(true);
    expect(run('ca-admin-without-mfa', [weak, policy({ roles: [GA, PRA], controls: ['mfa'], state: 'enabledForReportingButNotEnforced' })]).result).toBe(true);
  });
});

describe('ca-admin-mfa-optional', () => {
  test('MFA OR compliant device is a violation on the operator; AND is fine', () => {
    const o = run('ca-admin-mfa-optional', [policy({ roles: [GA], controls: ['mfa', 'compliantDevice'], operator: 'OR' })]);
    expect(o.result).toBe(true);
    expect(o.blame?.path).toBe('grantControls.operator');
    expect(run('ca-admin-mfa-optional', [policy({ roles: [GA], controls: ['mfa', 'compliantDevice'], operator: 'AND' })]).result).toBe(false);
    expect(run('ca-admin-mfa-optional', [policy({ roles: [GA], controls: ['mfa'], operator: 'OR' })]).result).toBe(false);
  });
});

describe('ca-admin-no-sign-in-frequency', () => {
  test('an enabled admin MFA policy without a frequency is reported on the policy (missing)', () => {
    const o = run('ca-admin-no-sign-in-frequency', [policy({ roles: [GA] })]);
    expect(o.result).toBe(true);
    expect(o.blame?.missing).toBe(true);
  });

  test('a frequency here or in a companion policy is fine; a switched-off one is blamed', () => {
    const sif = { signInFrequency: { isEnabled: true, value: 4, type: 'hours' } };
    expect(run('ca-admin-no-sign-in-frequency', [policy({ roles: [GA], session: sif })]).result).toBe(false);
    expect(run('ca-admin-no-sign-in-frequency', [policy({ roles: [GA] }), policy({ roles: [GA], session: sif })]).result).toBe(false);
    const off = run('ca-admin-no-sign-in-frequency', [policy({ roles: [GA], session: { signInFrequency: { isEnabled: false, value: 4, type: 'hours' } } })]);
    expect(off.result).toBe(true);
    expect(off.blame?.path).toBe('sessionControls.signInFrequency.isEnabled');
  });

  test('block and disabled policies are not judged', () => {
    expect(run('ca-admin-no-sign-in-frequency', [policy({ roles: [GA], controls: ['block'] })]).result).toBe(false);
    expect(run('ca-admin-no-sign-in-frequency', [policy({ roles: [GA], state: 'disabled' })]).result).toBe(false);
  });
});

describe('ca-hollow-exclusions', () => {
  test('excluding an included admin role names the role', () => {
    const o = run('ca-hollow-exclusions', [policy({ roles: [GA, PRA], excludeRoles: [PRA] })]);
    expect(o.result).toBe(true);
    expect(o.blame?.path).toBe('conditions.users.excludeRoles');
    expect(describeValue(o.blame?.value)).toBe("'Privileged Role Administrator'");
  });

  test('excludeUsers All, Azure management excluded from an admin policy, and long lists', () => {
    expect(run('ca-hollow-exclusions', [policy({ users: ['All'], excludeUsers: ['All'] })]).blame?.path).toBe('conditions.users.excludeUsers');
    expect(run('ca-hollow-exclusions', [policy({ roles: [GA], excludeApps: [AZ] })]).blame?.path).toBe('conditions.applications.excludeApplications');
    const six = ['1', '2', '3', '4', '5', '6'];
    expect(run('ca-hollow-exclusions', [policy({ users: ['All'], excludeUsers: six })]).result).toBe(true);
    expect(run('ca-hollow-exclusions', [policy({ users: ['All'], excludeUsers: six })], 0, { maxExclusions: 10 }).result).toBe(false);
  });

  test('break-glass accounts, guests and other roles are fine', () => {
    expect(run('ca-hollow-exclusions', [policy({ roles: [GA], excludeUsers: ['a', 'b'], excludeRoles: ['729827e3-9c14-49f7-bb1b-9608f156bbb8'] })]).result).toBe(false);
    expect(run('ca-hollow-exclusions', [policy({ users: ['All'], excludeUsers: ['GuestsOrExternalUsers'] })]).result).toBe(false);
  });
});

describe('legacy authentication', () => {
  const block = (p: P): object => policy({ users: ['All'], clients: ['exchangeActiveSync', 'other'], controls: ['block'], ...p });

  test('a complete block has no gaps; each gap is blamed where it is', () => {
    expect(run('ca-legacy-block-policy', [block({})]).result).toBe(true);
    expect(run('ca-legacy-block-gaps', [block({})]).result).toBe(false);
    expect(run('ca-legacy-block-gaps', [block({ clients: ['other'] })]).blame?.path).toBe('conditions.clientAppTypes');
    expect(run('ca-legacy-block-gaps', [block({ users: ['GuestsOrExternalUsers'] })]).blame?.path).toBe('conditions.users.includeUsers');
    expect(run('ca-legacy-block-gaps', [block({ apps: ['Office365'] })]).blame?.path).toBe('conditions.applications.includeApplications');
    expect(run('ca-legacy-block-gaps', [block({ excludeApps: ['x'] })]).blame?.path).toBe('conditions.applications.excludeApplications');
  });

  test('an MFA policy for modern clients is not a legacy block', () => {
    expect(run('ca-legacy-block-policy', [policy({ clients: ['browser'] })]).result).toBe(false);
  });

  test('a set without a block is reported once, on its first policy', () => {
    const set = [policy({ roles: [GA] }), policy({ users: ['All'] })];
    expect(run('ca-no-legacy-block', set, 0).result).toBe(true);
    expect(run('ca-no-legacy-block', set, 1).result).toBe(false);
    expect(run('ca-no-legacy-block', [...set, block({ state: 'disabled' })], 0).result).toBe(false);
    expect(run('ca-no-legacy-block', [policy({ roles: [GA] })], 0).result).toBe(false);
  });
});

describe('kv-access-policy-excess', () => {
  const loc = { file: 'kv.bicep', line: 1, column: 1, endLine: 1, endColumn: 2 };
  const at = (line: number, column = 1) => ({ ...loc, line, endLine: line, column });
  const strs = (xs: string[], line: number) => V.arr(xs.map((x) => V.str(x, at(line))), at(line));
  function item(perms: Record<string, string[] | 'unknown'>, line: number, column = 1): ObjectValue {
    const props = Object.entries(perms).map(([k, v], i) => ({ key: k, keyLoc: at(line + 1 + i), value: v === 'unknown' ? V.unknown('param', at(line + 1 + i)) : strs(v, line + 1 + i) }));
    return V.obj([{ key: 'permissions', keyLoc: at(line), value: V.obj(props, at(line)) }], at(line, column));
  }
  function vault(items: ObjectValue[]): Resource {
    const body = V.obj([{ key: 'properties', keyLoc: at(1), value: V.obj([{ key: 'accessPolicies', keyLoc: at(2), value: V.arr(items, at(2)) }], at(1)) }], at(1));
    return { key: 'kv', type: 'Microsoft.KeyVault/vaults', name: V.str('kv', at(1)), body, loc: at(1), format: 'bicep', file: 'kv.bicep' };
  }
  const check = (r: Resource, i: number): Outcome => {
    const list = (r.body.properties[0].value as ObjectValue).properties[0].value;
    const value = list.kind === 'array' ? list.items[i] : list;
    return identityChecks['kv-access-policy-excess']({ resource: r, value, path: `properties.accessPolicies.${i}` }, { deployment: new Deployment([r]), settings: NO_SETTINGS }, {});
  };

  test('write and destroy rights are found case-insensitively and named in the message value', () => {
    const r = vault([item({ secrets: ['get', 'list'], keys: ['Get', 'Purge', 'Delete'] }, 10)]);
    const o = check(r, 0);
    expect(o.result).toBe(true);
    expect(o.blame?.path).toBe('properties.accessPolicies.0.permissions.keys');
    expect(describeValue(o.blame?.value)).toBe("'purge, delete'");
  });

  test('read rights are fine; an unknown list is unknown unless another list offends', () => {
    expect(check(vault([item({ secrets: ['get'], certificates: ['get', 'list'] }, 10)]), 0).result).toBe(false);
    expect(check(vault([item({ secrets: 'unknown' }, 10)]), 0).result).toBeUndefined();
    expect(check(vault([item({ secrets: 'unknown', keys: ['all'] }, 10)]), 0).result).toBe(true);
    expect(check(vault([item({ storage: ['all'] }, 10)]), 0).result).toBe(false);
  });

  test('copies a loop made of one written policy are reported once', () => {
    const r = vault([item({ secrets: ['set'] }, 10, 5), item({ secrets: ['set'] }, 10, 5)]);
    expect(check(r, 0).result).toBe(true);
    expect(check(r, 1).result).toBe(false);
  });
});
