import { azureLoginSteps, workflowFrontEnd as fe } from '../../src/formats/workflow/index.js';
import { plainLocation, type Location } from '../../src/model/location.js';
import { GITHUB_WORKFLOW } from '../../src/model/resource.js';
import { getPath, getPropertyAt, toPlain } from '../../src/model/value.js';
import { deployWorkflow, noFiles, perJobPermissions } from './fixtures.js';

const FILE = '.github/workflows/deploy.yml';
const at = (l: Location | undefined) => (l ? plainLocation(l) : undefined);
const span = (line: number, column: number, endLine: number, endColumn: number, file = FILE): Location => ({ file, line, column, endLine, endColumn });
const parse = (text: string, path = FILE) => fe.parse({ path, text }, noFiles);

describe('which files are workflows', () => {
  it('accepts YAML files directly in .github/workflows', () => {
    expect(fe.accepts('.github/workflows/deploy.yml', '')).toBe(true);
    expect(fe.accepts('.github/workflows/ci.yaml', '')).toBe(true);
    expect(fe.accepts('.github/workflows/Release.YML', '')).toBe(true);
  });

  it('passes over other YAML', () => {
    expect(fe.accepts('.github/dependabot.yml', 'version: 2')).toBe(false);
    expect(fe.accepts('.github/workflows/templates/job.yml', 'jobs: {}')).toBe(false);
    expect(fe.accepts('deploy/pipeline.yml', 'jobs: {}')).toBe(false);
    expect(fe.accepts('.github/workflows/README.md', '')).toBe(false);
  });
});

describe('a workflow resource', () => {
  const parsed = parse(deployWorkflow);
  const [wf] = parsed.resources;

  it('is one GitHub workflow resource named by its name:', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources).toHaveLength(1);
    expect(wf.type).toBe(GITHUB_WORKFLOW);
    expect(wf.format).toBe('workflow');
    expect(wf.key).toBe(`${FILE}#workflow`);
    expect(wf.name).toMatchObject({ kind: 'string', value: 'Deploy infrastructure' });
    expect(at(wf.name.loc)).toEqual(span(1, 7, 1, 28));
    expect(at(wf.loc)).toEqual(span(1, 1, 36, 39));
  });

  it('keeps the workflow as written, `on` included as a plain key', () => {
    expect(toPlain(getPath(wf.body, 'on')!)).toEqual({ push: { branches: ['main'] } });
    expect(getPath(wf.body, 'env.LOCATION')).toMatchObject({ value: 'westeurope' });
    expect(getPath(wf.body, 'jobs.legacy.runs-on')).toMatchObject({ value: 'ubuntu-latest' });
  });

  it('lets a rule see the secret passed to azure/login, with its location', () => {
    const creds = getPropertyAt(wf.body, 'jobs.legacy.steps.1.with.creds');
    expect(creds?.value).toMatchObject({ kind: 'string', value: '${{ secrets.AZURE_CREDENTIALS }}' });
    expect(at(creds?.keyLoc)).toEqual(span(18, 11, 18, 16));
    expect(at(creds?.value.loc)).toEqual(span(18, 18, 18, 50));
  });

  it('names a workflow without name: after its file', () => {
    const p = parse(perJobPermissions, '.github/workflows/ci.yaml');
    expect(p.resources[0].name).toMatchObject({ kind: 'string', value: 'ci.yaml' });
    expect(p.resources[0].key).toBe('.github/workflows/ci.yaml#workflow');
  });
});

describe('azureLoginSteps', () => {
  const [wf] = parse(deployWorkflow).resources;
  const steps = azureLoginSteps(wf);

  it('finds every azure/login step, whatever the case of the owner', () => {
    expect(steps.map((s) => [s.jobId, s.stepIndex, s.uses, s.ref])).toEqual([
      ['legacy', 1, 'azure/login@v2', 'v2'],
      ['oidc', 0, 'Azure/login@v2', 'v2'],
      ['locked', 0, 'azure/login@a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'],
    ]);
    expect(at(steps[0].usesLoc)).toEqual(span(16, 15, 16, 29));
    expect(at(steps[0].loc)).toEqual(span(15, 9, 18, 50));
  });

  it('tells a stored secret from OIDC by the inputs', () => {
    expect(steps.map((s) => s.auth)).toEqual(['secret', 'oidc', 'oidc']);
    expect(steps[0].withKeys).toEqual(['creds']);
    expect(steps[1].withKeys).toEqual(['client-id', 'tenant-id', 'subscription-id']);
    expect(steps[2].withKeys).toEqual(['client-id', 'tenant-id', 'allow-no-subscriptions']);
  });

  it('takes id-token from the workflow unless the job sets its own permissions', () => {
    expect(steps[0].idToken).toMatchObject({ level: 'write', setAt: 'workflow' });
    expect(at(steps[0].idToken.loc)).toEqual(span(6, 13, 6, 18));
    // The job's permissions replace the workflow's: contents only, so no id-token.
    expect(steps[2].idToken).toMatchObject({ level: 'none', setAt: 'job' });
    expect(at(steps[2].idToken.loc)).toEqual(span(30, 7, 30, 21));
  });

  it('reads job-level grants, write-all, managed identity and the default', () => {
    const [other] = parse(perJobPermissions, '.github/workflows/ci.yaml').resources;
    const s = azureLoginSteps(other);
    expect(s.map((x) => [x.jobId, x.auth, x.idToken.level, x.idToken.setAt])).toEqual([
      ['plain', 'oidc', 'none', 'default'],
      ['granted', 'oidc', 'write', 'job'],
      ['everything', 'identity', 'write', 'job'],
    ]);
    expect(s[0].idToken.loc).toBeUndefined();
    expect(at(s[1].idToken.loc)).toEqual(span(11, 17, 11, 22, '.github/workflows/ci.yaml'));
    expect(at(s[2].idToken.loc)).toEqual(span(17, 18, 17, 27, '.github/workflows/ci.yaml'));
  });

  it('reads read-all and expressions it cannot judge', () => {
    const text = (perms: string) => `permissions: ${perms}\non: push\njobs:\n  a:\n    steps:\n      - uses: azure/login@v2\n        with: { creds: x }\n`;
    expect(azureLoginSteps(parse(text('read-all')).resources[0])[0].idToken).toMatchObject({ level: 'read', setAt: 'workflow' });
    expect(azureLoginSteps(parse(text('{}')).resources[0])[0].idToken).toMatchObject({ level: 'none', setAt: 'workflow' });
    expect(azureLoginSteps(parse(text('{ id-token: "${{ inputs.p }}" }')).resources[0])[0].idToken).toMatchObject({ level: 'unknown' });
  });

  it('ignores other actions, reusable-workflow jobs and steps without uses', () => {
    const text = 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n  b:\n    steps:\n      - run: az login\n      - uses: azure/login-helper@v1\n      - uses: azure/cli@v2\n';
    expect(azureLoginSteps(parse(text).resources[0])).toEqual([]);
  });
});
