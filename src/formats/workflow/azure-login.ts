/**
 * The `azure/login` steps of a workflow and how each signs in: with a stored service-principal secret
 * (`creds`), with OpenID Connect (`client-id` + `tenant-id`, which needs `id-token: write`), or with the
 * runner's managed identity. Rules use this to prefer OIDC over long-lived secrets.
 */
import type { Location } from '../../model/location.js';
import type { Resource } from '../../model/resource.js';
import { getProperty, type ObjectValue, type Value } from '../../model/value.js';

export type AzureLoginAuth = 'secret' | 'oidc' | 'identity' | 'none';

/** The `id-token` permission a job's steps actually get. */
export interface IdTokenPermission {
  /** `unknown` when the permissions value cannot be read (an expression, a typo). */
  level: 'write' | 'read' | 'none' | 'unknown';
  /** Which block decided it; `default` means no `permissions` anywhere, and the default token has no id-token. */
  setAt: 'job' | 'workflow' | 'default';
  /** The value that decided it (`write`, `write-all`, the `permissions` mapping); undefined for the default. */
  loc?: Location;
}

/** One `uses: azure/login@...` step. */
export interface AzureLoginStep {
  jobId: string;
  stepIndex: number;
  step: ObjectValue;
  /** The whole step. */
  loc: Location;
  /** The `uses` value as written and where. */
  uses: string;
  usesLoc: Location;
  /** What follows `@` (`v2`, a commit SHA), '' when missing. */
  ref: string;
  with?: ObjectValue;
  /** Input names under `with`, as written. */
  withKeys: string[];
  auth: AzureLoginAuth;
  idToken: IdTokenPermission;
}

const AZURE_LOGIN = /^azure\/login(?:@|$)/i;

/** Every azure/login step of a workflow resource, in job and step order, with its sign-in kind and effective id-token permission. */
export function azureLoginSteps(resource: Resource): AzureLoginStep[] {
  const out: AzureLoginStep[] = [];
  const jobs = getProperty(resource.body, 'jobs')?.value;
  if (jobs?.kind !== 'object') return out;
  const workflowPermissions = getProperty(resource.body, 'permissions')?.value;
  for (const jobProp of jobs.properties) {
    const job = jobProp.value;
    if (job.kind !== 'object') continue;
    const steps = getProperty(job, 'steps')?.value;
    if (steps?.kind !== 'array') continue;
    const idToken = effectiveIdToken(getProperty(job, 'permissions')?.value, workflowPermissions);
    steps.items.forEach((step, stepIndex) => {
      if (step.kind !== 'object') return;
      const uses = getProperty(step, 'uses')?.value;
      if (uses?.kind !== 'string') return;
      const written = (uses.value as string).trim();
      if (!AZURE_LOGIN.test(written)) return;
      const withValue = getProperty(step, 'with')?.value;
      const inputs = withValue?.kind === 'object' ? withValue : undefined;
      const at = written.indexOf('@');
      out.push({
        jobId: jobProp.key,
        stepIndex,
        step,
        loc: step.loc,
        uses: written,
        usesLoc: uses.loc,
        ref: at < 0 ? '' : written.slice(at + 1),
        with: inputs,
        withKeys: inputs ? inputs.properties.map((p) => p.key) : [],
        auth: signInKind(inputs),
        idToken,
      });
    });
  }
  return out;
}

/** The id-token permission for a job: its own `permissions` replace the workflow's entirely, as on GitHub. */
export function effectiveIdToken(jobPermissions: Value | undefined, workflowPermissions: Value | undefined): IdTokenPermission {
  if (jobPermissions !== undefined) return { ...readIdToken(jobPermissions), setAt: 'job' };
  if (workflowPermissions !== undefined) return { ...readIdToken(workflowPermissions), setAt: 'workflow' };
  return { level: 'none', setAt: 'default' };
}

function readIdToken(permissions: Value): Omit<IdTokenPermission, 'setAt'> {
  if (permissions.kind === 'string') {
    const all = (permissions.value as string).trim().toLowerCase();
    if (all === 'write-all') return { level: 'write', loc: permissions.loc };
    if (all === 'read-all') return { level: 'read', loc: permissions.loc };
    return { level: 'unknown', loc: permissions.loc };
  }
  if (permissions.kind === 'object') {
    // A permissions mapping grants nothing it does not name.
    const scope = getProperty(permissions, 'id-token')?.value;
    if (scope === undefined) return { level: 'none', loc: permissions.loc };
    const level = scope.kind === 'string' ? (scope.value as string).trim().toLowerCase() : '';
    return { level: level === 'write' || level === 'read' || level === 'none' ? level : 'unknown', loc: scope.loc };
  }
  // `permissions:` with nothing after it reads as null; treated like `{}`, which grants nothing.
  return { level: permissions.kind === 'null' ? 'none' : 'unknown', loc: permissions.loc };
}

function signInKind(inputs: ObjectValue | undefined): AzureLoginAuth {
  if (inputs === undefined) return 'none';
  if (getProperty(inputs, 'creds') !== undefined) return 'secret';
  const authType = getProperty(inputs, 'auth-type')?.value;
  if (authType?.kind === 'string' && (authType.value as string).trim().toUpperCase() === 'IDENTITY') return 'identity';
  if (getProperty(inputs, 'client-id') !== undefined && getProperty(inputs, 'tenant-id') !== undefined) return 'oidc';
  return 'none';
}
