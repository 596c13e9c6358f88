/**
 * Front end for GitHub Actions workflows (`.github/workflows/*.yml|yaml`). The whole workflow becomes one
 * GITHUB_WORKFLOW resource whose body is the workflow as written (`on`, `permissions`, `env`, `jobs`), so
 * rules read paths like `jobs.deploy.steps.0.with.creds`; `azureLoginSteps` gives them the Azure sign-ins.
 */
import { GITHUB_WORKFLOW, type FrontEnd, type ParsedFile, type SourceFile } from '../../model/resource.js';
import { getProperty, V } from '../../model/value.js';
import { readYaml } from '../yaml-value.js';

export { azureLoginSteps, effectiveIdToken, type AzureLoginStep, type AzureLoginAuth, type IdTokenPermission } from './azure-login.js';

/** GitHub only runs workflow files placed directly in `.github/workflows`. */
const WORKFLOW_PATH = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;

/** Reads GitHub workflow files into one resource per file. */
export const workflowFrontEnd: FrontEnd = {
  format: 'workflow',
  accepts: (path) => WORKFLOW_PATH.test(path),
  parse: (file) => parseWorkflow(file),
};

/** Parses one workflow file; never throws. */
export function parseWorkflow(file: SourceFile): ParsedFile {
  const read = readYaml(file.path, file.text);
  const out: ParsedFile = { file: file.path, format: 'workflow', resources: [], diagnostics: read.diagnostics, comments: read.comments };
  const docs = read.documents.filter((d) => d.value !== undefined);
  const first = docs[0];
  if (first?.value === undefined) {
    // An over-deep or empty file already has its diagnostic when it was not readable at all.
    if (out.diagnostics.length === 0) {
      out.diagnostics.push({ code: 'WORKFLOW-EMPTY', severity: 'notice', message: 'The workflow file is empty; GitHub would not run it.', location: read.index.location(file.path, 0, 0) });
    }
    return out;
  }
  if (docs.length > 1) {
    out.diagnostics.push({
      code: 'WORKFLOW-SHAPE',
      severity: 'warning',
      message: 'A workflow file holds one YAML document; only the first was checked.',
      location: docs[1].loc,
    });
  }
  const body = first.value;
  if (body.kind !== 'object') {
    out.diagnostics.push({
      code: 'WORKFLOW-SHAPE',
      severity: 'error',
      message: `A workflow must be a mapping with 'on' and 'jobs', but this file holds ${body.kind === 'array' ? 'a list' : 'a single value'}.`,
      location: body.loc,
    });
    return out;
  }
  const nameValue = getProperty(body, 'name')?.value;
  const fileName = file.path.slice(file.path.lastIndexOf('/') + 1);
  out.resources.push({
    key: `${file.path}#workflow`,
    type: GITHUB_WORKFLOW,
    symbol: 'workflow',
    name: nameValue?.kind === 'string' ? nameValue : V.str(fileName, first.loc),
    body,
    loc: first.loc,
    format: 'workflow',
    file: file.path,
  });
  return out;
}
