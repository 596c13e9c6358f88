/**
 * Named checks for the identity rules (guide rules 1-3): Key Vault access-policy permissions and Entra ID
 * Conditional Access policies. Conditional Access is judged per policy, but a tenant layers its policies
 * (one requires MFA, another sets the sign-in frequency), so a gap in one policy is forgiven when another
 * enforced policy of the same deployment closes it.
 */
import type { Tri } from '../../model/deployment.js';
import { CONDITIONAL_ACCESS_POLICY, type Resource } from '../../model/resource.js';
import { V, type Value } from '../../model/value.js';
import { adminRole, AZURE_MANAGEMENT_APP_ID, CA_KEYWORDS } from '../../formats/conditional-access/roles.js';
import { lookup, type Blame, type EvalContext, type NamedCheck, type Outcome, type Subject } from '../conditions.js';

/** The strings of a list (or of a single string); `unknown` when the list or any item cannot be known. */
interface Strings {
  state: 'missing' | 'unknown' | 'value';
  items: string[];
  /** Items that cannot be known (the list itself may still be known). */
  unknownItems: boolean;
}

function stringsAt(v: Value, path: string): Strings {
  const found = lookup(v, path);
  if (found.state === 'missing') return { state: 'missing', items: [], unknownItems: false };
  if (found.state === 'unknown') return { state: 'unknown', items: [], unknownItems: true };
  const values = found.value.kind === 'array' ? found.value.items : [found.value];
  const items: string[] = [];
  let unknownItems = false;
  for (const item of values) {
    if (item.kind === 'unknown') unknownItems = true;
    else if (item.kind === 'string') items.push((item.value as string).trim().toLowerCase());
  }
  return { state: 'value', items, unknownItems };
}

/** Whether a list holds any of these (lower-case) strings: true, false, or unknown when unknown items could. */
function holdsAny(s: Strings, wanted: readonly string[]): Tri {
  if (s.items.some((x) => wanted.includes(x))) return true;
  return s.unknownItems ? undefined : false;
}

function joinPath(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}

/** A known list's strings as written, for messages ("compliantDevice, domainJoinedDevice"). */
function listText(v: Value): string | undefined {
  if (v.kind !== 'array') return undefined;
  return v.items.map((i) => (i.kind === 'string' ? (i.value as string) : i.kind === 'unknown' ? '(unknown)' : String(i.kind))).join(', ');
}

/**
 * A blame on the property at `path` below the subject (missing when absent). `shown` replaces the value in
 * the message ('list' shows a list's strings); the place and origin stay the value's own.
 */
function blameAt(s: Subject, path: string, expected?: string, shown?: string): Blame {
  const found = lookup(s.value, path);
  const full = joinPath(s.path, path);
  if (found.state === 'missing') return { path: full, missing: true, expected, subject: s };
  const value = found.value;
  const property = found.state === 'value' ? found.property : undefined;
  const text = shown === 'list' ? listText(value) : shown;
  const display = text === undefined ? value : { ...V.str(text, value.loc), origin: value.origin };
  return { path: full, value: display, property, missing: false, expected, subject: s };
}

const violation = (blame: Blame): Outcome => ({ result: true, blame });
const fine: Outcome = { result: false };
const unsure: Outcome = { result: undefined };

// ---------------------------------------------------------------------------------------------------------
// Key Vault

/**
 * `kv-access-policy-excess`: an access policy (the subject) whose secret, key or certificate permissions hold
 * any of `args.permissions` (default all, purge, delete, set). Blames the first offending list.
 */
const kvAccessPolicyExcess: NamedCheck = (s, _ctx, args) => {
  const wanted = stringList(args.permissions, ['all', 'purge', 'delete', 'set']);
  const lists = stringList(args.lists, ['secrets', 'keys', 'certificates']);
  const outcome = excessPermissions(s, wanted, lists);
  // A loop writes one policy many times: report the written line once, for the first copy that offends.
  if (outcome.result === true && earlierCopies(s).some((c) => excessPermissions(c, wanted, lists).result === true)) return fine;
  return outcome;
};

