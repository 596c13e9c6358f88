import * as core from '@actions/core';
import * as github from '@actions/github';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readInputs, type ActionInputs } from './action/inputs.js';
import { collectChanges, collectFullScan, type Collected } from './action/collect.js';
import { reportToPullRequest, WriteGuard, type PullRequestTarget } from './action/github-run.js';
import { ConfigurationError, errorMessage } from './errors.js';
import { builtInRules } from './engine/load-rules.js';
import { createClient, type GitHubClient } from './github/client.js';
import { uploadSarif } from './github/code-scanning.js';
import { apiMessage } from './github/errors.js';
import { listPullRequestFiles, readBlob, type Repo } from './github/pull-request.js';
import { selectAnnotations } from './report/annotations.js';
import { toSarif } from './report/sarif.js';
import { jobSummaryMarkdown, type Delivery, type RunReport } from './report/summary.js';
import { countBySeverity } from './report/verdict.js';
import { loadPolicy } from './policy/load.js';
import { runReview } from './review.js';
import { safeLogText, type Logger } from './util/logger.js';
import { globWorkspace, SECRET_PATHS } from './workspace/select.js';
import { Workspace } from './workspace/workspace.js';

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

const logger: Logger = {
  debug: (m) => core.debug(safeLogText(m)),
  info: (m) => core.info(safeLogText(m)),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
};

interface PullRequestEvent {
  number: number;
  headSha: string;
}

/** The pull request of the event, when the payload has what we need. */
function pullRequestOf(payload: Record<string, unknown>): PullRequestEvent | undefined {
  const pr = payload.pull_request as { number?: unknown; head?: { sha?: unknown } } | undefined;
  if (typeof pr?.number !== 'number' || typeof pr.head?.sha !== 'string') return undefined;
  return { number: pr.number, headSha: pr.head.sha };
}

function repoOf(): Repo | undefined {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  return owner && repo ? { owner, repo } : undefined;
}

