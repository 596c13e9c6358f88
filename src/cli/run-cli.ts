import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { collectChanges, collectFullScan } from '../action/collect.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import { builtInRules } from '../engine/load-rules.js';
import { formatJson, formatText } from '../report/console.js';
import { toSarif } from '../report/sarif.js';
import type { FailOn } from '../report/verdict.js';
import { DEFAULT_BASELINE_PATH, makeBaseline } from '../policy/baseline.js';
import { loadPolicy } from '../policy/load.js';
import { runReview } from '../review.js';
import { DEFAULT_PATHS, globWorkspace, SECRET_PATHS } from '../workspace/select.js';
import { normalizeRelative, Workspace } from '../workspace/workspace.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { gitDiff } from './git-diff.js';
import type { Scope } from '../diff/classify.js';

export interface CliIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  colour: boolean;
}

export const EXIT_PASS = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const HELP = `${TOOL_NAME} ${VERSION} — security review of Azure infrastructure-as-code

Usage:
  ${TOOL_NAME} scan [paths...] [options]
  ${TOOL_NAME} baseline [paths...] [--config FILE] [--output FILE]

scan      Scans Bicep, ARM JSON, Terraform, Conditional Access policy JSON and GitHub
          workflow files under the given files or folders (default: the current
          folder) and reports what the security rules find.
baseline  Writes the fingerprints of today's findings to a baseline file (default
          .github/azure-security-audit-baseline.json). Name it in the config file
          (baseline: <path>) or pass --baseline, and those findings count as existing:
          only new ones fail.

Options:
  --diff BASE..HEAD   judge only what changed between two commits (git diff); the
                      rest of each deployment is still read for context
  --format FORMAT     text (default), json or sarif
  --output FILE       write the report to FILE instead of standard output
  --fail-on LEVEL     critical, high (default), medium, low or none
  --scope SCOPE       with --diff: changed-lines (default), changed-files or all
  --config FILE       configuration file (default .github/azure-security-audit.yml)
  --baseline FILE     treat the findings in this baseline file as existing
  -h, --help          show this help
  -v, --version       show the version

Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage or configuration error

Examples:
  ${TOOL_NAME} scan infra/
  ${TOOL_NAME} scan --diff origin/main...HEAD --format sarif --output audit.sarif
  ${TOOL_NAME} scan main.bicep --fail-on critical --format json
`;

function pick<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigurationError(`${name} takes one of ${allowed.join(', ')}; '${value}' is not one.`);
}

/** Run the CLI; returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    return await runCommand(argv, io);
  } catch (e) {
    if (e instanceof ConfigurationError) {
      io.stderr(`${TOOL_NAME}: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`${TOOL_NAME}: internal error: ${errorMessage(e)}. Please report it.\n`);
    return EXIT_USAGE;
  }
}

async function runCommand(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        diff: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string' },
        'fail-on': { type: 'string' },
        scope: { type: 'string' },
        config: { type: 'string' },
        baseline: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new ConfigurationError(`${errorMessage(e)}. See --help.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT_PASS;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_PASS;
  }
  const [command, ...paths] = positionals;
  if (command !== 'scan' && command !== 'baseline') {
    throw new ConfigurationError(command === undefined ? 'name a command: scan or baseline. See --help.' : `unknown command '${command}'; the commands are scan and baseline. See --help.`);
  }
  const format = pick('--format', values.format, ['text', 'json', 'sarif'] as const, 'text');
  const failOn = values['fail-on'] === undefined ? undefined : pick<FailOn>('--fail-on', values['fail-on'], ['critical', 'high', 'medium', 'low', 'none'], 'high');
  const scope = values.scope === undefined ? undefined : pick<Scope>('--scope', values.scope, ['changed-lines', 'changed-files', 'all'], 'changed-lines');

  const ws = new Workspace(io.cwd);
  const include: string[] = [];
  const secretFiles: string[] = [];
  for (const p of paths.length > 0 ? paths : ['.']) {
    const rel = normalizeRelative(p.startsWith('/') ? relativeToCwd(io.cwd, p) : p);
    if (rel === undefined) throw new ConfigurationError(`${p} is outside the current folder; run the CLI from a folder that contains it.`);
    let isDir: boolean;
    try {
      isDir = statSync(`${ws.root}/${rel}`).isDirectory();
    } catch {
      throw new ConfigurationError(`${p} does not exist.`);
    }
    if (isDir) {
      include.push(...DEFAULT_PATHS.map((g) => (rel === '' ? g : `${rel}/${g}`)));
      secretFiles.push(...SECRET_PATHS.map((g) => (rel === '' ? g : `${rel}/${g}`)));
    } else include.push(rel);
  }
  // Under review: the infrastructure files and the files that often hold secrets; context: infrastructure only.
  const reviewed = [...include, ...secretFiles];
  const allRules = builtInRules();
  const policy = loadPolicy(ws, new Set(allRules.map((r) => r.meta.id)), values.config, { path: values.baseline, read: command === 'scan' });
  const exclude = policy.config.exclude;
  let collected;
  if (values.diff !== undefined && command === 'scan') {
    const changed = gitDiff(io.cwd, values.diff);
    const files = [...changed].map(([path, lines]) => ({ path, status: 'modified' as const, lines }));
    collected = await collectChanges(ws, files, await globWorkspace(ws.root, include, exclude), reviewed, exclude, async (f) => ws.read(f.path));
  } else collected = collectFullScan(ws, await globWorkspace(ws.root, reviewed, exclude));

  const { result, rules, placed, diagnostics, verdict } = runReview({ ws, rules: allRules, policy, collected, scope, failOn });
  if (command === 'baseline') {
    const target = values.output ?? policy.config.baseline ?? DEFAULT_BASELINE_PATH;
    const baseline = makeBaseline(result.findings);
    try {
      mkdirSync(dirname(resolve(io.cwd, target)), { recursive: true });
      writeFileSync(resolve(io.cwd, target), JSON.stringify(baseline, null, 2) + '\n');
    } catch (e) {
      throw new ConfigurationError(`cannot write ${target}: ${errorMessage(e)}.`);
    }
    io.stdout(`Wrote ${baseline.findings.length} finding${baseline.findings.length === 1 ? '' : 's'} to ${target}.\n`);
    return EXIT_PASS;
  }
  // With --diff, report what is in scope; a full scan reports everything.
  const reported = placed.filter((p) => p.inScope || p.finding.suppression).map((p) => p.finding);
  let out: string;
  if (format === 'json') out = formatJson(reported, diagnostics);
  else if (format === 'sarif') out = JSON.stringify(toSarif(reported, rules, diagnostics, { category: TOOL_NAME }), null, 2) + '\n';
  else out = formatText(reported, diagnostics, io.colour && values.output === undefined, result.scanned.length);
  if (values.output !== undefined) {
    try {
      writeFileSync(values.output, out);
    } catch (e) {
      throw new ConfigurationError(`cannot write ${values.output}: ${errorMessage(e)}.`);
    }
  } else io.stdout(out);
  return verdict.result === 'fail' ? EXIT_FINDINGS : EXIT_PASS;
}

/** An absolute path as a path relative to the current folder (which may leave it, and is then refused). */
function relativeToCwd(cwd: string, abs: string): string {
  const c = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return abs === cwd ? '.' : abs.startsWith(c) ? abs.slice(c.length) : `../${abs}`;
}
