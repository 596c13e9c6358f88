import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeWorkspace } from '../support/run-action.js';
import { HEADER, lineOf, vault } from '../e2e/fixtures.js';

const CLI = resolve('dist/cli.js');

function cli(args: string[], cwd = process.cwd()): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('azure-security-audit CLI', () => {
  test('--help explains the command, its options and exit codes', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('azure-security-audit scan [paths...] [options]');
    expect(r.stdout).toMatch(/--diff BASE\.\.HEAD/);
    expect(r.stdout).toMatch(/2 {2}usage or configuration error/);
  });

  test('scanning the shipped examples finds the insecure template and exits 1', () => {
    const r = cli(['scan', 'examples']);
    expect(r.code).toBe(1);
    const text = readFileSync('examples/insecure/main.bicep', 'utf8');
    expect(r.stdout).toContain(`examples/insecure/main.bicep:${lineOf(text, 'enableRbacAuthorization: enableRbac')}:5  CRITICAL  AZSEC-KV-001  Key Vault 'kv-example-insecure'`);
    expect(r.stdout).not.toContain('examples/secure/');
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('examples/'));
    expect(r.stdout).toContain(`${lines.length} findings (`);
    expect(r.stdout).toMatch(/ in 2 files\.$/m);
    expect(lines.map((l) => l.split(/\s{2,}/)[2])).toEqual(expect.arrayContaining(['AZSEC-KV-001', 'AZSEC-KV-002', 'AZSEC-NSG-001', 'AZSEC-SEC-001']));
    expect(r.stdout).not.toContain('Zm9vYmFy'); // the planted storage key is shown redacted
  });

  test('--format json prints findings and diagnostics with relative paths', () => {
    const ws = makeWorkspace({ 'infra/main.bicep': HEADER + vault('kv-json', 'false'), 'infra/broken.bicep': "resource x 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'x'\n" });
    const r = cli(['scan', 'infra', '--format', 'json'], ws);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Record<string, unknown>[]; diagnostics: { file: string; line: number; message: string }[] };
    expect(out.findings.filter((f) => f.file === 'infra/main.bicep')).toEqual([
      expect.objectContaining({ ruleId: 'AZSEC-KV-001', severity: 'CRITICAL', file: 'infra/main.bicep', line: lineOf(HEADER + vault('kv-json', 'false'), 'enableRbacAuthorization'), column: 5 }),
    ]);
    expect(Object.keys(out.findings[0])).toEqual(expect.arrayContaining(['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message']));
    expect(out.diagnostics[0]).toEqual(expect.objectContaining({ file: 'infra/broken.bicep' }));
    expect(out.diagnostics[0].message).toMatch(/expected '}'/);
  });

  test('--fail-on none passes; --output writes the report to a file', () => {
    const ws = makeWorkspace({ 'main.bicep': HEADER + vault('kv-out', 'false') });
    const r = cli(['scan', '--fail-on', 'none', '--format', 'sarif', '--output', 'out.sarif'], ws);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(join(ws, 'out.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(1);
  });

  test('--diff judges only the lines a commit range changed', () => {
    const before = HEADER + vault('kv-old', 'false');
    const ws = makeWorkspace({ 'main.bicep': before });
    const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...a], { cwd: ws, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    const after = before + '\n' + vault('kv-new', 'false');
    writeFileSync(join(ws, 'main.bicep'), after);
    git('commit', '-qam', 'head');
    const r = cli(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], ws);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: { line: number; message: string }[] };
    expect(out.findings.map((f) => f.line)).toEqual([lineOf(after, 'enableRbacAuthorization', 2)]);
    expect(out.findings[0].message).toContain("'kv-new'");
  });

  test('usage errors exit 2 with a sentence that says what to do', () => {
    expect(cli(['scan', '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining("--format takes one of text, json, sarif; 'xml' is not one.") });
    expect(cli(['lint'])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command 'lint'") });
    expect(cli(['scan', '--bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--bogus') });
    expect(cli(['scan', '../outside'])).toMatchObject({ code: 2, stderr: expect.stringContaining('outside the current folder') });
    expect(cli(['scan', 'no-such-dir'])).toMatchObject({ code: 2, stderr: expect.stringContaining('no-such-dir does not exist') });
    const ws = makeWorkspace({ 'main.bicep': HEADER });
    expect(cli(['scan', '--diff', 'HEAD~1..HEAD'], ws)).toMatchObject({ code: 2, stderr: expect.stringContaining('git diff HEAD~1..HEAD failed') });
  });
});

describe('CLI configuration and baseline', () => {
  test('baseline writes today\'s findings; a scan with it passes until something new appears', () => {
    const text = HEADER + vault('kv-legacy', 'false');
    const ws = makeWorkspace({ 'main.bicep': text });
    const b = cli(['baseline'], ws);
    expect(b).toMatchObject({ code: 0, stdout: 'Wrote 1 finding to .github/azure-security-audit-baseline.json.\n' });
    expect(cli(['scan', '--baseline', '.github/azure-security-audit-baseline.json'], ws).code).toBe(0);
    writeFileSync(join(ws, 'main.bicep'), text + '\n' + vault('kv-fresh', 'false'));
    const r = cli(['scan', '--baseline', '.github/azure-security-audit-baseline.json', '--format', 'json'], ws);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: { message: string }[] }).findings.map((f) => f.message.includes('kv-fresh'))).toEqual([false, true]);
  });

  test('a broken configuration file exits 2 and names the file, line and key', () => {
    const ws = makeWorkspace({ 'main.bicep': HEADER, '.github/azure-security-audit.yml': 'fail-on: high\nrulez: {}\n' });
    expect(cli(['scan'], ws)).toMatchObject({ code: 2, stderr: "azure-security-audit: .github/azure-security-audit.yml:2:1: 'rulez' is not a known key. See the configuration section of the README.\n" });
    expect(cli(['scan', '--config', 'missing.yml'], ws)).toMatchObject({ code: 2, stderr: expect.stringContaining('The configuration file missing.yml cannot be read') });
  });

  test('the config file can set fail-on; the flag wins over it', () => {
    const ws = makeWorkspace({ 'main.bicep': HEADER + vault('kv-cfg', 'false'), '.github/azure-security-audit.yml': 'fail-on: none\n' });
    expect(cli(['scan'], ws).code).toBe(0);
    expect(cli(['scan', '--fail-on', 'critical'], ws).code).toBe(1);
  });
});
