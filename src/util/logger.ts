/** Where library code logs: the action passes @actions/core, the CLI passes stderr, tests pass a recorder. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

/**
 * One line of log text that may quote a pull request (file names, values). The runner treats a line
 * starting with `::` as a workflow command, so line breaks are removed and such a start is defused.
 */
export function safeLogText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/::/g, ':\u200b:');
}
