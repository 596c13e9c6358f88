/**
 * The inputs a parser is most likely to die on, built from real rule fixtures of each format and run through
 * the whole pipeline: 100,000-deep nesting of every bracket each format has (closed and unclosed), a 10 MB
 * single line, a file of NUL bytes, and bytes that are not UTF-8 at all.
 */
import { ruleFixtures, scanChecked, type Fixture } from './harness.js';

const fixtures = ruleFixtures();
const DEEP = 100_000;
const TEN_MB = 10 * 1024 * 1024;

function fixture(folder: string, path: string): Fixture {
  const f = fixtures.find((x) => x.folder === folder && x.path === path);
  if (!f) throw new Error(`no fixture ${folder}/${path}`);
  return f;
}

/** The text with `insert` placed right after the first match of `after` (a value position of the format). */
function injectAfter(f: Fixture, after: RegExp, insert: string): string {
  const m = after.exec(f.text);
  if (!m) throw new Error(`${f.folder}/${f.path} has no ${after}`);
  const p = m.index + m[0].length;
  return f.text.slice(0, p) + insert + f.text.slice(p);
}

const nest = (open: string, inner: string, close: string, depth = DEEP): string => open.repeat(depth) + inner + close.repeat(depth);

interface Family {
  fixture: Fixture;
  /** Where a value may start. */
  after: RegExp;
  /** Nested values of the format's own syntax. */
  deep: Record<string, string>;
  /** A 10 MB value on one line. */
  long: string;
}

const families: Record<string, Family> = {
  bicep: {
    fixture: fixture('AZSEC-KV-001', 'vaults.bicep'),
    after: /name: /,
    deep: {
      arrays: nest('[', "'x'", ']'),
      objects: nest('{a:', '1', '}'),
      parentheses: nest('(', '1', ')'),
      'function calls': nest('concat(', "'x'", ')'),
      interpolations: nest("'${", "'x'", "}'"),
      'unclosed arrays': '['.repeat(DEEP),
      'unclosed interpolations': "'${".repeat(DEEP),
      'unary operators': `${'!'.repeat(DEEP)}true`,
    },
    long: `'${'a'.repeat(TEN_MB)}'`,
  },
  'ARM JSON': {
    fixture: fixture('AZSEC-KV-001', 'vaults.json'),
    after: /"name": /,
    deep: {
      arrays: nest('[', '1', ']'),
      objects: nest('{"a":', '1', '}'),
      'template expression calls': `"[${nest('concat(', "'x'", ')')}]"`,
      'template expression brackets': `"[${nest("parameters('a')[", '0', ']')}]"`,
      'unclosed arrays': '['.repeat(DEEP),
      'unclosed expression': `"[${'concat('.repeat(DEEP)}"`,
    },
    long: `"[concat('${'a'.repeat(TEN_MB)}')]"`,
  },
  Terraform: {
    fixture: fixture('AZSEC-KV-001', 'vaults.tf'),
    after: /type = /,
    deep: {
      tuples: nest('[', '1', ']'),
      objects: nest('{a=', '1', '}'),
      parentheses: nest('(', '1', ')'),
      interpolations: nest('"${', '1', '}"'),
      'template directives': nest('"%{if true}', 'x', '%{endif}"', DEEP / 10),
      'function calls': nest('concat(', '[]', ')'),
      'unclosed interpolations': '"${'.repeat(DEEP),
      'unclosed blocks': 'x {\n'.repeat(DEEP),
    },
    long: `"${'a'.repeat(TEN_MB)}"`,
  },
  'Conditional Access JSON': {
    fixture: fixture('AZSEC-CA-001', 'single.json'),
    after: /"state": /,
    deep: {
      arrays: nest('[', '1', ']'),
      objects: nest('{"a":', '1', '}'),
      'unclosed objects': '{"a":'.repeat(DEEP),
    },
    long: `"${'a'.repeat(TEN_MB)}"`,
  },
  'workflow YAML': {
    fixture: fixture('AZSEC-GH-001', '.github/workflows/deploy.yml'),
    after: /name: /,
    deep: {
      'flow sequences': nest('[', '1', ']'),
      'flow mappings': nest('{a: ', '1', '}'),
      'unclosed flow sequences': '['.repeat(DEEP),
      'expressions': `\${{ ${nest('(', 'true', ')')} }}`,
      // 20,000 aliases (far over the reader's alias budget): the yaml package alone needs ~8 µs per alias here.
      'self-referencing anchors (20,000 aliases)': `&a [${'*a, '.repeat(DEEP / 5)}1]`,
    },
    long: `'${'a'.repeat(TEN_MB)}'`,
  },
};

describe.each(Object.keys(families))('%s', (family) => {
  const { fixture: f, after, deep, long } = families[family];

  test.each(Object.keys(deep))('100,000-deep %s', (kind) => {
    const text = injectAfter(f, after, deep[kind]);
    const o = scanChecked(`${f.folder}/${f.path} with ${kind}`, f.path, text, f.siblings);
    expect(o.problems).toEqual([]);
    // The file still says what went wrong: too deep, or not valid syntax.
    expect(o.result!.diagnostics.length + o.result!.findings.length).toBeGreaterThan(0);
  });

  test('a 10 MB value on a single line', () => {
    const o = scanChecked(`${f.folder}/${f.path} with a 10 MB value`, f.path, injectAfter(f, after, long), f.siblings);
    expect(o.problems).toEqual([]);
  });

  // Known gap (reported): the ARM reader needs ~6 s for this line (~0.6 s per MB once text follows the
  // top-level object on the same line; the same bytes split into lines take ~0.1 s per 4 MB).
  const flattenedTest = family === 'ARM JSON' ? test.failing : test;
  flattenedTest('the whole file flattened to one line and repeated to 10 MB', () => {
    const flat = f.text.replace(/\r?\n/g, ' ');
    const line = flat.repeat(Math.ceil(TEN_MB / flat.length));
    expect(line.length).toBeGreaterThanOrEqual(TEN_MB);
    const o = scanChecked(`${f.folder}/${f.path} flattened to one 10 MB line`, f.path, line, f.siblings);
    expect(o.problems).toEqual([]);
  });

  test('NUL bytes, bytes that are not UTF-8, and BOM + CRLF', () => {
    const cases: Record<string, string> = {
      'a file of NUL bytes': '\u0000'.repeat(100_000),
      'NUL after every character': f.text.split('').join('\u0000'),
      'random bytes decoded as UTF-8': Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 256)).toString('utf8'),
      'the file encoded as UTF-16LE and read as UTF-8': Buffer.from(`\ufeff${f.text}`, 'utf16le').toString('utf8'),
      'BOM, CRLF and a lone CR': `\ufeff${f.text.replace(/\n/g, '\r\n')}\rtrailing`,
      'empty file': '',
      'only a BOM': '\ufeff',
    };
    for (const [name, text] of Object.entries(cases)) {
      const o = scanChecked(`${f.folder}/${f.path}: ${name}`, f.path, text, f.siblings);
      expect(o.problems).toEqual([]);
    }
  });
});
