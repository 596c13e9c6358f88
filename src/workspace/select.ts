import fg from 'fast-glob';
import picomatch from 'picomatch';

/** The default `paths`: every format we read. */
export const DEFAULT_PATHS = [
  '**/*.bicep',
  '**/*.bicepparam',
  '**/*.json',
  '**/*.jsonc',
  '**/*.tf',
  '**/*.tfvars',
  '.github/workflows/*.yml',
  '.github/workflows/*.yaml',
];

/**
 * Files that often hold secrets whatever `paths` says (settings, environment files, scripts, pipelines):
 * the secret scanner reads them too, in a pull request and in a full scan.
 */
export const SECRET_PATHS = [
  '**/.env',
  '**/.env.*',
  '**/*.env',
  '**/appsettings*.json',
  '**/local.settings.json',
  '**/*.config',
  '**/*.properties',
  '**/*.ini',
  '**/*.conf',
  '**/*.yml',
  '**/*.yaml',
  '**/*.ps1',
  '**/*.psm1',
  '**/*.sh',
  '**/*.bash',
  '**/*.py',
  '**/*.cs',
  '**/*.java',
  '**/*.go',
  '**/*.js',
  '**/*.ts',
  '**/Dockerfile',
  '**/docker-compose*.y*ml',
  '**/*.pem',
  '**/*.key',
];

/** Folders never worth reading. */
export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.terraform/**'];

/** Split an action input or CLI list (newlines or commas) into globs. */
export function splitList(input: string | undefined): string[] {
  return (input ?? '')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

/** Does a repository-relative path match the globs (and none of the exclusions)? */
export function matchesPaths(path: string, include: string[], exclude: string[]): boolean {
  return matcher(include)(path) && !matcher([...exclude, ...ALWAYS_EXCLUDED])(path);
}

const matchers = new Map<string, (p: string) => boolean>();

function matcher(globs: string[]): (p: string) => boolean {
  const key = globs.join('\n');
  let m = matchers.get(key);
  if (!m) {
    m = globs.length === 0 ? () => false : picomatch(globs, { dot: true });
    matchers.set(key, m);
  }
  return m;
}

/** Glob the workspace for the files to scan: `include` minus `exclude`, never following symbolic links. */
export async function globWorkspace(root: string, include: string[], exclude: string[]): Promise<string[]> {
  const found = await fg(include, {
    cwd: root,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: [...exclude, ...ALWAYS_EXCLUDED],
    suppressErrors: true,
  });
  return found.sort();
}
