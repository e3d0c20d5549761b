// A stand-in subgraph for `npm run bench:fetch`: answers every POST with the same entity fetch
// result (one agency task, as a life-event query's entity fetch gets), after reading the body, so
// the process under test pays for a whole HTTP exchange and nothing on this side varies.
// Reports `{ ready: url }` over IPC (scripts/bench/pinned-processes.ts) and stops with its parent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const answer = JSON.stringify({
  data: {
    _entities: [
      {
        __typename: 'AgencyTask',
        title: 'Enroll in Medicare Part A and Part B',
        status: {
          code: 'NOT_STARTED',
          label: 'Not started',
          description: 'Your Initial Enrollment Period starts three months before you turn 65.',
          nextSteps: ['Sign up online or call us.'],
          expectedBy: null,
          actionRequired: true,
          actionDeadline: '2026-09-30',
        },
      },
    ],
  },
});
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(Buffer.byteLength(answer)),
};

const server = createServer((request, response) => {
  request.resume();
  request.once('end', () => {
    response.writeHead(200, headers);
    response.end(answer);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ ready: `http://127.0.0.1:${port}/graphql` });
});
process.on('disconnect', () => process.exit(0));
