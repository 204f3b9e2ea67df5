/**
 * `npm test`: type-checks, builds the sites the tests read (once, fresh), then runs every
 * unit test (beside the code in src/) and every site and browser test (tests/)
 * in one run of Node's test runner.
 */
import { spawnSync } from 'node:child_process';
import { ensureChromium } from '../tests/helpers/browser.ts';
import { buildSite, ROOT, SITES, type SiteName } from '../tests/helpers/sites.ts';

ensureChromium();
// Types first (TypeScript strict, .astro files included): a type error fails the tests.
const check = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'check'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (check.status !== 0) process.exit(check.status ?? 1);
for (const name of Object.keys(SITES) as SiteName[]) {
  const started = performance.now();
  buildSite(name);
  console.log(`built the ${name} site in ${Math.round(performance.now() - started)} ms`);
}
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=1', 'src/**/*.test.ts', 'tests/**/*.test.ts', ...process.argv.slice(2)],
  { cwd: ROOT, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
