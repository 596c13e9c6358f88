/**
 * The workflow pass of the secret scanner: each `azure/login` step that signs in with a stored
 * service-principal secret (`creds`) instead of OpenID Connect becomes one pseudo-resource, so that every
 * such step gets its own finding on its own `creds:` line.
 */
import type { Location } from '../../model/location.js';
import type { SourceFile } from '../../model/resource.js';
import { getProperty } from '../../model/value.js';
import { azureLoginSteps, parseWorkflow } from '../workflow/index.js';

/** One azure/login step that uses `creds`. */
export interface CredsLogin {
  jobId: string;
  stepIndex: number;
  credsKeyLoc: Location;
  credsLoc: Location;
  /** What `creds` is set to, safe to show: the expression when it reads a secret, else a redaction notice. */
  found: string;
  stepLoc: Location;
}

const SECRET_EXPRESSION = /^\$\{\{\s{0,8}[A-Za-z0-9_.\s[\]'"-]{1,200}\}\}$/;

/** Every azure/login step of a workflow file that signs in with `creds`. */
export function credsLogins(file: SourceFile): CredsLogin[] {
  const parsed = parseWorkflow(file);
  const out: CredsLogin[] = [];
  for (const r of parsed.resources) {
    for (const step of azureLoginSteps(r)) {
      if (step.auth !== 'secret' || !step.with) continue;
      const creds = getProperty(step.with, 'creds');
      if (!creds) continue;
      const text = creds.value.kind === 'string' ? (creds.value.value as string).trim() : '';
      const found = SECRET_EXPRESSION.test(text) ? text : 'inline credentials (not shown)';
      out.push({ jobId: step.jobId, stepIndex: step.stepIndex, credsKeyLoc: creds.keyLoc, credsLoc: creds.value.loc, found, stepLoc: step.loc });
    }
  }
  return out;
}
