/**
 * A few worker threads taking jobs one after another, for work done item by
 * item where each stands on its own (rendering notes), so a build uses every
 * core. Threads start with the first job, so a pool that gets none costs
 * nothing. The worker module answers with `serveJobs`.
 */
import { parentPort, type ResourceLimits, Worker } from 'node:worker_threads';

export interface WorkerPool<Job, Result> {
  run(job: Job): Promise<Result>;
  /** Stops the threads (waiting jobs are refused). */
  close(): Promise<void>;
}

interface Waiting<Job, Result> {
  job: Job;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/** `limits`: each thread's heap (a job that needs more fails with `ERR_WORKER_OUT_OF_MEMORY`; its thread is replaced). */
export function workerPool<Job, Result>(
  module: URL,
  threads: number,
  limits?: ResourceLimits,
): WorkerPool<Job, Result> {
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const queue: Waiting<Job, Result>[] = [];
  const working = new Map<Worker, Waiting<Job, Result>>();
  let closed = false;

  const dispatch = () => {
    while (queue.length > 0 && (idle.length > 0 || workers.length < threads)) {
      const worker = idle.pop() ?? start();
      const waiting = queue.shift() as Waiting<Job, Result>;
      working.set(worker, waiting);
      worker.postMessage(waiting.job);
    }
  };
  const start = () => {
    const worker = new Worker(module, limits ? { resourceLimits: limits } : {});
    workers.push(worker);
    worker.on('message', (message: { result?: Result; error?: string }) => {
      const waiting = working.get(worker);
      working.delete(worker);
      idle.push(worker);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.result as Result);
      dispatch();
    });
    // A thread that failed or stopped is replaced by the next job's: its own job fails, the others go on.
    const lost = (error: Error) => {
      working.get(worker)?.reject(error);
      working.delete(worker);
      if (workers.includes(worker)) workers.splice(workers.indexOf(worker), 1);
      if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
      if (!closed) dispatch();
    };
    worker.on('error', lost);
    worker.on('messageerror', lost);
    worker.on('exit', (code) => lost(new Error(`a worker thread stopped (exit code ${code})`)));
    return worker;
  };

  return {
    run(job) {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      return new Promise<Result>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const waiting of queue.splice(0)) waiting.reject(new Error('the worker pool is closed'));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * In a worker module: answers each job with `handle`'s result. An error is
 * sent back as its stack, and the pool's caller gets it as an error.
 */
export function serveJobs<Job, Result>(handle: (job: Job) => Promise<Result> | Result): void {
  parentPort?.on('message', async (job: Job) => {
    try {
      parentPort?.postMessage({ result: await handle(job) });
    } catch (error) {
      parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
