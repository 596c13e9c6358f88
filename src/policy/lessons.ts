import { ConfigurationError } from '../errors.js';
import { emptyConfig, parseConfigText, type PolicyConfig } from './config.js';

export const LESSONS_FILE = 'LESSONS.md';
export const LESSONS_TAG = 'azure-security-audit';

export interface Lesson {
  text: string;
  line: number;
  /** Rule ids the lesson names; its text is shown in those rules' review comments. */
  rules: string[];
}

export interface Lessons {
  config: PolicyConfig;
  lessons: Lesson[];
  /** Line of the section's heading, when found. */
  line?: number;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE_ID = /AZSEC-[A-Z]+-\d{3}/g;

/**
 * Read the section of LESSONS.md tagged azure-security-audit: a heading that carries the tag (in its text,
 * in brackets or backticks, or in an HTML comment). Its fenced yaml block has the config file's keys; its
 * other lines (list items or paragraphs) are free-text lessons.
 */
export function readLessons(text: string, knownRules: Set<string>, file = LESSONS_FILE): Lessons {
  const lines = text.split(/\r?\n/);
  let start = -1;
  let level = 0;
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i])) inFence = !inFence;
    const m = inFence ? null : HEADING.exec(lines[i]);
    if (m && m[2].toLowerCase().includes(LESSONS_TAG)) {
      start = i;
      level = m[1].length;
      break;
    }
  }
  if (start < 0) return { config: emptyConfig(), lessons: [] };
  let config = emptyConfig();
  const lessons: Lesson[] = [];
  let paragraph: { text: string[]; line: number } | undefined;
  const flush = (): void => {
    if (paragraph) {
      const t = paragraph.text.join(' ').trim();
      if (t !== '') lessons.push({ text: t, line: paragraph.line, rules: [...new Set(t.match(RULE_ID) ?? [])] });
    }
    paragraph = undefined;
  };
  let yamlSeen = false;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    const h = HEADING.exec(line);
    if (h && h[1].length <= level) break;
    const fence = /^\s*(```|~~~)\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      flush();
      const close = lines.findIndex((l, j) => j > i && new RegExp(`^\\s*${fence[1]}\\s*$`).test(l));
      const end = close < 0 ? lines.length : close;
      if (/^ya?ml$/i.test(fence[2])) {
        if (yamlSeen) throw new ConfigurationError(`${file}:${i + 1}: the ${LESSONS_TAG} section has more than one yaml block; merge them into one.`);
        yamlSeen = true;
        if (close < 0) throw new ConfigurationError(`${file}:${i + 1}: the yaml block is not closed with ${fence[1]}.`);
        config = parseConfigText(lines.slice(i + 1, end).join('\n'), file, knownRules, i + 1);
      }
      i = end;
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      paragraph = { text: [item[1]], line: i + 1 };
    } else if (line.trim() === '' || h) flush();
    else if (paragraph) paragraph.text.push(line.trim());
    else paragraph = { text: [line.trim()], line: i + 1 };
  }
  flush();
  return { config, lessons, line: start + 1 };
}
