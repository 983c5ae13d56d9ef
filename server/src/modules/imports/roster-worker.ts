// Worker-thread host for prepareRoster: posts each batch and waits for a credit from the main thread before
// running ahead more than a few batches, so memory stays bounded whatever the file size.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareRoster, type PrepareInput } from './roster-prepare.ts';
import type { WorkerMessage } from './prepared-batches.ts';

const port = parentPort!;
let credits = 0;
let waiting: (() => void) | undefined;
port.on('message', (m: 'credit') => {
  if (m !== 'credit') return;
  credits++;
  waiting?.();
  waiting = undefined;
});

const post = (m: WorkerMessage) => port.postMessage(m);

try {
  for await (const batch of prepareRoster(workerData as PrepareInput)) {
    while (credits === 0) await new Promise<void>((r) => (waiting = r));
    credits--;
    post({ type: 'batch', batch });
  }
  post({ type: 'done' });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
