import { ConfigurationError } from '../../src/errors.js';
import { mergeConfigs, parseConfigText } from '../../src/policy/config.js';
import { readLessons } from '../../src/policy/lessons.js';

const known = new Set(['AZSEC-KV-001', 'AZSEC-KV-002']);

describe('configuration file', () => {
  test('reads every key', () => {
    const text = [
      'fail-on: critical',
      'scope: changed-files',
      'exclude: [legacy/**]',
      'rules:',
      '  AZSEC-KV-001: off',
      '  AZSEC-KV-002: { severity: medium }',
      'management-source-ranges: [10.0.1.0/24]',
      'trusted-locations: [AllTrusted]',
      'exceptions:',
      '  - rule: AZSEC-KV-002',
      '    path: web/**',
      '    reason: the web tier still uses access policies; migration tracked in OPS-7',
      '    expires: 2027-03-31',
      'baseline: .github/baseline.json',
    ].join('\n');
    const c = parseConfigText(text, '.github/azure-security-audit.yml', known);
    expect(c.failOn).toBe('critical');
    expect(c.scope).toBe('changed-files');
    expect(c.exclude).toEqual(['legacy/**']);
    expect([...c.rules]).toEqual([
      ['AZSEC-KV-001', { enabled: false }],
      ['AZSEC-KV-002', { enabled: undefined, severity: 'MEDIUM' }],
    ]);
    expect(c.managementSourceRanges).toEqual(['10.0.1.0/24']);
    expect(c.exceptions).toEqual([
      expect.objectContaining({ rule: 'AZSEC-KV-002', path: 'web/**', expires: '2027-03-31', location: expect.objectContaining({ line: 10 }) }),
    ]);
    expect(c.baseline).toBe('.github/baseline.json');
  });

  test.each([
    ['an unknown key', 'fail-on: high\nfial-on: low\n', /^cfg\.yml:2:1: 'fial-on' is not a known key\./],
    ['a wrong type', 'exclude: legacy/**\n', /^cfg\.yml:1:1: 'exclude' must be array\./],
    ['a wrong value', 'scope: everything\n', /^cfg\.yml:1:1: 'scope' must be one of "changed-lines", "changed-files", "all"\./],
    ['a rule that does not exist', 'rules:\n  AZSEC-KV-999: off\n', /^cfg\.yml:2:3: 'rules\.AZSEC-KV-999' is not a rule of this version/],
    ['a malformed rule id', 'rules:\n  kv-1: off\n', /^cfg\.yml:2:3: 'rules\.kv-1' is not a rule id/],
    ['an exception without a reason', 'exceptions:\n  - rule: AZSEC-KV-001\n', /^cfg\.yml:2:5: 'exceptions\.0' must have the key 'reason'\./],
    ['broken YAML', 'rules: [unclosed\n', /^cfg\.yml:\d+:\d+: .*Fix the YAML\./],
  ])('%s is an error naming file, line and key', (_what, text, message) => {
    expect(() => parseConfigText(text, 'cfg.yml', known)).toThrow(ConfigurationError);
    expect(() => parseConfigText(text, 'cfg.yml', known)).toThrow(message);
  });

  test('hostile YAML (deep nesting, alias bombs) is an error, never a crash', () => {
    expect(() => parseConfigText('a: ' + '['.repeat(100_000), 'cfg.yml', known)).toThrow(ConfigurationError);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]', 'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]'].join('\n');
    expect(() => parseConfigText(bomb, 'cfg.yml', known)).toThrow(ConfigurationError);
  });

  test('an empty file is an empty configuration', () => {
    expect(parseConfigText('# nothing yet\n', 'cfg.yml', known).rules.size).toBe(0);
  });

  test('the config file wins over LESSONS.md for single values; lists add up', () => {
    const a = parseConfigText('fail-on: low\nexclude: [a/**]\n', 'LESSONS.md', known);
    const b = parseConfigText('fail-on: critical\nexclude: [b/**]\n', 'cfg.yml', known);
    const m = mergeConfigs(a, b);
    expect(m.failOn).toBe('critical');
    expect(m.exclude).toEqual(['a/**', 'b/**']);
  });
});

describe('LESSONS.md', () => {
  const lessons = [
    '# Lessons',
    '',
    '## Other tool',
    '- unrelated',
    '',
    '## Azure <!-- azure-security-audit -->',
    '',
    '- Our bastion subnet is 10.0.1.0/24; SSH from there is fine (AZSEC-NSG-001).',
    '- Diagnostic settings are deployed by the platform team,',
    '  so AZSEC-DIAG-001 findings in app repos are expected.',
    '',
    '```yaml',
    'management-source-ranges: [10.0.1.0/24]',
    'rules:',
    '  AZSEC-KV-002: medium',
    '```',
    '',
    '## Next section',
    '- not ours',
  ].join('\n');

  test('finds the tagged section, applies its yaml block and keeps its free-text lessons', () => {
    const l = readLessons(lessons, known);
    expect(l.line).toBe(6);
    expect(l.config.managementSourceRanges).toEqual(['10.0.1.0/24']);
    expect(l.config.rules.get('AZSEC-KV-002')).toEqual({ severity: 'MEDIUM' });
    expect(l.lessons).toEqual([
      { text: 'Our bastion subnet is 10.0.1.0/24; SSH from there is fine (AZSEC-NSG-001).', line: 8, rules: ['AZSEC-NSG-001'] },
      { text: 'Diagnostic settings are deployed by the platform team, so AZSEC-DIAG-001 findings in app repos are expected.', line: 9, rules: ['AZSEC-DIAG-001'] },
    ]);
  });

  test('also finds `## [azure-security-audit]` headings; a file without the tag has no lessons', () => {
    expect(readLessons('## [azure-security-audit]\nKeep vaults on RBAC.\n', known).lessons).toEqual([{ text: 'Keep vaults on RBAC.', line: 2, rules: [] }]);
    const none = readLessons('# Lessons\n- nothing for us\n', known);
    expect(none.lessons).toEqual([]);
    expect(none.line).toBeUndefined();
    expect(none.config.rules.size).toBe(0);
  });

  test('a mistake in its yaml block names LESSONS.md and the line in LESSONS.md', () => {
    const bad = lessons.replace('management-source-ranges: [10.0.1.0/24]', 'management-source-range: [10.0.1.0/24]');
    expect(() => readLessons(bad, known)).toThrow(/^LESSONS\.md:13:1: 'management-source-range' is not a known key\./);
    expect(() => readLessons('## azure-security-audit\n```yaml\nfail-on: high\n', known)).toThrow(/LESSONS\.md:2: the yaml block is not closed/);
  });
});
