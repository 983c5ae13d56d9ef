// The stream of prepared batches the import consumes: inline for small files, from a worker thread for
// large ones so that parsing and validation overlap the database work on the main thread.
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { prepareRoster, type PrepareInput, type PreparedBatch } from './roster-prepare.ts';

export type WorkerMessage = { type: 'batch'; batch: PreparedBatch } | { type: 'done' } | { type: 'failed'; message: string };

/** Below this size a worker's start-up (loading TypeScript) costs more than it saves. */
const WORKER_MIN_BYTES = 512 * 1024;
/** Batches the worker may run ahead of the consumer. */
const CREDITS = 16;

export async function* preparedBatches(input: PrepareInput): AsyncGenerator<PreparedBatch> {
  const { size } = await stat(input.filePath).catch(() => ({ size: 0 }));
  if (size < WORKER_MIN_BYTES) {
    yield* prepareRoster(input);
    return;
  }
  yield* fromWorker(input);
}

async function* fromWorker(input: PrepareInput): AsyncGenerator<PreparedBatch> {
  const worker = new Worker(new URL('./roster-worker-entry.mjs', import.meta.url), { workerData: input });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  const push = (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
    wake = undefined;
  };
  worker.on('message', push);
  worker.on('error', (e: Error) => push({ type: 'failed', message: e.message }));
  worker.on('exit', (code) => push(code === 0 ? { type: 'done' } : { type: 'failed', message: `导入进程异常退出（${code}）` }));
  for (let i = 0; i < CREDITS; i++) worker.postMessage('credit');
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((r) => (wake = r));
      const m = queue.shift()!;
      if (m.type === 'done') return;
      if (m.type === 'failed') throw new Error(m.message);
      worker.postMessage('credit');
      yield m.batch;
    }
  } finally {
    // Also on early exit (an error in the consumer): stop parsing at once.
    await worker.terminate();
  }
}
