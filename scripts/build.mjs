// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into single ESM files for Node 20 and 24.
// The rule files are read here, at build time, and embedded, so the bundle reads nothing but the user's files.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ruleFiles = readdirSync('rules')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ path: `rules/${f}`, text: readFileSync(join('rules', f), 'utf8') }));

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // jsonc-parser's default entry is a UMD build that esbuild cannot follow; take its ESM build.
  mainFields: ['module', 'main'],
  define: { __AZSEC_RULE_FILES__: JSON.stringify(ruleFiles) },
  legalComments: 'none',
  logLevel: 'warning',
};
const requireShim = "import { createRequire as __azsecCreateRequire } from 'node:module'; const require = __azsecCreateRequire(import.meta.url);";

await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', banner: { js: requireShim } });

// The configuration schema, for editors (yaml-language-server) and for reading.
const { outputFiles } = await build({ ...common, entryPoints: ['src/policy/config-schema.ts'], write: false, format: 'esm', platform: 'neutral' });
const mod = await import('data:text/javascript;base64,' + Buffer.from(outputFiles[0].text).toString('base64'));
writeFileSync('dist/config.schema.json', JSON.stringify(mod.configSchema, null, 2) + '\n');
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: `#!/usr/bin/env node\n${requireShim}` },
});
