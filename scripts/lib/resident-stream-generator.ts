// Worker thread of resident-stream.ts (entered through resident-stream-worker.mjs): generates its
// share of the seed's blocks of residents, a chunk at a time, one chunk per credit the writer gives.
import { type ResidentFacts } from '@resident-graph/personas';
import { generateResidentBlock, RESIDENT_BLOCK } from '@resident-graph/personas/generate';
import { parentPort, workerData } from 'node:worker_threads';

const { asOf, generated, chunkSize, thread, threads } = workerData as {
  asOf: string;
  generated: number;
  chunkSize: number;
  thread: number;
  threads: number;
};
const port = parentPort;
if (!port) throw new Error('resident-stream-generator runs as a worker thread');

function* messages(): Generator<{ chunk: ResidentFacts[] } | { blockDone: number }> {
  const blocks = Math.ceil(generated / RESIDENT_BLOCK);
  for (let block = thread; block < blocks; block += threads) {
    let chunk: ResidentFacts[] = [];
    const limit = generated - block * RESIDENT_BLOCK;
    for (const resident of generateResidentBlock(block, limit, asOf)) {
      chunk.push(resident);
      if (chunk.length === chunkSize) {
        yield { chunk };
        chunk = [];
      }
    }
    if (chunk.length > 0) yield { chunk };
    yield { blockDone: block };
  }
}

const pending = messages();
let credits = 0;
port.on('message', (message: { more: number }) => {
  credits += message.more;
  while (credits > 0) {
    const next = pending.next();
    if (next.done) return;
    port.postMessage(next.value);
    if ('chunk' in next.value) credits -= 1;
  }
});