function excessPermissions(s: Subject, wanted: string[], lists: string[]): Outcome {
  let unknown = false;
  for (const list of lists) {
    const path = `permissions.${list}`;
    const found = stringsAt(s.value, path);
    const offending = found.items.filter((p) => wanted.includes(p));
    if (offending.length > 0) return violation(blameAt(s, path, undefined, [...new Set(offending)].join(', ')));
    if (found.unknownItems) unknown = true;
  }
  return unknown ? unsure : fine;
}

/** Earlier items of the subject's array written at the same place: copies a loop made of one written item. */
function earlierCopies(s: Subject): Subject[] {
  const m = /^(.*)\.(\d+)$/.exec(s.path);
  if (!m) return [];
  const list = lookup(s.resource.body, m[1]);
  if (list.state !== 'value' || list.value.kind !== 'array') return [];
  const here = s.value.loc;
  return list.value.items
    .slice(0, Number(m[2]))
    .map((value, i) => ({ resource: s.resource, value, path: `${m[1]}.${i}` }))
    .filter((c) => c.value.loc.file === here.file && c.value.loc.line === here.line && c.value.loc.column === here.column);
}

function stringList(x: unknown, fallback: string[]): string[] {
  return Array.isArray(x) ? x.filter((i): i is string => typeof i === 'string').map((i) => i.toLowerCase()) : fallback;
}

// ---------------------------------------------------------------------------------------------------------
// Conditional Access: what a policy targets and what it demands

const AZ_MGMT = AZURE_MANAGEMENT_APP_ID.toLowerCase();
const ALL = CA_KEYWORDS.all.toLowerCase();
const ADMIN_PORTALS = CA_KEYWORDS.microsoftAdminPortals.toLowerCase();
const LEGACY_CLIENTS = ['exchangeactivesync', 'other'];

/** Admin role template ids the policy includes; undefined when its role list cannot be known. */
function includedAdminRoles(policy: Value): string[] | undefined {
  const roles = stringsAt(policy, 'conditions.users.includeRoles');
  if (roles.state === 'unknown') return undefined;
  const admins = roles.items.filter((r) => adminRole(r) !== undefined);
  return admins.length === 0 && roles.unknownItems ? undefined : admins;
}

/** The policy is aimed at administrator access: it includes admin roles, or all users on the admin apps. */
function isAdminPolicy(policy: Value): Tri {
  const admins = includedAdminRoles(policy);
  if (admins && admins.length > 0) return true;
  const users = holdsAny(stringsAt(policy, 'conditions.users.includeUsers'), [ALL]);
  const apps = holdsAny(stringsAt(policy, 'conditions.applications.includeApplications'), [AZ_MGMT, ADMIN_PORTALS]);
  if (users === true && apps === true) return true;
  if (admins === undefined || users === undefined || apps === undefined) return undefined;
  return false;
}

/** The policy's applications reach Azure Management (explicitly, through the admin portals, or All). */
function reachesAzureManagement(policy: Value): Tri {
  return holdsAny(stringsAt(policy, 'conditions.applications.includeApplications'), [AZ_MGMT, ADMIN_PORTALS, ALL]);
}

/** The grant controls, lower-cased, with `authenticationstrength` standing for an authentication strength. */
function grantControls(policy: Value): Strings {
  const controls = stringsAt(policy, 'grantControls.builtInControls');
  const strength = lookup(policy, 'grantControls.authenticationStrength');
  if (strength.state === 'unknown') return { ...controls, unknownItems: true };
  if (strength.state === 'value' && strength.value.kind !== 'null') controls.items.push('authenticationstrength');
  return controls;
}

const MFA_CONTROLS = ['mfa', 'authenticationstrength'];

