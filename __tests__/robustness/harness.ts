/**
 * Shared pieces of the hostile-input tests: a seeded random source, the rule fixtures as a corpus, and one
 * whole-pipeline scan that reports every broken promise (a throw, a front-end crash, a location outside the
 * file, a slow file) as a sentence instead of failing on the first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtInRules } from '../../src/engine/load-rules.js';
import { RuleIndex } from '../../src/engine/evaluate.js';
import { FRONT_ENDS, secretScanner } from '../../src/formats/index.js';
import { LineIndex, type Location } from '../../src/model/location.js';
import type { ParseContext } from '../../src/model/resource.js';
import { scan, type ScanResult } from '../../src/pipeline.js';

/** A deterministic random source (mulberry32): the same seed gives the same mutations on every machine. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One rule fixture: the file, and the folder it sits in (its modules and parameter files). */
export interface Fixture {
  /** e.g. AZSEC-KV-001 */
  folder: string;
  /** Path inside the folder, with `/`. */
  path: string;
  text: string;
  /** Every file of the folder, by path inside the folder. */
  siblings: Record<string, string>;
}

const FIXTURES_ROOT = 'rules/fixtures';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every file under rules/fixtures, sorted so that iteration (and the seeds tied to it) never changes. */
export function ruleFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const folder of readdirSync(FIXTURES_ROOT).sort()) {
    const dir = join(FIXTURES_ROOT, folder);
    const siblings: Record<string, string> = {};
    for (const p of walk(dir).sort()) siblings[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    for (const path of Object.keys(siblings)) out.push({ folder, path, text: siblings[path], siblings });
  }
  return out;
}

/** A ParseContext over an in-memory folder. */
export function memoryContext(files: Record<string, string>): ParseContext {
  return {
    readFile: (p) => files[p],
    listFiles: (dir) => Object.keys(files).filter((f) => (f.lastIndexOf('/') < 0 ? '' : f.slice(0, f.lastIndexOf('/'))) === dir),
  };
}

const RULES = new RuleIndex(builtInRules());

/** Generous: a file of the corpus takes milliseconds; 2 s means a hang or a quadratic pass. */
export const FILE_BUDGET_MS = 2000;

export interface Outcome {
  result?: ScanResult;
  ms: number;
  /** Broken promises, each a sentence naming the input; empty when the scan behaved. */
  problems: string[];
}

/**
 * Scan `text` as `path` through the whole pipeline (every front end, the secret scanner, every built-in
 * rule), with `siblings` as the rest of the workspace, and check what a user relies on.
 */
export function scanChecked(label: string, path: string, text: string, siblings: Record<string, string> = {}): Outcome {
  const files = { ...siblings, [path]: text };
  const problems: string[] = [];
  const t0 = performance.now();
  let result: ScanResult | undefined;
  try {
    result = scan({ files: [{ path, text }], context: memoryContext(files), frontEnds: FRONT_ENDS, textScanners: [secretScanner], rules: RULES });
  } catch (e) {
    problems.push(`${label}: scan threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  const ms = performance.now() - t0;
  if (ms > FILE_BUDGET_MS) problems.push(`${label}: took ${Math.round(ms)} ms (budget ${FILE_BUDGET_MS} ms)`);
  if (!result) return { ms, problems };

  const indexes = new Map<string, LineIndex>();
  const lineCount = (file: string): number | undefined => {
    if (!indexes.has(file)) {
      const t = files[file];
      if (t === undefined) return undefined;
      indexes.set(file, new LineIndex(t));
    }
    return indexes.get(file)!.lineCount;
  };
  const checkLocation = (what: string, loc: Location): void => {
    const lines = lineCount(loc.file);
    const at = `${loc.file}:${loc.line}:${loc.column}-${loc.endLine}:${loc.endColumn}`;
    if (lines === undefined) problems.push(`${label}: ${what} points at ${at}, a file that is not in the workspace`);
    else if (!(loc.line >= 1 && loc.line <= lines && loc.column >= 1)) problems.push(`${label}: ${what} at ${at} is outside the file (${lines} lines)`);
    else if (!(loc.endLine >= loc.line && loc.endLine <= lines && (loc.endLine > loc.line || loc.endColumn >= loc.column))) problems.push(`${label}: ${what} at ${at} ends before it starts or after the file (${lines} lines)`);
  };
  for (const d of result.diagnostics) {
    checkLocation(`diagnostic ${d.code}`, d.location);
    // The pipeline turns a front end's exception into this diagnostic: for us it is still a crash.
    if (d.code === 'INTERNAL') problems.push(`${label}: a front end crashed: ${d.message}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`${label}: diagnostic ${d.code} has no message`);
  }
  for (const f of result.findings) {
    checkLocation(`finding ${f.ruleId}`, f.location);
    for (const r of f.related) checkLocation(`related location of ${f.ruleId}`, r.location);
    if (f.fix) checkLocation(`fix of ${f.ruleId}`, f.fix.location);
  }
  return { result, ms, problems };
}
