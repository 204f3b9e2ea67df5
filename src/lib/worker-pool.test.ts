import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workerPool } from './worker-pool.ts';

const worker = new URL('./fixtures/echo-worker.ts', import.meta.url);

describe('a worker pool', () => {
  it('gives each job its own result, whichever thread finished first', async () => {
    const pool = workerPool<number, number>(worker, 2);
    try {
      const jobs = Array.from({ length: 40 }, (_, n) => n + 20);
      assert.deepEqual(
        await Promise.all(jobs.map((n) => pool.run(n))),
        jobs.map((n) => n * 2),
      );
    } finally {
      await pool.close();
    }
  });

  it('fails the job that failed, with its error, and goes on with the others', async () => {
    const pool = workerPool<number, number>(worker, 2);
    try {
      const results = await Promise.allSettled([1, -5, 3].map((n) => pool.run(n)));
      assert.deepEqual(results[0], { status: 'fulfilled', value: 2 });
      assert.equal(results[1]?.status, 'rejected');
      assert.match(String((results[1] as PromiseRejectedResult).reason), /cannot double -5/);
      assert.deepEqual(results[2], { status: 'fulfilled', value: 6 });
    } finally {
      await pool.close();
    }
  });

  it('replaces a thread that died, failing only its job', async () => {
    const pool = workerPool<number, number>(worker, 1);
    try {
      const results = await Promise.allSettled([13, 4, 5].map((n) => pool.run(n)));
      assert.equal(results[0]?.status, 'rejected');
      assert.deepEqual(results.slice(1), [
        { status: 'fulfilled', value: 8 },
        { status: 'fulfilled', value: 10 },
      ]);
    } finally {
      await pool.close();
    }
  });

  it('refuses jobs once closed', async () => {
    const pool = workerPool<number, number>(worker, 1);
    await pool.close();
    await assert.rejects(pool.run(1), /closed/);
  });
});
