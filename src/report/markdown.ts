/**
 * Markdown for text that came from a pull request (file names, resource names, values, messages that quote
 * them). Such text is untrusted: it must not be able to add markup, HTML, @-mentions, issue references or
 * hidden comments to what we post.
 */

const ZWSP = '\u200b';

/**
 * Escape untrusted text for use in markdown prose: no emphasis, links, images, code, tables or HTML can start
 * inside it, a leading character cannot open a heading, list or quote, and `@name` and `#123` are broken with
 * a zero-width space so they mention nobody and link nothing; URLs do not become links.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/^([#+=-]|\d+[.)])/, '\\$1')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#/g, `#${ZWSP}`)
    .replace(/::/g, `:${ZWSP}:`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
}

/** Untrusted text as an inline code span (no markup, mentions or HTML inside); newlines become spaces. */
export function code(s: string): string {
  const text = s.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced block around untrusted text, with a fence longer than any backtick run inside it. */
export function fenced(s: string, info = ''): string {
  const longest = Math.max(0, ...(s.match(/`{3,}/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${s}\n${fence}`;
}

/** Cut markdown to at most `max` characters, on a line boundary, with a note where it was cut. */
export function truncateMarkdown(s: string, max: number, note: string): string {
  if (s.length <= max) return s;
  const room = max - note.length - 2;
  const cut = s.lastIndexOf('\n', room);
  return `${s.slice(0, cut > 0 ? cut : room)}\n\n${note}`;
}
