import type { Collected } from './action/collect.js';
import type { Scope } from './diff/classify.js';
import type { Rule } from './engine/rule.js';
import { FRONT_ENDS, secretScanner } from './formats/index.js';
import type { Diagnostic } from './model/diagnostic.js';
import { scan, type ScanResult } from './pipeline.js';
import { applyPolicy, configureRules, today } from './policy/apply.js';
import { applyBaseline } from './policy/baseline.js';
import type { LoadedPolicy } from './policy/load.js';
import { placeFindings, type PlacedFinding } from './report/review-plan.js';
import { decideVerdict, type FailOn, type Verdict } from './report/verdict.js';
import type { Workspace } from './workspace/workspace.js';

export interface ReviewInput {
  ws: Workspace;
  rules: Rule[];
  policy: LoadedPolicy;
  collected: Collected;
  /** Undefined: take the config's, else the default. */
  scope?: Scope;
  failOn?: FailOn;
  now?: Date;
}

export interface Review {
  result: ScanResult;
  /** The rules as configured (disabled ones left out, severities overridden). */
  rules: Rule[];
  placed: PlacedFinding[];
  diagnostics: Diagnostic[];
  verdict: Verdict;
  scope: Scope;
  failOn: FailOn;
}

/** One review, shared by the action and the CLI: configure rules, scan, apply the policy, place and judge. */
export function runReview(input: ReviewInput): Review {
  const { config } = input.policy;
  const rules = configureRules(input.rules, config);
  const { collected } = input;
  const result = scan({ files: collected.files, contextFiles: collected.contextFiles, context: input.ws, frontEnds: FRONT_ENDS, textScanners: [secretScanner], rules, settings: { managementSourceRanges: config.managementSourceRanges, trustedLocations: config.trustedLocations } });
  const fullScan = collected.changes === undefined;
  const notices = applyPolicy(result.findings, result.parsed, config, new Set(result.scanned), today(input.now), fullScan);
  if (input.policy.baseline) applyBaseline(result.findings, input.policy.baseline);
  const scope: Scope = fullScan ? 'all' : (input.scope ?? config.scope ?? 'changed-lines');
  const failOn: FailOn = input.failOn ?? config.failOn ?? 'high';
  const placed = placeFindings(result.findings, collected.changes, scope);
  return { result, rules, placed, diagnostics: [...collected.diagnostics, ...result.diagnostics, ...notices], verdict: decideVerdict(placed, failOn), scope, failOn };
}
