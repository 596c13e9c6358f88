// Runs every benchmark in bench/*.ts: each is bundled with esbuild and run in its own node process, so
// that peak memory is measured per benchmark. Each prints its own table and writes bench/out/<name>.json.
import { build } from 'esbuild';
import { readdirSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const only = process.argv.slice(2);
const dir = 'bench';
const outDir = join(dir, 'out');
mkdirSync(outDir, { recursive: true });
const entries = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));
let failed = 0;
for (const f of entries) {
  const outfile = join(outDir, f.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(dir, f)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  const r = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
