// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into single ESM files for Node 20 and 24.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';

const requireShim = "import { createRequire as __azsecCreateRequire } from 'node:module'; const require = __azsecCreateRequire(import.meta.url);";

/** Run a TypeScript module's export at build time (bundled in memory, imported from a data URL). */
async function evaluateModule(entry, exportName) {
  const outfile = join(mkdtempSync(join(tmpdir(), 'azsec-build-')), 'module.mjs');
  await build({ entryPoints: [entry], bundle: true, outfile, format: 'esm', platform: 'node', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning', banner: { js: requireShim } });
  try {
    const mod = await import(pathToFileURL(outfile).href);
    return mod[exportName];
  } catch (e) {
    // A rule file that does not load stops the build with its own message (not the module's source).
    console.error(`build: ${entry} failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

// The rules are loaded and validated here, with the same code as at run time, and embedded already parsed:
// the bundle then parses no YAML and compiles no schema at start-up.
const ruleFiles = readdirSync('rules')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ path: `rules/${f}`, text: readFileSync(join('rules', f), 'utf8') }));
const loadRules = await evaluateModule('src/engine/load-rules.ts', 'loadRules');
const rules = loadRules(ruleFiles);

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // jsonc-parser's default entry is a UMD build that esbuild cannot follow; take its ESM build.
  mainFields: ['module', 'main'],
  define: { __AZSEC_RULES__: JSON.stringify(rules) },
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', banner: { js: requireShim } });

// The configuration schema, for editors (yaml-language-server) and for reading.
writeFileSync('dist/config.schema.json', JSON.stringify(await evaluateModule('src/policy/config-schema.ts', 'configSchema'), null, 2) + '\n');
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: `#!/usr/bin/env node\n${requireShim}` },
});
