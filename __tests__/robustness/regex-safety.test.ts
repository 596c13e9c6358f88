/**
 * Regular expressions outside the secret scanner, driven through the functions that use them with 100 KB
 * adversarial strings: long runs of the characters each pattern repeats, near-misses that fail only at the
 * very end (where a backtracking engine tries every split), and deep brackets. Each call must finish in
 * bounded time; a linear pass over 100 KB takes a few milliseconds, so the 2 s budget is generous.
 */
import { gitDiff } from '../../src/cli/git-diff.js';
import { parsePatch, parseUnifiedDiff } from '../../src/diff/patch.js';
import { isInternetPrefix, portRanges, portSpecCovers } from '../../src/engine/network.js';
import { classifyString, parseExpression } from '../../src/formats/arm/expr/parse.js';
import { lex as lexBicep } from '../../src/formats/bicep/lexer.js';
import { lex as lexTerraform } from '../../src/formats/terraform/lexer.js';
import { readLessons } from '../../src/policy/lessons.js';
import { parseDirective } from '../../src/policy/suppressions.js';
import { code, escapeMarkdown, fenced } from '../../src/report/markdown.js';
import { safeLogText } from '../../src/util/logger.js';
import { matchesPaths, splitList } from '../../src/workspace/select.js';

const N = 100_000;
const BUDGET_MS = 2000;
const run = (s: string, n = N): string => s.repeat(Math.ceil(n / s.length)).slice(0, n);

/** Milliseconds `fn` takes; anything it throws is part of its behaviour here (a refused input is fine). */
function timed(fn: () => unknown): number {
  const t0 = performance.now();
  try {
    fn();
  } catch {
    // Refusing the input (a ConfigurationError for a bad range) is an answer, as long as it comes quickly.
  }
  return performance.now() - t0;
}

