import type { FrontEnd } from '../model/resource.js';
import { armFrontEnd } from './arm/index.js';
import { bicepFrontEnd } from './bicep/index.js';
import { conditionalAccessFrontEnd } from './conditional-access/index.js';
import { terraformFrontEnd } from './terraform/index.js';
import { workflowFrontEnd } from './workflow/index.js';

/** Every format we read; the first whose `accepts` says yes reads a file. */
export const FRONT_ENDS: readonly FrontEnd[] = [bicepFrontEnd, terraformFrontEnd, armFrontEnd, conditionalAccessFrontEnd, workflowFrontEnd];

/** Scanners that read every file under review in addition to its own front end (hardcoded secrets). */
export { secretScanner } from './secrets/index.js';
