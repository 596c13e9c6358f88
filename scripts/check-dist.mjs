// Fails when dist/ differs from what a fresh build produces (dist/ is committed for the action runner).
import { execFileSync } from 'node:child_process';

execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
const status = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' });
if (status.trim() !== '') {
  console.error('dist/ is not the output of a fresh build. Run `npm run build` and commit dist/.\n' + status);
  process.exit(1);
}
console.log('dist/ matches a fresh build.');
