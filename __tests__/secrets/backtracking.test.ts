/**
 * Secret patterns must run in linear time: every recogniser and the whole scanner over adversarial 100 KB
 * inputs built to provoke backtracking (long runs of the characters each pattern repeats, near-misses with
 * no terminator). Generous bound: a catastrophic pattern takes minutes, a linear one milliseconds.
 */
import { scanSecrets, scanText, shapedSecrets } from '../../src/formats/secrets/index.js';

const SIZE = 100_000;
const adversarial: Record<string, string> = {
  base64Run: 'AccountKey=' + 'A1+/'.repeat(SIZE / 4),
  sharedKeyRun: 'SharedAccessKey=' + 'Zz9'.repeat(SIZE / 3),
  sigNoVersion: 'sv=2020-01-01&sig=' + '%3D'.repeat(SIZE / 3),
  entraNearMiss: 'abc1Q~'.repeat(SIZE / 6),
  tildeRun: '~.-_'.repeat(SIZE / 4),
  githubNearMiss: 'ghp_'.repeat(SIZE / 4),
  quotesUnclosed: `password: '` + 'a'.repeat(SIZE),
  keyValueSoup: 'a_b.c:d=e '.repeat(SIZE / 10),
  nameFields: `{ name: 'API_KEY', value: '`.repeat(SIZE / 28),
  passwordsNoTerminator: 'Server=x;Password='.repeat(SIZE / 18),
  privateKeyHeaders: '-----BEGIN RSA PRIVATE KEY-----'.repeat(SIZE / 31),
  spaces: ' '.repeat(SIZE) + '=',
  manyLines: 'PASSWORD=\n'.repeat(SIZE / 10),
};

test('every pattern and the whole scanner stay fast on adversarial 100 KB inputs', () => {
  const started = Date.now();
  for (const text of Object.values(adversarial)) {
    shapedSecrets(text.slice(0, 8192));
    scanText(text, true);
    scanSecrets({ path: 'x.env', text });
    scanSecrets({ path: 'x.bicep', text });
  }
  expect(Date.now() - started).toBeLessThan(5000);
});

test('the inputs are really adversarial: near-misses yield no candidates', () => {
  expect(scanText(adversarial.githubNearMiss, true)).toEqual([]);
  expect(scanText(adversarial.tildeRun, true)).toEqual([]);
});
