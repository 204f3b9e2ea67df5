/**
 * The test tiers, fastest first, so a change is checked at the cost it needs:
 * - `unit`: the pipeline's pure functions, beside the code (`src/**\/*.test.ts`, `scripts/**\/*.test.ts`); no build, seconds;
 * - `site`: builds the sites the tests read (once, fresh), then checks their pages, links and broken-note reports (`tests/site/`);
 * - `browser`: the built sites in Chromium: reading, search, offline, accessibility, Lighthouse (`tests/browser/`).
 * `node scripts/test.ts` (npm test) lints, type-checks and runs all three; `node scripts/test.ts unit` runs one tier.
 * Extra arguments go to Node's test runner (e.g. `--test-name-pattern=…`).
 */
import { spawnSync } from 'node:child_process';
import { ensureChromium } from '../tests/helpers/browser.ts';
import { buildSite, ROOT, SITES, type SiteName } from '../tests/helpers/sites.ts';

const TIERS = {
  unit: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  site: ['tests/site/**/*.test.ts'],
  browser: ['tests/browser/**/*.test.ts'],
} as const;
type Tier = keyof typeof TIERS;

const [first, ...rest] = process.argv.slice(2);
const chosen: Tier[] = first && first in TIERS ? [first as Tier] : (Object.keys(TIERS) as Tier[]);
const runnerArguments = first && first in TIERS ? rest : process.argv.slice(2);

function run(command: string[]): void {
  const result = spawnSync(process.execPath, command, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (chosen.length > 1) {
  // Lint and types first (Biome; TypeScript strict, .astro files included): either failing fails the tests.
  run(['node_modules/@biomejs/biome/bin/biome', 'check', '.']);
  run(['node_modules/astro/bin/astro.mjs', 'check']);
}
if (chosen.includes('browser')) ensureChromium();
if (chosen.includes('site') || chosen.includes('browser')) {
  for (const name of Object.keys(SITES) as SiteName[]) {
    const started = performance.now();
    buildSite(name);
    console.log(`built the ${name} site in ${Math.round(performance.now() - started)} ms`);
  }
}
// A test file that hangs (a page that never answers, a promise that never settles) fails after five minutes
// instead of holding CI until its own limit.
run([
  '--test',
  '--test-concurrency=1',
  '--test-timeout=300000',
  ...chosen.flatMap((tier) => TIERS[tier]),
  ...runnerArguments,
]);