function operatorIsOr(policy: Value): Tri {
  const op = lookup(policy, 'grantControls.operator');
  if (op.state === 'unknown') return undefined;
  return op.state === 'value' && op.value.kind === 'string' && (op.value.value as string).toLowerCase() === 'or';
}

/** MFA is demanded and cannot be skipped by satisfying another control instead (operator OR). */
function demandsMfa(policy: Value): Tri {
  const controls = grantControls(policy);
  const mfa = holdsAny(controls, MFA_CONTROLS);
  if (mfa !== true) return mfa;
  const others = controls.items.some((c) => !MFA_CONTROLS.includes(c));
  if (!others && !controls.unknownItems) return true;
  const or = operatorIsOr(policy);
  if (or === false) return true;
  return or === true && others ? false : undefined;
}

function stateIs(policy: Value, wanted: string): Tri {
  const state = lookup(policy, 'state');
  if (state.state === 'unknown') return undefined;
  return state.state === 'value' && state.value.kind === 'string' && (state.value.value as string).toLowerCase() === wanted.toLowerCase();
}

/** The other Conditional Access policies deployed with this one. */
function companions(s: Subject, ctx: EvalContext): Resource[] {
  return ctx.deployment.ofType(CONDITIONAL_ACCESS_POLICY).filter((r) => r !== s.resource && !r.existing && ctx.deployment.sameDeployment(r, s.resource));
}

