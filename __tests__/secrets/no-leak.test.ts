/**
 * A planted secret must never appear in anything a run produces: finding messages, SARIF, inline review
 * comments, the job summary, or diagnostics.
 */
import { loadRules } from '../../src/engine/load-rules.js';
import { ruleFiles } from '../../src/engine/rule-files.js';
import { FRONT_ENDS, secretScanner } from '../../src/formats/index.js';
import { scan } from '../../src/pipeline.js';
import { toSarif } from '../../src/report/sarif.js';
import { inlineCommentBody } from '../../src/report/review-comment.js';
import { jobSummaryMarkdown, type RunReport } from '../../src/report/summary.js';
import type { ParseContext } from '../../src/model/resource.js';

const KEY = 'PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1fjORS/6ilI8ihN5KXSc7Tvo==';
const PASSWORD = 'Wint3r-Is-Coming-42';
const ENTRA = 'IjH8Q~c4xatws8phP9nhFyJfm5di4PzJ59FHz5r1';

const files = [
  { path: 'infra/app.bicep', text: `@secure()\nparam adminPassword string = '${PASSWORD}'\nvar conn = 'AccountKey=${KEY}'\noutput c string = conn\n` },
  { path: 'config/.env', text: `CLIENT_SECRET=${ENTRA}\nDB_PASSWORD=${PASSWORD}\n` },
  { path: 'infra/main.tf', text: `resource "azurerm_key_vault_secret" "s" {\n  name = "x"\n  value = "${PASSWORD}"\n  key_vault_id = "id"\n}\n` },
];
const context: ParseContext = { readFile: () => undefined, listFiles: () => [] };

/** Every eight-character window of a secret past its four-character preview. */
function fragments(secret: string): string[] {
  const out: string[] = [];
  for (let i = 2; i + 8 <= secret.length; i++) out.push(secret.slice(i, i + 8));
  return out;
}

test('no artefact of a run contains a planted secret', () => {
  const rules = loadRules(ruleFiles());
  const result = scan({ files, context, frontEnds: FRONT_ENDS, textScanners: [secretScanner], rules });
  const ids = new Set(result.findings.map((f) => f.ruleId));
  expect([...ids].sort()).toEqual(expect.arrayContaining(['AZSEC-SEC-001', 'AZSEC-SEC-003', 'AZSEC-SEC-006', 'AZSEC-SEC-007', 'AZSEC-KV-022']));

  const sarif = JSON.stringify(toSarif(result.findings, rules, result.diagnostics, { category: 'test' }));
  const comments = result.findings.map((f) => inlineCommentBody(f, rules.find((r) => r.meta.id === f.ruleId), undefined));
  const report: RunReport = {
    placed: result.findings.map((finding) => ({ finding, place: 'added', inScope: true })),
    diagnostics: result.diagnostics,
    rules,
    verdict: { result: 'fail', message: 'Findings at or above HIGH.' } as RunReport['verdict'],
    failOn: 'HIGH' as RunReport['failOn'],
    scope: 'added' as RunReport['scope'],
    scannedFiles: files.length,
    typesPresent: new Set(),
    delivery: { inlinePosted: 0, alreadyCommented: 0, resolvedMarked: 0, stickyComment: 'off', sarifUpload: 'off', annotations: 0, annotationsOmitted: 0, notes: [] },
    pullRequest: true,
  };
  const artefacts = [
    ...result.findings.map((f) => JSON.stringify(f)),
    sarif,
    ...comments,
    jobSummaryMarkdown(report),
    JSON.stringify(result.diagnostics),
  ].join('\n');
  for (const secret of [KEY, PASSWORD, ENTRA]) {
    for (const piece of fragments(secret)) expect({ secret: secret.slice(0, 4), leaked: artefacts.includes(piece) ? piece : undefined }).toEqual({ secret: secret.slice(0, 4), leaked: undefined });
  }
});
