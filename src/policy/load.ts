import { ConfigurationError } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { readBaseline } from './baseline.js';
import { DEFAULT_CONFIG_PATH, emptyConfig, mergeConfigs, parseConfigText, type PolicyConfig } from './config.js';
import { LESSONS_FILE, readLessons, type Lesson } from './lessons.js';

export interface LoadedPolicy {
  config: PolicyConfig;
  lessons: Lesson[];
  baseline?: Set<string>;
  /** Paths of the files the policy was read from (a change to them is pointed out in the summary). */
  files: string[];
}

/**
 * Read the team's policy from the workspace: the config file (the given path, which must exist, or the
 * default path when present), the azure-security-audit section of LESSONS.md, and the baseline they name.
 */
export function loadPolicy(ws: Workspace, knownRules: Set<string>, configPath?: string, baseline: { path?: string; read: boolean } = { read: true }): LoadedPolicy {
  const files: string[] = [];
  let config = emptyConfig();
  const path = configPath ?? DEFAULT_CONFIG_PATH;
  const read = ws.read(path);
  if (read.ok) {
    files.push(path);
    config = parseConfigText(read.text, path, knownRules);
  } else if (configPath !== undefined) {
    throw new ConfigurationError(`The configuration file ${configPath} cannot be read: ${read.reason}.`);
  }
  let lessons: Lesson[] = [];
  const lessonsText = ws.read(LESSONS_FILE);
  if (lessonsText.ok) {
    const l = readLessons(lessonsText.text, knownRules);
    if (l.line !== undefined) {
      files.push(LESSONS_FILE);
      config = mergeConfigs(l.config, config);
      lessons = l.lessons;
    }
  }
  const bPath = baseline.path ?? config.baseline;
  let fingerprints: Set<string> | undefined;
  if (bPath !== undefined && baseline.read) {
    const b = ws.read(bPath);
    if (!b.ok) throw new ConfigurationError(`The baseline file ${bPath} cannot be read: ${b.reason}. Write one with \`azure-security-audit baseline\`.`);
    files.push(bPath);
    fingerprints = readBaseline(b.text, bPath);
  }
  return { config, lessons, baseline: fingerprints, files };
}
