/**
 * Where GitHub lets a review comment sit, read from a file's patch.
 */
import { parsePatch, resolveAnchor } from '../support/fake-github/index.js';
import { STORAGE_PATCH } from './fixtures.js';

describe('parsePatch', () => {
  it('numbers both sides and counts positions from the first hunk header, across hunks', () => {
    const hunks = parsePatch(STORAGE_PATCH);
    expect(hunks.map((h) => h.lines.map((l) => [l.kind[0], l.left ?? '-', l.right ?? '-', l.position]))).toEqual([
      [['c', 1, 1, 1], ['d', 2, '-', 2], ['a', '-', 2, 3], ['a', '-', 3, 4], ['c', 3, 4, 5], ['c', 4, 5, 6], ['c', 5, 6, 7]],
      [['c', 20, 21, 9], ['c', 21, 22, 10], ['a', '-', 23, 11], ['c', 22, 24, 12], ['c', 23, 25, 13]],
    ]);
  });

  it('skips "\\ No newline at end of file" and a trailing newline', () => {
    const hunks = parsePatch('@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n');
    expect(hunks[0].lines.map((l) => [l.kind, l.left, l.right])).toEqual([
      ['deleted', 1, undefined],
      ['added', undefined, 1],
    ]);
  });

  it('ignores text that is not a diff', () => {
    expect(parsePatch('Binary files differ')).toEqual([]);
  });
});

describe('resolveAnchor', () => {
  it('accepts added and context lines on the RIGHT, and deleted lines only on the LEFT', () => {
    const right = [1, 2, 6, 7, 20, 21, 23, 25, 26].map((line) => resolveAnchor(STORAGE_PATCH, { line, side: 'RIGHT' }).ok);
    expect(right).toEqual([true, true, true, false, false, true, true, true, false]);
    expect(resolveAnchor(STORAGE_PATCH, { line: 2, side: 'LEFT' }).ok).toBe(true);
  });

  it('requires start_line before line, in the same hunk', () => {
    expect(resolveAnchor(STORAGE_PATCH, { start_line: 2, line: 6, side: 'RIGHT' }).ok).toBe(true);
    expect(resolveAnchor(STORAGE_PATCH, { start_line: 6, line: 6, side: 'RIGHT' })).toEqual({
      ok: false,
      messages: ['Pull request review thread start line must precede the end line.'],
    });
    expect(resolveAnchor(STORAGE_PATCH, { start_line: 8, line: 10, side: 'RIGHT' })).toEqual({
      ok: false,
      messages: [
        'Pull request review thread line must be part of the diff',
        'Pull request review thread start line must be part of the same hunk as the line.',
        "Pull request review thread diff hunk can't be blank",
      ],
    });
  });

  it('resolves a legacy `position` to its line', () => {
    const anchor = resolveAnchor(STORAGE_PATCH, { position: 11 });
    expect(anchor.ok && [anchor.line, anchor.side]).toEqual([23, 'RIGHT']);
  });
});
