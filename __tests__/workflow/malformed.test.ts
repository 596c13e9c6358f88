import { MAX_YAML_DEPTH, MAX_YAML_TOKENS } from '../../src/formats/yaml-value.js';
import { azureLoginSteps, workflowFrontEnd as fe } from '../../src/formats/workflow/index.js';
import { plainLocation } from '../../src/model/location.js';
import type { ParsedFile } from '../../src/model/resource.js';
import { getPath } from '../../src/model/value.js';
import { deployWorkflow, noFiles } from './fixtures.js';

const FILE = '.github/workflows/broken.yml';
const parse = (text: string): ParsedFile => fe.parse({ path: FILE, text }, noFiles);
const where = (p: ParsedFile, i = 0) => {
  const l = plainLocation(p.diagnostics[i].location);
  return [l.line, l.column];
};

describe('malformed workflows', () => {
  it('reports tab indentation with its location', () => {
    const p = parse('on: push\njobs:\n\tbuild:\n    runs-on: ubuntu-latest\n');
    expect(p.diagnostics[0]).toMatchObject({ code: 'YAML-SYNTAX', severity: 'error', message: 'Invalid YAML: Tabs are not allowed as indentation.' });
    expect(where(p)).toEqual([3, 1]);
  });

  it('reports an unclosed flow sequence where the next key starts', () => {
    const p = parse('on:\n  push:\n    branches: [main, dev\njobs: {}\n');
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0].message).toBe('Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].');
    expect(where(p)).toEqual([4, 1]);
  });

  it('reports a repeated key and keeps reading the rest', () => {
    const p = parse(deployWorkflow.replace('env:\n', 'env:\n  LOCATION: northeurope\n'));
    expect(p.diagnostics.map((d) => [d.code, d.message])).toEqual([['YAML-SYNTAX', 'Invalid YAML: Map keys must be unique.']]);
    expect(where(p)).toEqual([10, 3]);
    expect(azureLoginSteps(p.resources[0])).toHaveLength(3);
  });

  it('rejects a workflow that is a list', () => {
    const p = parse('- on: push\n- jobs: {}\n');
    expect(p.resources).toEqual([]);
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({ code: 'WORKFLOW-SHAPE', message: "A workflow must be a mapping with 'on' and 'jobs', but this file holds a list." });
    expect(where(p)).toEqual([1, 1]);
  });

  it('notes an empty file', () => {
    const p = parse('# nothing here yet\n');
    expect(p.resources).toEqual([]);
    expect(p.diagnostics.map((d) => [d.code, d.severity])).toEqual([['WORKFLOW-EMPTY', 'notice']]);
    expect(p.comments.map((c) => c.text)).toEqual(['# nothing here yet']);
  });

  it('checks only the first of several documents, and says so', () => {
    const p = parse('name: one\non: push\n---\nname: two\n');
    expect(p.resources.map((r) => r.name)).toMatchObject([{ value: 'one' }]);
    expect(p.diagnostics.map((d) => d.code)).toEqual(['WORKFLOW-SHAPE']);
    expect(where(p)).toEqual([4, 1]);
  });
});

describe('robustness', () => {
  it('survives every truncation of a workflow', () => {
    for (let n = 0; n <= deployWorkflow.length; n++) {
      const p = parse(deployWorkflow.slice(0, n));
      for (const r of p.resources) azureLoginSteps(r);
    }
  });

  it('survives random byte flips', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = ':-[]{}&*!|>\'"#%@`\t\n\r ,?\u0000\u00a0\ud800x';
    for (let round = 0; round < 400; round++) {
      const chars = deployWorkflow.split('');
      for (let k = 0; k < 1 + round % 6; k++) chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)];
      const p = parse(chars.join(''));
      for (const r of p.resources) azureLoginSteps(r);
      for (const d of p.diagnostics) expect(d.location.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses 100,000 nested flow sequences with a diagnostic', () => {
    const started = performance.now();
    const p = parse('['.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(p.resources).toEqual([]);
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({ code: 'YAML-DEPTH', message: `The YAML nests mappings and sequences more than ${MAX_YAML_DEPTH} levels deep; the file was not read.` });
    expect(where(p)).toEqual([1, MAX_YAML_DEPTH + 1]);
  });

  it('refuses 100,000 nested block sequences on one line', () => {
    const p = parse('- '.repeat(100_000) + 'x');
    expect(p.diagnostics.map((d) => d.code)).toEqual(['YAML-DEPTH']);
    expect(where(p)).toEqual([1, 2 * MAX_YAML_DEPTH + 1]);
  });

  it('refuses deeply indented mappings', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const p = parse(text);
    expect(p.diagnostics.map((d) => d.code)).toEqual(['YAML-DEPTH']);
    expect(where(p)).toEqual([MAX_YAML_DEPTH + 1, MAX_YAML_DEPTH + 1]);
  });

  it('refuses entries that the YAML parser would nest once per line', () => {
    // Without commas, each `a: 1` line opens one more level inside the parser.
    const p = parse('[' + 'a: 1\n'.repeat(10_000) + ']');
    expect(p.diagnostics.map((d) => d.code)).toEqual(['YAML-DEPTH']);
  });

  it('stops reading after too many tokens instead of exhausting memory', () => {
    const started = performance.now();
    const p = parse('[' + ','.repeat(10_000_000) + ']');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({ code: 'YAML-TOO-COMPLEX', message: `The YAML has more than ${MAX_YAML_TOKENS} tokens; the file was not read.` });
  });

  it('reports at most 20 syntax errors and how many more there were', () => {
    const p = parse('k: ' + '&a '.repeat(30) + 'x');
    expect(p.diagnostics).toHaveLength(21);
    expect(p.diagnostics[0].message).toBe('Invalid YAML: A node can have at most one anchor.');
    expect(p.diagnostics[20].message).toBe('9 more YAML syntax errors follow and are not listed.');
  });

  it('reads a 10 MB line', () => {
    const started = performance.now();
    const p = parse(`name: ${'x'.repeat(10_000_000)}\non: push\n`);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(p.diagnostics).toEqual([]);
    expect(plainLocation(getPath(p.resources[0].body, 'on')!.loc)).toMatchObject({ line: 2, column: 5 });
  });

  it('does not fail on NUL bytes', () => {
    const p = parse('name: a\u0000b\non: push\n\u0000: x\n');
    expect(p.resources).toHaveLength(1);
    expect(getPath(p.resources[0].body, 'name')).toMatchObject({ value: 'a\u0000b' });
  });

  it('reads past a byte-order mark, which counts as column 1 of line 1', () => {
    const p = parse('\uFEFF' + deployWorkflow);
    expect(p.diagnostics).toEqual([]);
    expect(plainLocation(p.resources[0].loc)).toMatchObject({ line: 1, column: 2 });
    expect(plainLocation(getPath(p.resources[0].body, 'jobs.legacy.steps.1.with.creds')!.loc)).toMatchObject({ line: 18, column: 18 });
  });

  it('counts CRLF lines like LF lines', () => {
    const p = parse(deployWorkflow.replace(/\n/g, '\r\n'));
    expect(p.diagnostics).toEqual([]);
    const steps = azureLoginSteps(p.resources[0]);
    expect(plainLocation(steps[0].usesLoc)).toEqual({ file: FILE, line: 16, column: 15, endLine: 16, endColumn: 29 });
    expect(plainLocation(p.resources[0].loc)).toMatchObject({ endLine: 36, endColumn: 39 });
  });
});
