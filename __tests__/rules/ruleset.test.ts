/** Tests of the rule set itself: schema, names, ids, fixtures, and clear errors for broken rule files. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../../src/errors.js';
import { loadRules } from '../../src/engine/load-rules.js';
import { ruleFiles } from '../../src/engine/rule-files.js';
import { readExpectations } from './fixture-annotations.js';

const files = ruleFiles();
const rules = loadRules(files);

test('every rule file loads, is named after its id, and ids are unique', () => {
  expect(rules.length).toBe(files.length);
  expect(rules.length).toBeGreaterThan(0);
  for (const r of rules) expect(r.meta.file).toBe(`rules/${r.meta.id}.yaml`);
  expect(new Set(rules.map((r) => r.meta.id)).size).toBe(rules.length);
});

test('every rule has fixtures with at least one flagged and one clean case', () => {
  for (const r of rules) {
    const dir = join('rules/fixtures', r.meta.id);
    expect({ rule: r.meta.id, hasFixtures: existsSync(dir) }).toEqual({ rule: r.meta.id, hasFixtures: true });
    const all = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((f) => join(dir, f))
      .filter((f) => /\.(bicep|json|jsonc|tf|ya?ml)$/.test(f))
      .flatMap((f) => readExpectations(readFileSync(f, 'utf8')))
      .filter((e) => e.ruleId === r.meta.id);
    expect({ rule: r.meta.id, flagged: all.some((e) => e.kind === 'ruleid'), clean: all.some((e) => e.kind === 'ok') }).toEqual({ rule: r.meta.id, flagged: true, clean: true });
  }
});

test('the generated rule index is current', () => {
  const index = readFileSync('rules/README.md', 'utf8');
  for (const r of rules) expect(index).toContain(`| ${r.meta.id} |`);
});

describe('a broken rule file is a configuration error naming its file, line and field', () => {
  const good = readFileSync('rules/AZSEC-KV-001.yaml', 'utf8');
  const load = (text: string, path = 'rules/AZSEC-KV-001.yaml') => () => loadRules([{ path, text }]);

  test('an unknown key', () => {
    const text = good.replace('precision: very-high', 'precision: very-high\nconfidence: high');
    expect(load(text)).toThrow(ConfigurationError);
    expect(load(text)).toThrow(/^rules\/AZSEC-KV-001\.yaml:\d+:1: 'confidence' is not a known key\.$/);
  });

  test('a wrong severity', () => {
    expect(load(good.replace('severity: CRITICAL', 'severity: SEVERE'))).toThrow(/AZSEC-KV-001\.yaml:3:11: 'severity' must be one of "CRITICAL", "HIGH", "MEDIUM", "LOW"/);
  });

  test('an id that does not match the file name', () => {
    expect(load(good, 'rules/AZSEC-KV-009.yaml')).toThrow("rules/AZSEC-KV-009.yaml: 'id' is AZSEC-KV-001 but the file is named AZSEC-KV-009.yaml; name the file after the id.");
  });

  test('a condition with two operators, and an unknown named check', () => {
    expect(load(good.replace('    equals: true', '    equals: true\n    exists: true'))).toThrow(/'check.require' must have exactly one operator beside 'path', found equals, exists/);
    expect(load(good.replace(/require:\n[\s\S]*?equals: true/, 'require:\n    check: no-such-check'))).toThrow(/names 'no-such-check', which is not a known check/);
  });

  test('a YAML syntax error', () => {
    expect(load('id: [unclosed\n')).toThrow(/^rules\/AZSEC-KV-001\.yaml:\d+:\d+: /);
  });

  test('a reused id', () => {
    expect(() => loadRules([{ path: 'rules/AZSEC-KV-001.yaml', text: good }, { path: 'rules/AZSEC-KV-001.yaml', text: good }])).toThrow(/already used/);
  });
});
