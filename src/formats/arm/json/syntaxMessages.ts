/** Human wording for jsonc-parser's error codes (numbers, since its enum is declared `const`). */
const EXPECTED: Record<number, string> = {
  1: 'a JSON value or punctuation',
  2: 'a valid number',
  3: 'a property name in double quotes',
  4: 'a value',
  5: "':' after the property name",
  6: "',' between items",
  7: "'}' to close the object",
  8: "']' to close the array",
  9: 'the end of the file after the top-level value',
  10: 'a comment to start with // or /*',
  11: "'*/' to close the comment",
  12: "a closing '\"' for the string",
  13: 'digits in the number',
  14: 'a \\u escape with four hex digits',
  15: "a valid escape after '\\'",
  16: 'a printable character',
};

/** "Expected ':' after the property name, found '1'." for a jsonc-parser error at [offset, offset+length). */
export function syntaxMessage(code: number, text: string, offset: number, length: number): string {
  const what = EXPECTED[code] ?? 'valid JSON';
  return `Expected ${what}, found ${describeFound(text, offset, length)}.`;
}

function describeFound(text: string, offset: number, length: number): string {
  if (offset >= text.length) return 'the end of the file';
  const raw = text.slice(offset, offset + Math.max(1, Math.min(length, 24)));
  const shown = escapeControls(raw, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${shown}${length > 24 ? '…' : ''}'`;
}

/** Replaces each control character (below U+0020) by what `replace` gives for it. */
export function escapeControls(text: string, replace: (c: string) => string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 32) {
      out += text.slice(from, i) + replace(text[i]);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