function clientFor(inputs: ActionInputs): GitHubClient | undefined {
  if (inputs.token === '') return undefined;
  const unit = Number(process.env.AZURE_SECURITY_AUDIT_RETRY_UNIT_MS ?? '');
  return createClient({
    token: inputs.token,
    baseUrl: (process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    logger,
    retryUnitMs: Number.isFinite(unit) && unit > 0 ? unit : undefined,
    requestTimeoutMs: Number(process.env.AZURE_SECURITY_AUDIT_REQUEST_TIMEOUT_MS ?? '') || undefined,
    spaceWrites: process.env.AZURE_SECURITY_AUDIT_SPACE_WRITES !== 'false',
  });
}

/** One action run: inputs, files, findings, reporters, verdict. The one error boundary of the action. */
export async function run(): Promise<void> {
  try {
    await runAction();
  } catch (e) {
    if (e instanceof ConfigurationError) core.setFailed(e.message);
    else {
      core.setFailed(`azure-security-audit stopped on an internal error: ${errorMessage(e)}. Please report it with this log.`);
      if (e instanceof Error && e.stack) core.debug(e.stack);
    }
  }
}

async function runAction(): Promise<void> {
  const inputs = readInputs((n) => core.getInput(n), process.env);
  const allRules = builtInRules();
  const ws = new Workspace(process.env.GITHUB_WORKSPACE ?? process.cwd());
  const policy = loadPolicy(ws, new Set(allRules.map((r) => r.meta.id)), inputs.config);
  const exclude = [...inputs.exclude, ...policy.config.exclude];
  const eventName = github.context.eventName ?? process.env.GITHUB_EVENT_NAME ?? '';
  const payload = (github.context.payload ?? {}) as Record<string, unknown>;
  const repo = repoOf();
  const gh = clientFor(inputs);
  const delivery: Delivery = {
    inlinePosted: 0,
    alreadyCommented: 0,
    resolvedMarked: 0,
    stickyComment: inputs.comment === 'none' ? 'off' : 'not needed',
    sarifUpload: inputs.uploadSarif ? 'not for this event' : 'off',
    annotations: 0,
    annotationsOmitted: 0,
    notes: [],
  };

  // Files under review: `paths`, and the files that often hold secrets. The rest of each deployment is read
  // for context (`paths` only). The glob runs while the pull request's files are fetched.
  const reviewed = [...inputs.paths, ...SECRET_PATHS];
  const allPaths = globWorkspace(ws.root, inputs.paths, exclude);
  let pr: PullRequestTarget | undefined;
  let collected: Collected | undefined;
  if (PR_EVENTS.has(eventName)) {
    const event = pullRequestOf(payload);
    if (!event || !repo) delivery.notes.push('The event payload has no pull request number or head commit, so the whole workspace was scanned and judged.');
    else if (!gh) delivery.notes.push('No token was given, so the pull request could not be read: the whole workspace was scanned and judged.');
    else {
      const target = { repo, number: event.number, headSha: event.headSha };
      collected = await collectPullRequest(gh, target, ws, allPaths, reviewed, exclude, eventName === 'pull_request_target', delivery);
      // Without the pull request's diff no comment can be placed safely: then only the other reporters run.
      if (collected) pr = target;
    }
  }
  collected ??= collectFullScan(ws, await globWorkspace(ws.root, reviewed, exclude));

  const { result, rules, placed, diagnostics, verdict, scope, failOn } = runReview({ ws, rules: allRules, policy, collected, scope: inputs.scope, failOn: inputs.failOn });
  const changedPolicy = policy.files.filter((f) => collected.changes?.files.has(f));
  if (changedPolicy.length > 0) delivery.notes.push(`This pull request changes the audit's own settings (${changedPolicy.join(', ')}); review that change with care.`);
  const report: RunReport = {
    placed,
    diagnostics,
    rules,
    verdict,
    failOn,
    scope,
    lessons: policy.lessons.map((l) => l.text),
    scannedFiles: result.scanned.length,
    typesPresent: new Set(result.parsed.flatMap((p) => p.resources.map((r) => r.type.toLowerCase()))),
    delivery,
    pullRequest: collected.changes !== undefined,
  };
  for (const f of result.findings) logger.info(`${f.location.file}:${f.location.line}:${f.location.column} ${f.severity} ${f.ruleId} ${f.message}`);
  for (const d of diagnostics) logger.info(`${d.location.file}:${d.location.line}:${d.location.column} ${d.severity} ${d.code} ${d.message}`);

  // Each reporter stands alone: one that fails never stops the others.
  const sarifJson = JSON.stringify(toSarif(result.findings, rules, diagnostics, { category: inputs.category }), null, 2);
  const sarifPath = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), inputs.sarifFile);
  try {
    mkdirSync(dirname(sarifPath), { recursive: true });
    writeFileSync(sarifPath, sarifJson);
    delivery.sarifFile = sarifPath;
  } catch (e) {
    delivery.notes.push(`The SARIF file could not be written to ${inputs.sarifFile} (${errorMessage(e)}).`);
  }

  const guard = new WriteGuard(delivery, logger);
  if (gh && pr && inputs.comment !== 'none') {
    const texts = new Map([...collected.files, ...collected.contextFiles].map((f) => [f.path, f.text]));
    const lessonsFor = (ruleId: string): string[] => policy.lessons.filter((l) => l.rules.includes(ruleId)).map((l) => l.text);
    await reportToPullRequest(gh, pr, placed, report, rules, texts, { comment: inputs.comment, maxComments: inputs.maxComments, lessonsFor }, guard, logger);
  }
  if (gh && repo && inputs.uploadSarif) await uploadToCodeScanning(gh, repo, sarifJson, eventName, pr, delivery);

  standAlone('The annotations', () => emitAnnotations(report));
  standAlone('The step outputs', () => setOutputs(report, sarifPath));
  await writeJobSummary(report);
  if (verdict.result === 'fail') core.setFailed(verdict.message);
  else core.info(verdict.message);
}

