import { parsePatch } from '../../src/diff/patch.js';
import type { ChangeSet } from '../../src/diff/classify.js';
import { placeOf, inScope } from '../../src/diff/classify.js';
import { marker } from '../../src/report/review-comment.js';
import { placeFindings, planReview } from '../../src/report/review-plan.js';
import { finding } from './helpers.js';

// Lines 10-12 added, 8-9 and 13-14 context, in infra/main.bicep; infra/big.json changed without a patch.
const changes: ChangeSet = {
  files: new Map([
    ['infra/main.bicep', { lines: parsePatch('@@ -8,4 +8,7 @@\n a\n b\n+c\n+d\n+e\n f\n g') }],
    ['infra/big.json', {}],
  ]),
};

describe('where a finding sits relative to the change', () => {
  test('added line, diff context, elsewhere in the file, unpatched file, untouched file', () => {
    expect(placeOf(finding({ line: 11 }), changes)).toBe('added');
    expect(placeOf(finding({ line: 8 }), changes)).toBe('in-diff');
    expect(placeOf(finding({ line: 40 }), changes)).toBe('changed-file');
    expect(placeOf(finding({ file: 'infra/big.json', line: 3 }), changes)).toBe('unpatched');
    expect(placeOf(finding({ file: 'other/main.bicep' }), changes)).toBe('unchanged');
    expect(placeOf(finding({ line: 500 }), undefined)).toBe('added');
  });

  test('scope decides what counts', () => {
    expect(inScope('added', 'changed-lines')).toBe(true);
    expect(inScope('in-diff', 'changed-lines')).toBe(false);
    expect(inScope('unpatched', 'changed-lines')).toBe(true);
    expect(inScope('changed-file', 'changed-files')).toBe(true);
    expect(inScope('unchanged', 'changed-files')).toBe(false);
    expect(inScope('unchanged', 'all')).toBe(true);
  });
});

describe('planReview', () => {
  test('inline comments only on diff lines; the rest of the scope goes to the sticky comment', () => {
    const placed = placeFindings([finding({ line: 10 }), finding({ line: 40 }), finding({ file: 'infra/big.json', line: 2 })], changes, 'changed-files');
    const plan = planReview(placed, [], 25, true);
    expect(plan.inline.map((g) => g.map((f) => f.location.line))).toEqual([[10]]);
    expect(plan.overflow.map((f) => `${f.location.file}:${f.location.line}`)).toEqual(['infra/main.bicep:40', 'infra/big.json:2']);
  });

  test('max-comments keeps the most severe inline and moves the others to the sticky comment', () => {
    const low = finding({ line: 10, severity: 'LOW', fingerprint: 'a'.repeat(32) });
    const crit = finding({ line: 11, severity: 'CRITICAL', fingerprint: 'b'.repeat(32) });
    const high = finding({ line: 12, severity: 'HIGH', fingerprint: 'c'.repeat(32) });
    const plan = planReview(placeFindings([low, crit, high], changes, 'changed-lines'), [], 2, true);
    expect(plan.inline.map((g) => g.map((f) => f.severity))).toEqual([['CRITICAL'], ['HIGH']]);
    expect(plan.overflow.map((f) => f.severity)).toEqual(['LOW']);
  });

  test('a finding already commented is not posted again; a gone one is resolved; a returning one reopened', () => {
    const still = finding({ line: 10, fingerprint: '1'.repeat(32) });
    const back = finding({ line: 11, fingerprint: '3'.repeat(32) });
    const existing = [
      { id: 1, body: `x\n${marker('1'.repeat(32), 'open')}`, fromBot: true },
      { id: 2, body: `y\n${marker('2'.repeat(32), 'open')}`, fromBot: true },
      { id: 3, body: `z\n${marker('3'.repeat(32), 'fixed')}`, fromBot: true },
    ];
    const plan = planReview(placeFindings([still, back], changes, 'changed-lines'), existing, 25, true);
    expect(plan.inline).toEqual([]);
    expect(plan.alreadyCommented).toEqual([still, back]);
    expect(plan.fixed.map((c) => c.id)).toEqual([2]);
    expect(plan.reopened.map((r) => r.comment.id)).toEqual([3]);
  });

  test('a marker pasted by a person is not trusted', () => {
    const f = finding({ line: 10 });
    const plan = planReview(placeFindings([f], changes, 'changed-lines'), [{ id: 9, body: marker(f.fingerprint, 'open'), fromBot: false }], 25, true);
    expect(plan.inline).toEqual([[f]]);
  });

  test('findings of one line share one comment, most severe first; max-comments counts comments', () => {
    const medium = finding({ line: 10, severity: 'MEDIUM', ruleId: 'AZSEC-DIAG-001', fingerprint: 'd'.repeat(32) });
    const critical = finding({ line: 10, severity: 'CRITICAL', fingerprint: 'e'.repeat(32) });
    const other = finding({ line: 12, severity: 'HIGH', fingerprint: 'f'.repeat(32) });
    const plan = planReview(placeFindings([medium, critical, other], changes, 'changed-lines'), [], 1, true);
    expect(plan.inline).toEqual([[critical, medium]]);
    expect(plan.overflow).toEqual([other]);
  });

  test('a grouped comment is resolved only when all its findings are gone', () => {
    const a = finding({ line: 10, fingerprint: 'a'.repeat(32) });
    const body = `x\n${marker('a'.repeat(32), 'open')}\n${marker('b'.repeat(32), 'open')}`;
    const stillOne = planReview(placeFindings([a], changes, 'changed-lines'), [{ id: 5, body, fromBot: true }], 25, true);
    expect(stillOne.fixed).toEqual([]);
    expect(stillOne.alreadyCommented).toEqual([a]);
    const none = planReview([], [{ id: 5, body, fromBot: true }], 25, true);
    expect(none.fixed.map((c) => c.id)).toEqual([5]);
  });

  test('comment mode summary puts every in-scope finding in the sticky comment', () => {
    const plan = planReview(placeFindings([finding({ line: 10 })], changes, 'changed-lines'), [], 25, false);
    expect(plan.inline).toEqual([]);
    expect(plan.overflow).toHaveLength(1);
  });

  test('suppressed findings are neither inline nor in scope', () => {
    const f = finding({ line: 10, suppression: { kind: 'inSource', justification: 'public website' } });
    const placed = placeFindings([f], changes, 'changed-lines');
    expect(placed[0].inScope).toBe(false);
    expect(planReview(placed, [], 25, true).inline).toEqual([]);
  });
});
