/**
 * Runs the built action (dist/index.js) exactly as the runner does: environment variables for the event,
 * the inputs (INPUT_*), the workspace, the step summary and the output file; against a fake GitHub.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const DIST = resolve('dist/index.js');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: { level: string; file?: string; line?: number; title?: string; message: string }[];
  sarifPath: string;
  failed: boolean;
}

/** Write files into a fresh temporary workspace. */
export function makeWorkspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'azsec-ws-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The unified-diff patch GitHub would show for a file going from `before` (undefined: new file) to `after`. */
export function patchOf(before: string | undefined, after: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'azsec-diff-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  writeFileSync(a, before ?? '');
  writeFileSync(b, after);
  let out = '';
  try {
    out = execFileSync('git', ['diff', '--no-index', '--no-color', '-U3', a, b], { encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit code 1 means "different"
  }
  return out.slice(out.indexOf('@@')).replace(/\n$/, '');
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const list: ActionRun['annotations'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').trim().split(',')) {
      const i = kv.indexOf('=');
      if (i > 0) props[kv.slice(0, i)] = unescapeData(kv.slice(i + 1).replace(/%3A/g, ':').replace(/%2C/g, ','));
    }
    list.push({ level: m[1], file: props.file, line: props.line ? Number(props.line) : undefined, title: props.title, message: unescapeData(m[3]) });
  }
  return list;
}

export interface RunOptions {
  apiUrl: string;
  workspace: string;
  event: string;
  payload: object;
  repository?: string;
  sha?: string;
  ref?: string;
  inputs?: Record<string, string>;
  token?: string;
  env?: Record<string, string>;
}

/** Run dist/index.js as a GitHub Actions step would, and collect what it produced. */
export function runAction(o: RunOptions): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'azsec-runner-'));
  const eventPath = join(temp, 'event.json');
  const summaryPath = join(temp, 'summary.md');
  const outputPath = join(temp, 'output.txt');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  const inputs: Record<string, string> = { token: o.token ?? 'test-token', ...o.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: o.repository ?? 'octo/infra',
    GITHUB_SHA: o.sha ?? 'a'.repeat(40),
    GITHUB_REF: o.ref ?? 'refs/pull/7/merge',
    GITHUB_API_URL: o.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    RUNNER_TEMP: temp,
    AZURE_SECURITY_AUDIT_RETRY_UNIT_MS: '5',
    AZURE_SECURITY_AUDIT_SPACE_WRITES: 'false',
    AZURE_SECURITY_AUDIT_REQUEST_TIMEOUT_MS: '2000',
    ...o.env,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [DIST], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const outputs = parseOutputs(readFileSync(outputPath, 'utf8'));
      resolvePromise({
        code: code ?? -1,
        stdout,
        stderr,
        outputs,
        summary: readFileSync(summaryPath, 'utf8'),
        annotations: parseAnnotations(stdout),
        sarifPath: outputs['sarif-file'] ?? join(temp, 'azure-security-audit.sarif'),
        failed: code !== 0 || /^::error::/m.test(stdout),
      });
    });
  });
}

/** The SARIF log a run wrote. */
export function readSarif(run: ActionRun): { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] } {
  if (!existsSync(run.sarifPath)) throw new Error(`no SARIF at ${run.sarifPath}`);
  return JSON.parse(readFileSync(run.sarifPath, 'utf8'));
}
