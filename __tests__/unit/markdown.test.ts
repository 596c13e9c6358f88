import { code, escapeMarkdown, fenced, truncateMarkdown } from '../../src/report/markdown.js';
import { fixedCommentBody, inlineCommentBody, lineCommentBody, readMarker, readMarkers, reopenedCommentBody } from '../../src/report/review-comment.js';
import { safeLogText } from '../../src/util/logger.js';
import { finding } from './helpers.js';

const ZW = '\u200b';

describe('untrusted text in markdown', () => {
  test('cannot mention, link an issue, add HTML, or hide a comment', () => {
    const s = escapeMarkdown('kv-@octocat fixes #123 <img src=x onerror=alert(1)> <!-- hidden -->');
    expect(s).not.toContain('@octocat');
    expect(s).toContain(`@${ZW}octocat`);
    expect(s).toContain(`#${ZW}123`);
    expect(s).not.toMatch(/<img|<!--/);
    expect(s).toContain('&lt;img');
  });

  test('cannot add emphasis, links, code, tables or a heading', () => {
    expect(escapeMarkdown('**bold** [x](https://evil.example) `code` a|b')).toBe(`\\*\\*bold\\*\\* \\[x\\](https:${ZW}//evil.example) \\\`code\\\` a\\|b`);
    expect(escapeMarkdown('# title')).toBe(`\\#${ZW} title`);
    expect(escapeMarkdown('line1\n::add-mask::x')).toBe(`line1 :${ZW}:add-mask:${ZW}:x`);
  });

  test('a code span and a fence are longer than any backtick run inside', () => {
    expect(code('a ``` b')).toBe('````a ``` b````');
    expect(fenced('x\n````\ny', 'suggestion')).toBe('`````suggestion\nx\n````\ny\n`````');
  });

  test('truncation cuts on a line and says so', () => {
    const out = truncateMarkdown('a\n'.repeat(100), 50, 'cut');
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.endsWith('cut')).toBe(true);
  });

  test('log lines cannot start a workflow command', () => {
    expect(safeLogText('file\n::set-output name=x::y')).toBe(`file :${ZW}:set-output name=x:${ZW}:y`);
  });

  test('an inline comment escapes the message, keeps the suggestion exact, and carries its marker', () => {
    const f = finding({
      message: "Key Vault '@admins' must set enableRbacAuthorization to true",
      fix: { description: 'x', location: { file: 'infra/main.bicep', line: 10, column: 30, endLine: 10, endColumn: 35 }, original: 'false', replacement: 'true' },
    });
    const body = inlineCommentBody(f, undefined, '    enableRbacAuthorization: false // keep', []);
    expect(body).toContain(`'@${ZW}admins'`);
    expect(body).toContain('```suggestion\n    enableRbacAuthorization: true // keep\n```');
    expect(readMarker(body)).toEqual({ fingerprint: f.fingerprint, state: 'open' });
  });
});

describe('one comment for the findings of one line', () => {
  test('lists each finding with its marker, and offers the one safe suggestion', () => {
    const a = finding({ ruleId: 'AZSEC-KV-001', severity: 'CRITICAL', fingerprint: 'a'.repeat(32), fix: { description: 'x', location: { file: 'infra/main.bicep', line: 10, column: 30, endColumn: 35, endLine: 10 }, original: 'false', replacement: 'true' } });
    const b = finding({ ruleId: 'AZSEC-DIAG-001', severity: 'MEDIUM', title: 'Key Vault has no diagnostic setting', message: "Key Vault 'kv' has no diagnostic setting.", fingerprint: 'b'.repeat(32) });
    const body = lineCommentBody([a, b], new Map(), '    enableRbacAuthorization: false', () => []);
    expect(body.startsWith('**2 findings on this line**')).toBe(true);
    expect(body.indexOf('AZSEC-KV-001')).toBeLessThan(body.indexOf('AZSEC-DIAG-001'));
    expect(readMarkers(body)).toEqual([
      { fingerprint: 'a'.repeat(32), state: 'open' },
      { fingerprint: 'b'.repeat(32), state: 'open' },
    ]);
    expect(body).toContain('```suggestion\n    enableRbacAuthorization: true\n```');
    const fixed = fixedCommentBody(body, '2'.repeat(40));
    expect(fixed).toContain('these findings are no longer reported as of 222222222222');
    expect(readMarkers(fixed).map((m) => m.state)).toEqual(['fixed', 'fixed']);
    expect(readMarkers(reopenedCommentBody(fixed)).map((m) => m.state)).toEqual(['open', 'open']);
  });
});
