import type { Location } from './location.js';

/** Something in an input that could not be read as intended. Parsers return these; they never throw. */
export interface Diagnostic {
  /** Stable code, e.g. `BCP-PARSE`, `JSON-PARSE`, `HCL-PARSE`, `FILE-TOO-LARGE`. */
  code: string;
  severity: 'error' | 'warning' | 'notice';
  message: string;
  location: Location;
}