/** Whether another enforced policy gives these admin roles what `gives` asks for on Azure Management. */
function coveredElsewhere(s: Subject, ctx: EvalContext, roles: string[], gives: (policy: Value) => Tri): Tri {
  let unknown = false;
  for (const other of companions(s, ctx)) {
    const p = other.body;
    const users = includedAdminRoles(p);
    const allUsers = holdsAny(stringsAt(p, 'conditions.users.includeUsers'), [ALL]);
    // A policy for all users (no roles named) is only covered by another policy for all users.
    const byRoles: Tri = roles.length === 0 ? false : users === undefined ? undefined : roles.every((r) => users.includes(r));
    const coversUsers: Tri = allUsers === true || byRoles === true ? true : allUsers === undefined || byRoles === undefined ? undefined : false;
    const t = andTri([coversUsers, reachesAzureManagement(p), stateIs(p, 'enabled'), gives(p)]);
    if (t === true) return true;
    if (t === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

function andTri(ts: Tri[]): Tri {
  if (ts.some((t) => t === false)) return false;
  return ts.some((t) => t === undefined) ? undefined : true;
}

function adminRolesOrAll(policy: Value): string[] {
  return includedAdminRoles(policy) ?? [];
}

/**
 * `ca-admin-without-mfa`: an admin policy reaching Azure Management grants access with controls none of which
 * is MFA or an authentication strength (and does not block), and no other enforced policy requires MFA there.
 */
const caAdminWithoutMfa: NamedCheck = (s, ctx) => {
  const p = s.value;
  const applies = andTri([isAdminPolicy(p), reachesAzureManagement(p)]);
  if (applies !== true) return applies === undefined ? unsure : fine;
  const controls = grantControls(p);
  if (controls.state !== 'value' || (controls.items.length === 0 && !controls.unknownItems)) return controls.state === 'unknown' ? unsure : fine;
  const strong = holdsAny(controls, [...MFA_CONTROLS, 'block']);
  if (strong !== false) return strong === undefined ? unsure : fine;
  const elsewhere = coveredElsewhere(s, ctx, adminRolesOrAll(p), demandsMfa);
  if (elsewhere !== false) return elsewhere === undefined ? unsure : fine;
  return violation(blameAt(s, 'grantControls.builtInControls', "'mfa'", 'list'));
};

/**
 * `ca-admin-mfa-optional`: an admin policy reaching Azure Management lists MFA beside other controls with
 * operator OR, so satisfying the other control skips MFA; forgiven when another enforced policy demands MFA.
 */
const caAdminMfaOptional: NamedCheck = (s, ctx) => {
  const p = s.value;
  const applies = andTri([isAdminPolicy(p), reachesAzureManagement(p)]);
  if (applies !== true) return applies === undefined ? unsure : fine;
  const controls = grantControls(p);
  if (controls.state === 'unknown') return unsure;
  if (controls.items.includes('block') || !controls.items.some((c) => MFA_CONTROLS.includes(c))) return fine;
  if (!controls.items.some((c) => !MFA_CONTROLS.includes(c))) return fine;
  const or = operatorIsOr(p);
  if (or !== true) return or === undefined ? unsure : fine;
  const elsewhere = coveredElsewhere(s, ctx, adminRolesOrAll(p), demandsMfa);
  if (elsewhere !== false) return elsewhere === undefined ? unsure : fine;
  return violation(blameAt(s, 'grantControls.operator', "'AND'"));
};

/** `ca-admin-policy`: the policy is aimed at administrator access (admin roles, or all users on the admin apps). */
const caAdminPolicy: NamedCheck = (s) => {
  const t = isAdminPolicy(s.value);
  return { result: t, blame: blameAt(s, 'conditions.users.includeRoles') };
};

/** A sign-in frequency that is on: a value with a unit, or re-authentication every time. */
function setsSignInFrequency(policy: Value): Tri {
  const sif = lookup(policy, 'sessionControls.signInFrequency');
  if (sif.state === 'unknown') return undefined;
  if (sif.state === 'missing' || sif.value.kind !== 'object') return false;
  const enabled = lookup(sif.value, 'isEnabled');
  if (enabled.state === 'unknown') return undefined;
  if (enabled.state === 'value' && enabled.value.kind === 'boolean' && enabled.value.value === false) return false;
  const interval = lookup(sif.value, 'frequencyInterval');
  if (interval.state === 'value' && interval.value.kind === 'string' && (interval.value.value as string).toLowerCase() === 'everytime') return true;
  const value = lookup(sif.value, 'value');
  if (value.state === 'unknown' || interval.state === 'unknown') return undefined;
  return value.state === 'value' && value.value.kind !== 'null';
}

/**
 * `ca-admin-no-sign-in-frequency`: an enforced admin policy that lets admins in (not a block) sets no sign-in
 * frequency, and no other enforced policy of the deployment sets one for those admins.
 */
const caAdminNoSignInFrequency: NamedCheck = (s, ctx) => {
  const p = s.value;
  const applies = andTri([isAdminPolicy(p), reachesAzureManagement(p), stateIs(p, 'enabled')]);
  if (applies !== true) return applies === undefined ? unsure : fine;
  const block = holdsAny(grantControls(p), ['block']);
  if (block !== false) return block === undefined ? unsure : fine;
  const own = setsSignInFrequency(p);
  if (own !== false) return own === undefined ? unsure : fine;
  const elsewhere = coveredElsewhere(s, ctx, adminRolesOrAll(p), setsSignInFrequency);
  if (elsewhere !== false) return elsewhere === undefined ? unsure : fine;
  const sif = lookup(p, 'sessionControls.signInFrequency');
  // A frequency written but switched off is the line to fix; otherwise the policy's first line.
  return violation(sif.state === 'value' && sif.value.kind === 'object' ? blameAt(s, 'sessionControls.signInFrequency.isEnabled', 'true') : { path: s.path, missing: true, subject: s });
};

/** More excluded users and groups than this is not a break-glass exception but a hole. */
const DEFAULT_MAX_EXCLUSIONS = 5;

/**
 * `ca-hollow-exclusions`: an exclusion that empties the policy: all users, the admin roles it includes (or any
 * admin role when it includes all users), Azure Management when the policy is about admins, or more than
 * `args.maxExclusions` users and groups.
 */
/**
 * `ca-untrusted-location-exclusion`: an admin policy that excludes a named location the team has not listed
 * as trusted (configuration `trusted-locations`). Silent until the team lists its trusted locations: without
 * that list nobody can tell an office network from an attacker-controlled one.
 */
const caUntrustedLocationExclusion: NamedCheck = (s, ctx) => {
  const trusted = ctx.settings.trustedLocations.map((t) => t.trim().toLowerCase());
  if (trusted.length === 0) return fine;
  const admin = isAdminPolicy(s.value);
  if (admin !== true) return admin === undefined ? unsure : fine;
  const excluded = stringsAt(s.value, 'conditions.locations.excludeLocations');
  const allowed = ['alltrusted', ...trusted];
  const untrusted = excluded.items.filter((l) => !allowed.includes(l));
  if (untrusted.length > 0) return violation(blameAt(s, 'conditions.locations.excludeLocations', 'only trusted locations', untrusted.join(', ')));
  return excluded.state === 'unknown' || excluded.unknownItems ? unsure : fine;
};

const caHollowExclusions: NamedCheck = (s, _ctx, args) => {
  const p = s.value;
  const max = typeof args.maxExclusions === 'number' ? args.maxExclusions : DEFAULT_MAX_EXCLUSIONS;
  let unknown = false;
  const excludedUsers = stringsAt(p, 'conditions.users.excludeUsers');
  const t1 = holdsAny(excludedUsers, [ALL]);
  if (t1 === true) return violation(blameAt(s, 'conditions.users.excludeUsers', 'no exclusion of all users', 'all users'));
  const excludedRoles = stringsAt(p, 'conditions.users.excludeRoles');
  const included = stringsAt(p, 'conditions.users.includeRoles');
  const allUsers = holdsAny(stringsAt(p, 'conditions.users.includeUsers'), [ALL]);
  const hollowRoles = excludedRoles.items.filter((r) => adminRole(r) !== undefined && (included.items.includes(r) || allUsers === true));
  if (hollowRoles.length > 0) {
    return violation(blameAt(s, 'conditions.users.excludeRoles', undefined, hollowRoles.map((r) => adminRole(r)!.name).join(', ')));
  }
  if (excludedRoles.unknownItems || included.unknownItems) unknown = true;
  const aboutAdmins = andTri([isAdminPolicy(p), isLegacyOnly(p) === true ? false : true]);
  const excludedApps = holdsAny(stringsAt(p, 'conditions.applications.excludeApplications'), [AZ_MGMT, ADMIN_PORTALS]);
  const t3 = andTri([aboutAdmins, excludedApps]);
  if (t3 === true) return violation(blameAt(s, 'conditions.applications.excludeApplications', 'Azure Management not excluded', 'Azure Management'));
  if (t3 === undefined) unknown = true;
  const groups = stringsAt(p, 'conditions.users.excludeGroups');
  if (excludedUsers.items.length > max) return violation(blameAt(s, 'conditions.users.excludeUsers', `at most ${max} exclusions`, `${excludedUsers.items.length} users`));
  if (groups.items.length > max) return violation(blameAt(s, 'conditions.users.excludeGroups', `at most ${max} exclusions`, `${groups.items.length} groups`));
  if (t1 === undefined) unknown = true;
  return unknown ? unsure : fine;
};

// ---------------------------------------------------------------------------------------------------------
// Legacy authentication

/** The policy is about legacy clients only (its client app types are all legacy ones). */
function isLegacyOnly(policy: Value): Tri {
  const clients = stringsAt(policy, 'conditions.clientAppTypes');
  if (clients.state === 'unknown') return undefined;
  return clients.items.length > 0 && clients.items.every((c) => LEGACY_CLIENTS.includes(c));
}

/** The policy blocks sign-ins from legacy clients (targets exchangeActiveSync or other, grants block). */
function blocksLegacy(policy: Value): Tri {
  return andTri([holdsAny(stringsAt(policy, 'conditions.clientAppTypes'), LEGACY_CLIENTS), holdsAny(grantControls(policy), ['block'])]);
}

/** `ca-legacy-block-policy`: the subject is a policy meant to block legacy authentication. */
const caLegacyBlockPolicy: NamedCheck = (s) => ({ result: blocksLegacy(s.value), blame: blameAt(s, 'conditions.clientAppTypes') });

/**
 * `ca-legacy-block-gaps`: a legacy-authentication block policy that leaves a way through: a legacy client type
 * not covered, users other than all, applications other than all, or applications excluded.
 */
const caLegacyBlockGaps: NamedCheck = (s) => {
  const p = s.value;
  const clients = stringsAt(p, 'conditions.clientAppTypes');
  if (clients.state === 'unknown') return unsure;
  const missingClients = LEGACY_CLIENTS.filter((c) => !clients.items.includes(c) && !clients.items.includes('all'));
  if (missingClients.length > 0 && !clients.unknownItems) {
    return violation(blameAt(s, 'conditions.clientAppTypes', "'exchangeActiveSync' and 'other'", `without ${missingClients.map((c) => (c === 'exchangeactivesync' ? 'exchangeActiveSync' : c)).join(', ')}`));
  }
  const checks: [string, string][] = [
    ['conditions.users.includeUsers', "'All'"],
    ['conditions.applications.includeApplications', "'All'"],
  ];
  let unknown = clients.unknownItems;
  for (const [path, expected] of checks) {
    const list = stringsAt(p, path);
    const all = holdsAny(list, [ALL]);
    const field = path.slice(path.lastIndexOf('.') + 1);
    if (all === false) return violation(list.state === 'missing' ? blameAt(s, path.slice(0, path.lastIndexOf('.')), expected, `without ${field}`) : blameAt(s, path, expected, 'list'));
    if (all === undefined) unknown = true;
  }
  const excluded = stringsAt(p, 'conditions.applications.excludeApplications');
  if (excluded.items.length > 0) return violation(blameAt(s, 'conditions.applications.excludeApplications', 'no excluded applications', 'list'));
  if (excluded.unknownItems) unknown = true;
  return unknown ? unsure : fine;
};

/**
 * `ca-no-legacy-block`: the subject is the first policy of a file that holds a set of policies (at least
 * `args.minPolicies`, default 2), and no policy of the deployment blocks legacy authentication.
 */
const caNoLegacyBlock: NamedCheck = (s, ctx, args) => {
  const min = typeof args.minPolicies === 'number' ? args.minPolicies : 2;
  const inFile = ctx.deployment.ofType(CONDITIONAL_ACCESS_POLICY).filter((r) => r.file === s.resource.file && !r.existing);
  if (inFile.length < min) return fine;
  const first = inFile.reduce((a, b) => (b.loc.line < a.loc.line || (b.loc.line === a.loc.line && b.loc.column < a.loc.column) ? b : a));
  if (first !== s.resource) return fine;
  let unknown = false;
  for (const r of [s.resource, ...companions(s, ctx)]) {
    const t = blocksLegacy(r.body);
    if (t === true) return fine;
    if (t === undefined) unknown = true;
  }
  return unknown ? unsure : violation({ path: s.path, missing: true, subject: s });
};

/** Named checks for the identity rules (see rules/). */
export const identityChecks: Record<string, NamedCheck> = {
  'kv-access-policy-excess': kvAccessPolicyExcess,
  'ca-admin-policy': caAdminPolicy,
  'ca-admin-without-mfa': caAdminWithoutMfa,
  'ca-admin-mfa-optional': caAdminMfaOptional,
  'ca-admin-no-sign-in-frequency': caAdminNoSignInFrequency,
  'ca-hollow-exclusions': caHollowExclusions,
  'ca-untrusted-location-exclusion': caUntrustedLocationExclusion,
  'ca-legacy-block-policy': caLegacyBlockPolicy,
  'ca-legacy-block-gaps': caLegacyBlockGaps,
  'ca-no-legacy-block': caNoLegacyBlock,
};
