import { parsePatch, parseUnifiedDiff } from '../../src/diff/patch.js';

describe('parsePatch', () => {
  test('added and context lines of one hunk, on the new side', () => {
    const patch = ['@@ -3,4 +3,5 @@ resource vault', ' context a', '-removed', '+added one', '+added two', ' context b', ' context c'].join('\n');
    const lines = parsePatch(patch);
    expect([...lines.added]).toEqual([4, 5]);
    expect([...lines.inDiff]).toEqual([3, 4, 5, 6, 7]);
    expect(lines.hunks).toEqual([[3, 7]]);
  });

  test('several hunks, a new file, and the "no newline" marker', () => {
    const patch = ['@@ -1,2 +1,2 @@', '-a', '+A', ' b', '@@ -10 +10,2 @@', ' j', '+k', '\\ No newline at end of file'].join('\n');
    const lines = parsePatch(patch);
    expect([...lines.added]).toEqual([1, 11]);
    expect([...lines.inDiff]).toEqual([1, 2, 10, 11]);
    expect(lines.hunks).toEqual([[1, 2], [10, 11]]);
    const created = parsePatch('@@ -0,0 +1,3 @@\n+x\n+y\n+z');
    expect([...created.added]).toEqual([1, 2, 3]);
  });

  test('a hunk that only deletes adds no line', () => {
    const lines = parsePatch('@@ -5,2 +4,0 @@\n-gone\n-gone too');
    expect(lines.added.size).toBe(0);
    expect(lines.inDiff.size).toBe(0);
  });

  test('CRLF patches read the same', () => {
    const lines = parsePatch('@@ -1 +1,2 @@\r\n a\r\n+b\r\n');
    expect([...lines.added]).toEqual([2]);
  });
});

describe('parseUnifiedDiff', () => {
  test('splits a git diff by file, leaves out deleted files and unquotes odd paths', () => {
    const diff = [
      'diff --git a/infra/main.bicep b/infra/main.bicep',
      'index 111..222 100644',
      '--- a/infra/main.bicep',
      '+++ b/infra/main.bicep',
      '@@ -2,0 +3,2 @@',
      '+one',
      '+two',
      'diff --git a/old.tf b/old.tf',
      'deleted file mode 100644',
      '--- a/old.tf',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
      'diff --git "a/caf\\303\\251 dir/x.tf" "b/caf\\303\\251 dir/x.tf"',
      '--- "a/caf\\303\\251 dir/x.tf"',
      '+++ "b/caf\\303\\251 dir/x.tf"',
      '@@ -0,0 +1 @@',
      '+y',
    ].join('\n');
    const files = parseUnifiedDiff(diff);
    expect([...files.keys()]).toEqual(['infra/main.bicep', 'café dir/x.tf']);
    expect([...files.get('infra/main.bicep')!.added]).toEqual([3, 4]);
    expect([...files.get('café dir/x.tf')!.added]).toEqual([1]);
  });
});
