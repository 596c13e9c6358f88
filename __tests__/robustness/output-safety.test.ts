/**
 * Text from a pull request (file names, resource names, values) cannot inject anything into what we write:
 * comments, the job summary, the sticky comment, annotations or terminal output.
 */
import * as core from '@actions/core';
import { loadRules } from '../../src/engine/load-rules.js';
import { ruleFiles } from '../../src/engine/rule-files.js';
import { FRONT_ENDS, secretScanner } from '../../src/formats/index.js';
import { scan } from '../../src/pipeline.js';
import { selectAnnotations } from '../../src/report/annotations.js';
import { formatText } from '../../src/report/console.js';
import { lineCommentBody } from '../../src/report/review-comment.js';
import { placeFindings } from '../../src/report/review-plan.js';
import { jobSummaryMarkdown, stickyCommentBody, type RunReport } from '../../src/report/summary.js';
import { decideVerdict } from '../../src/report/verdict.js';

const rules = loadRules(ruleFiles());
const EVIL = "kv-**x**-@octocat-#12-<img src=x onerror=1>-`t`-[l](https://evil.example)\n::add-mask::secret\r\n::set-output name=a::b";
const file = '::add-mask::dir/@team <b>.bicep';
const text = `resource v 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${EVIL.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/'/g, "\\'")}'
  location: 'westeurope'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: false
  }
}
`;
const result = scan({ files: [{ path: file, text }], context: { readFile: () => undefined, listFiles: () => [] }, frontEnds: FRONT_ENDS, textScanners: [secretScanner], rules });
const placed = placeFindings(result.findings, undefined, 'all');
const report: RunReport = {
  placed,
  diagnostics: result.diagnostics,
  rules,
  verdict: decideVerdict(placed, 'high'),
  failOn: 'high',
  scope: 'all',
  scannedFiles: 1,
  typesPresent: new Set(['microsoft.keyvault/vaults']),
  lessons: ['Ping @admins about #7 <script>'],
  delivery: { inlinePosted: 0, alreadyCommented: 0, resolvedMarked: 0, stickyComment: 'not needed', sarifUpload: 'off', annotations: 0, annotationsOmitted: 0, notes: [`note about ${file}`] },
  pullRequest: false,
};

test('the template really carries the hostile name into findings', () => {
  expect(result.findings.some((f) => f.message.includes('@octocat'))).toBe(true);
});

test.each([
  ['a review comment', () => lineCommentBody(result.findings, new Map(rules.map((r) => [r.meta.id, r])), '    enableRbacAuthorization: false')],
  ['the job summary', () => jobSummaryMarkdown(report)],
  ['the sticky comment', () => stickyCommentBody(report, result.findings, 0)],
])('%s contains no live mention, reference, HTML, link or markup from the pull request', (_what, render) => {
  const md = render();
  expect(md).not.toMatch(/@(octocat|team|admins)\b/);
  expect(md).not.toMatch(/#(12|7)\b/);
  expect(md).not.toMatch(/<(img|b|script)\b/i);
  expect(md).not.toContain('](https://evil.example)');
  expect(md).not.toContain('**x**');
  expect(md.split('\n').some((l) => l.startsWith('::'))).toBe(false);
});

test('annotations come out as one workflow command each, with the hostile text escaped', () => {
  const { annotations } = selectAnnotations(placed);
  expect(annotations.length).toBeGreaterThan(0);
  const written: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    for (const a of annotations) core.error(a.message, { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine });
  } finally {
    process.stdout.write = original;
  }
  const lines = written.join('').split(/\r?\n/).filter((l) => l !== '');
  expect(lines).toHaveLength(annotations.length);
  for (const line of lines) {
    expect(line.startsWith('::error title=')).toBe(true);
    expect(line).toContain('file=%3A%3Aadd-mask%3A%3Adir/@team <b>.bicep');
  }
});

test('terminal output never starts a line with a workflow command', () => {
  const out = formatText(result.findings, result.diagnostics, false, 1);
  expect(out.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
  expect(out.includes("\r") || out.includes(String.fromCharCode(27))).toBe(false);
});