/** Adversarial inputs, each 100 KB or more, per function under test. */
const cases: [string, () => unknown][] = [
  // report/markdown.ts
  ['escapeMarkdown: markup characters', () => escapeMarkdown(run('*_`[]|~\\<>&@#::// www.'))],
  ['escapeMarkdown: line breaks and a leading list marker', () => escapeMarkdown(`1.${run('\r\n\n\r')}`)],
  ['code: long backtick runs', () => code(run('`'))],
  ['code: alternating backticks', () => code(run('` `` '))],
  ['fenced: long fence-like runs', () => fenced(run('```~~~'))],
  // util/logger.ts
  ['safeLogText: colons and line breaks', () => safeLogText(run(':::\r\n'))],
  // policy/suppressions.ts (comment text from the pull request)
  ['parseDirective: whitespace before a newline', () => parseDirective(`azsec-ignore${run(' ')}\nx`)],
  ['parseDirective: many rule ids, no reason', () => parseDirective(`azsec-ignore ${run('AZSEC-KV-001 ')}`)],
  ['parseDirective: a reason of spaces ending in */', () => parseDirective(`azsec-ignore AZSEC-KV-001: ${run(' ')}*/`)],
  ['parseDirective: separators only', () => parseDirective(`azsec-ignore ${run(', \t')}: x`)],
  ['parseDirective: until near-miss', () => parseDirective(`azsec-ignore AZSEC-KV-001: r (until ${run('2024-01-0')}`)],
  // policy/lessons.ts (LESSONS.md from the pull request)
  ['readLessons: heading of spaces and hashes', () => readLessons(`# azure-security-audit${run(' #')}x\n`, new Set())],
  ['readLessons: heading near-miss', () => readLessons(`#${run(' ')}x${run('#')}`, new Set())],
  ['readLessons: list items and fences', () => readLessons(`## azure-security-audit\n${run('- AZSEC-KV-00 1. ``` ~~~\n')}`, new Set())],
  ['readLessons: long fence info string', () => readLessons(`## azure-security-audit\n\`\`\`${run('-')}x\n`, new Set())],
  ['readLessons: many fences', () => readLessons(`## azure-security-audit\n${run('```\n')}`, new Set())],
  // diff/patch.ts (patches from the API, git diff output)
  ['parsePatch: hunk header near-misses', () => parsePatch(run('@@ -1,1 +1,'))],
  ['parsePatch: digits without the closing @@', () => parsePatch(`@@ -${run('1')} +1`)],
  ['parseUnifiedDiff: +++ line with tabs', () => parseUnifiedDiff(`diff --git a b\n+++ ${run('\t\t x')}\n@@ -1 +1 @@\n+x\n`)],
  ['parseUnifiedDiff: many diff headers', () => parseUnifiedDiff(run('diff --git \n+++ \n@@\n'))],
  ['parseUnifiedDiff: quoted path of octal escapes', () => parseUnifiedDiff(`diff --git a b\n+++ "${run('\\303\\251')}"\n@@ -1 +1 @@\n+x\n`)],
  // cli/git-diff.ts: the range is refused before git runs
  ['gitDiff range: a long ref that is not a range', () => gitDiff('.', `-${run('a')}`)],
  ['gitDiff range: forbidden character at the end of a ref', () => gitDiff('.', `${run('a')} `)],
  // workspace/select.ts
  ['splitList: separators and comments', () => splitList(run(',\n # ,'))],
  // A path cannot exceed PATH_MAX (4,096 bytes); picomatch needs ~5 s for a 100 KB path against these globs.
  ['matchesPaths: deep path against globstars', () => matchesPaths(run('a/', 4096), ['**/*.bicep', '**/a/**/b/**/*.tf'], ['**/node_modules/**'])],
  ['matchesPaths: path of stars and braces', () => matchesPaths(run('*{,}[]?/'), ['**/*.json'], [])],
  // engine/network.ts (values from templates)
  ['portRanges: spaces around a dash', () => portRanges(`1${run(' ')}-${run(' ')}x`)],
  ['portRanges: many commas', () => portRanges(run('22,'))],
  ['portSpecCovers: digit runs', () => portSpecCovers(run('1234567890'), 22)],
  ['isInternetPrefix: whitespace', () => isInternetPrefix(`${run(' ')}0.0.0.0/0${run(' ')}x`)],
  // formats/arm expression parser
  ['parseExpression: deep calls', () => parseExpression(`${'concat('.repeat(N / 7)}'x'${')'.repeat(N / 7)}`)],
  ['parseExpression: unclosed string of quotes', () => parseExpression(`concat('${run("''")}`)],
  ['parseExpression: dotted and indexed chain', () => parseExpression(`parameters('a')${run('.b[0]')}`)],
  ['classifyString: brackets', () => classifyString(`[${run('[')}`)],
  ['classifyString: escaped bracket', () => classifyString(`[[${run(']')}`)],
  // formats/bicep and terraform lexers
  ['bicep lex: unterminated multi-line string', () => lexBicep(`var a = '''${run("''")}`)],
  ['bicep lex: interpolation openers', () => lexBicep(`var a = '${run('${')}`)],
  ['bicep lex: unterminated block comment', () => lexBicep(`/*${run('*/*')}`)],
  ['bicep lex: number-like runs', () => lexBicep(run('1.1.1e'))],
  ['terraform lex: heredoc without end', () => lexTerraform(`a = <<-EOT\n${run('EO\n')}`)],
  ['terraform lex: template openers', () => lexTerraform(`a = "${run('${%{')}`)],
  ['terraform lex: escaped template openers', () => lexTerraform(`a = "${run('$${%%{')}"`)],
  ['terraform lex: unterminated comment', () => lexTerraform(`/*${run('/*')}`)],
];

describe('regular expressions stay linear on 100 KB adversarial input', () => {
  test.each(cases)('%s', (_name, fn) => {
    expect(timed(fn)).toBeLessThan(BUDGET_MS);
  });
});

/**
 * Inputs that once backtracked catastrophically (found by this suite and fixed): at 100 KB they took from
 * 10 s to a minute. They must stay linear, at the full 100 KB.
 */
describe('formerly super-linear patterns', () => {
  test('parseDirective: a reason followed by a run of spaces and more text', () => {
    // Was cubic (a regex tried every split of the spaces): 4,000 spaces took 37 s.
    expect(timed(() => parseDirective(`azsec-ignore AZSEC-KV-001: r${run(' ', 100_000)}x`))).toBeLessThan(250);
    expect(timed(() => parseDirective(`azsec-ignore AZSEC-KV-001: r (until 2027-01-01)${run(' ', 100_000)}x`))).toBeLessThan(250);
  });

  test('parseDirective: a block comment repeating azsec-ignore before a newline', () => {
    // Was quadratic: ~13 s at 100 KB.
    expect(timed(() => parseDirective(`${run('azsec-ignore ', 100_000)}\nx`))).toBeLessThan(250);
  });

  test('gitDiff: the range check on dots that end in a forbidden character', () => {
    // Was cubic: both parts of the pattern matched dots, so every split was tried.
    expect(timed(() => expect(() => gitDiff('.', `a${run('...', 100_000)}!`)).toThrow(/is not one/))).toBeLessThan(250);
  });
});