async function collectPullRequest(
  gh: GitHubClient,
  pr: PullRequestTarget,
  ws: Workspace,
  allPaths: Promise<string[]>,
  include: string[],
  exclude: string[],
  fromApi: boolean,
  delivery: Delivery,
): Promise<Collected | undefined> {
  let listed;
  try {
    listed = await listPullRequestFiles(gh, pr.repo, pr.number);
  } catch (e) {
    delivery.notes.push(`The pull request's files could not be listed (${apiMessage(e)}), so the whole workspace was scanned and judged.`);
    return undefined;
  }
  if (listed.truncated) delivery.notes.push('GitHub lists at most 3,000 files of a pull request; files beyond that were not reviewed.');
  const maxBytes = ws.maxBytes;
  return collectChanges(ws, listed.files, await allPaths, include, exclude, async (f) => {
    if (!fromApi) return ws.read(f.path);
    // pull_request_target: the workspace holds the base branch; the head's files come through the API, never checked out.
    if (!f.sha) return { ok: false, reason: 'GitHub gave no blob for it' };
    try {
      const text = await readBlob(gh, pr.repo, f.sha, maxBytes);
      return text === undefined ? { ok: false, reason: `it is over the ${maxBytes}-byte limit` } : { ok: true, text };
    } catch (e) {
      return { ok: false, reason: `it could not be read from the pull request (${apiMessage(e)})` };
    }
  });
}

async function uploadToCodeScanning(gh: GitHubClient, repo: Repo, sarifJson: string, eventName: string, pr: PullRequestTarget | undefined, delivery: Delivery): Promise<void> {
  // pull_request: the merge commit and refs/pull/N/merge, as checked out. pull_request_target: the head.
  let sha = process.env.GITHUB_SHA ?? '';
  let ref = process.env.GITHUB_REF ?? '';
  if (eventName === 'pull_request_target' && pr) {
    sha = pr.headSha;
    ref = `refs/pull/${pr.number}/head`;
  }
  if (!/^[0-9a-f]{40}$/.test(sha) || !ref.startsWith('refs/')) {
    delivery.notes.push('The SARIF file was not uploaded: this run has no commit and ref to attach it to.');
    return;
  }
  try {
    await uploadSarif(gh, repo, sarifJson, sha, ref);
    delivery.sarifUpload = 'uploaded';
  } catch (e) {
    delivery.sarifUpload = 'failed';
    const note = `Code scanning refused the SARIF upload (${apiMessage(e)}). Check that code scanning is enabled for the repository and that the job has 'security-events: write'. The SARIF file is still written.`;
    delivery.notes.push(note);
    core.warning(note);
  }
}

/** Run one reporter; its failure is a warning, never the end of the run. */
function standAlone(what: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    core.warning(`${what} could not be written (${errorMessage(e)}).`);
  }
}

function emitAnnotations(report: RunReport): void {
  const { annotations, omitted } = selectAnnotations(report.placed);
  for (const a of annotations) {
    const props = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine, startColumn: a.startColumn, endColumn: a.endColumn };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
  report.delivery.annotations = annotations.length;
  report.delivery.annotationsOmitted = omitted;
}

function setOutputs(report: RunReport, sarifPath: string): void {
  const active = report.placed.filter((p) => !p.finding.suppression);
  const counts = countBySeverity(active.map((p) => p.finding));
  core.setOutput('findings', active.length);
  core.setOutput('new-findings', active.filter((p) => (p.place === 'added' || p.place === 'unpatched') && !p.finding.baseline).length);
  core.setOutput('critical', counts.CRITICAL);
  core.setOutput('high', counts.HIGH);
  core.setOutput('medium', counts.MEDIUM);
  core.setOutput('low', counts.LOW);
  core.setOutput('sarif-file', sarifPath);
  core.setOutput('result', report.verdict.result);
}

async function writeJobSummary(report: RunReport): Promise<void> {
  try {
    await core.summary.addRaw(jobSummaryMarkdown(report), true).write();
  } catch (e) {
    core.warning(`The job summary could not be written (${errorMessage(e)}).`);
  }
}

