import type { IsoDate } from '@resident-graph/calendar';
import { personas, type ResidentFacts } from '@resident-graph/personas';
import { RESIDENT_BLOCK } from '@resident-graph/personas/generate';
import { Worker } from 'node:worker_threads';

/** Generator threads: generating (faker) costs more than writing (SQLite), and blocks are independent. */
const GENERATORS = 2;
/** Chunks one generator may run ahead of the writer: bounds memory whatever the count. */
const AHEAD = 4;

/** What a generator thread sends: a chunk of a block, or the end of a block. */
type Message = { chunk: ResidentFacts[] } | { blockDone: number };

/**
 * The seed's residents, in order (personas, then `generated` synthetic ones), a chunk at a time.
 * Synthetic residents come in independently seeded blocks (RESIDENT_BLOCK); GENERATORS worker
 * threads each generate every GENERATORS-th block while this thread writes, so generating and
 * writing overlap on every core. Each thread runs at most AHEAD chunks ahead, so memory stays
 * bounded for a million residents.
 */
export async function* residentChunks(
  asOf: IsoDate,
  generated: number,
  chunkSize: number,
): AsyncGenerator<ResidentFacts[]> {
  yield [...personas(asOf)];
  const blocks = Math.ceil(generated / RESIDENT_BLOCK);
  const threads = Array.from({ length: Math.min(GENERATORS, blocks) }, (_, thread) =>
    startGenerator({ asOf, generated, chunkSize, thread, threads: Math.min(GENERATORS, blocks) }),
  );
  try {
    for (let block = 0; block < blocks; block += 1) {
      const thread = threads[block % threads.length];
      if (!thread) throw new Error(`no generator for block ${block}`);
      for (;;) {
        const message = await thread.next();
        if ('blockDone' in message) break;
        yield message.chunk;
      }
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.stop()));
  }
}

function startGenerator(work: {
  asOf: IsoDate;
  generated: number;
  chunkSize: number;
  thread: number;
  threads: number;
}) {
  const worker = new Worker(new URL('./resident-stream-worker.mjs', import.meta.url), {
    workerData: work,
  });
  const queue: Message[] = [];
  const failed: { error: Error | null } = { error: null };
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: Message) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failed.error = error;
    notify();
  });
  worker.on('exit', (code) => {
    failed.error ??= new Error(`resident generator ${work.thread} exited ${code} before its end`);
    notify();
  });
  worker.postMessage({ more: AHEAD });
  return {
    async next(): Promise<Message> {
      for (;;) {
        const message = queue.shift();
        if (message) {
          if ('chunk' in message) worker.postMessage({ more: 1 });
          return message;
        }
        if (failed.error) throw failed.error;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    stop: () => worker.terminate(),
  };
}
