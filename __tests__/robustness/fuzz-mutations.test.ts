/**
 * Cross-format fuzzing through the whole pipeline: every rule fixture (Bicep, ARM JSON, Terraform, Conditional
 * Access JSON, workflow YAML, parameter and .env files), broken in every way of ./mutations.ts with a fixed
 * seed, must still scan: no exception, no front-end crash, every location inside the file, each file in
 * bounded time. A failure names the fixture, the mutation and the seed, so it can be replayed.
 */
import { ruleFixtures, scanChecked, seeded, type Fixture } from './harness.js';
import { MUTATIONS } from './mutations.js';

const fixtures = ruleFixtures();
const names = Object.keys(MUTATIONS);

/** Rounds per fixture and mutation, and stacked mutations per fixture: ~5,200 scans, about 15 s here. */
const ROUNDS = 2;
const STACKED = 6;

function formatOf(f: Fixture): string {
  if (f.path.includes('.github/workflows/')) return 'workflow';
  return f.path.slice(f.path.lastIndexOf('.') + 1);
}

const byFormat = new Map<string, Fixture[]>();
for (const f of fixtures) byFormat.set(formatOf(f), [...(byFormat.get(formatOf(f)) ?? []), f]);

test('the corpus covers every format we read', () => {
  expect([...byFormat.keys()].sort()).toEqual(['bicep', 'env', 'json', 'tf', 'workflow', 'yml']);
  expect(fixtures.length).toBeGreaterThan(100);
  // The unmutated corpus itself scans cleanly: the checks below are about the mutations, not the fixtures.
  const problems = fixtures.flatMap((f) => scanChecked(`${f.folder}/${f.path}`, f.path, f.text, f.siblings).problems);
  expect(problems).toEqual([]);
});

describe.each([...byFormat.keys()].sort())('%s fixtures, mutated', (format) => {
  test('every mutation scans without a throw, a crash, a stray location or a slow file', () => {
    const problems: string[] = [];
    let scans = 0;
    let slowest = 0;
    let diagnosed = 0;
    for (const f of byFormat.get(format)!) {
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, name] of names.entries()) {
          const seed = round * 1000 + i;
          const text = MUTATIONS[name](f.text, seeded(seed));
          const o = scanChecked(`${f.folder}/${f.path} [${name}, seed ${seed}]`, f.path, text, f.siblings);
          problems.push(...o.problems);
          slowest = Math.max(slowest, o.ms);
          if (o.result?.diagnostics.some((d) => d.severity === 'error')) diagnosed++;
          scans++;
        }
      }
      for (let k = 0; k < STACKED; k++) {
        // Several mutations in a row: a truncated file with flipped bytes and CRLF line ends, and so on.
        const seed = 50_000 + k;
        const rand = seeded(seed);
        let text = f.text;
        const applied: string[] = [];
        for (let j = 0; j < 3; j++) {
          const name = names[Math.floor(rand() * names.length)];
          text = MUTATIONS[name](text, rand);
          applied.push(name);
        }
        const o = scanChecked(`${f.folder}/${f.path} [${applied.join(' + ')}, seed ${seed}]`, f.path, text, f.siblings);
        problems.push(...o.problems);
        slowest = Math.max(slowest, o.ms);
        scans++;
      }
    }
    expect(problems).toEqual([]);
    expect(scans).toBe(byFormat.get(format)!.length * (ROUNDS * names.length + STACKED));
    expect(slowest).toBeLessThan(2000);
    // Not a vacuous loop: for the formats we parse, many mutations really do break the file and are reported.
    if (['bicep', 'json', 'tf', 'workflow'].includes(format)) expect(diagnosed).toBeGreaterThan(scans / 10);
  });
});
