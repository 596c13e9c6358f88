/**
 * Runs every rule on its fixtures (rules/fixtures/<RULE-ID>/...) and demands exactly the annotated
 * findings: the rule on each `ruleid:` line, and nowhere else — it catches misses and false alarms alike.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadRules } from '../../src/engine/load-rules.js';
import { ruleFiles } from '../../src/engine/rule-files.js';
import { FRONT_ENDS, secretScanner } from '../../src/formats/index.js';
import { scan } from '../../src/pipeline.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { readExpectations } from './fixture-annotations.js';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseConfigText } from '../../src/policy/config.js';
import type { RuleSettings } from '../../src/engine/conditions.js';

const rules = loadRules(ruleFiles());
/** A fixture folder may hold the team settings its rule reads (trusted locations, management ranges). */
const CONFIG = 'azure-security-audit.yml';

/** The settings of the nearest azure-security-audit.yml between the fixture and its rule folder. */
function settingsFor(folder: string, fixture: string): RuleSettings | undefined {
  for (let dir = dirname(join(folder, fixture)); dir.startsWith(folder); dir = dirname(dir)) {
    const path = join(dir, CONFIG);
    if (existsSync(path)) {
      const c = parseConfigText(readFileSync(path, 'utf8'), path, new Set(rules.map((r) => r.meta.id)));
      return { managementSourceRanges: c.managementSourceRanges, trustedLocations: c.trustedLocations };
    }
    if (dir === folder) break;
  }
  return undefined;
}
const root = 'rules/fixtures';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const cases = readdirSync(root).flatMap((ruleId) =>
  walk(join(root, ruleId))
    .filter((p) => !p.split('/').includes('lib') && !p.endsWith(CONFIG) && !/\.parameters\.|\.bicepparam$|\.tfvars$/.test(p))
    .map((p) => [ruleId, relative(join(root, ruleId), p)] as const),
);

describe.each(cases)('%s on %s', (ruleId, fixture) => {
  test('flags exactly the annotated lines', () => {
    const folder = join(root, ruleId);
    const text = readFileSync(join(folder, fixture), 'utf8');
    const expectations = readExpectations(text);
    const ids = new Set([ruleId, ...expectations.map((e) => e.ruleId)]);
    const ws = new Workspace(folder);
    const result = scan({ files: [{ path: fixture, text }], context: ws, frontEnds: FRONT_ENDS, textScanners: [secretScanner], rules: rules.filter((r) => ids.has(r.meta.id)), settings: settingsFor(folder, fixture) });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const id of ids) {
      const expected = expectations.filter((e) => e.ruleId === id && e.kind === 'ruleid').map((e) => e.line).sort((a, b) => a - b);
      // A line is flagged or not (an expanded loop may flag one line once per item).
      const found = [...new Set(result.findings.filter((f) => f.ruleId === id && f.location.file === fixture).map((f) => f.location.line))].sort((a, b) => a - b);
      expect({ rule: id, lines: found }).toEqual({ rule: id, lines: expected });
    }
  });
});
