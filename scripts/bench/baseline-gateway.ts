// The baseline of `npm run bench:gateway`: a plain @apollo/gateway + @apollo/server with their
// defaults, serving the supergraph file given, on a free port. Nothing of ours is in it.
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readFileSync } from 'node:fs';

const supergraphPath = process.argv[2];
if (!supergraphPath) throw new Error('usage: baseline-gateway.ts <supergraph file>');
const server = new ApolloServer({
  gateway: new ApolloGateway({ supergraphSdl: readFileSync(supergraphPath, 'utf8') }),
});
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
process.send?.({ ready: url });
process.once('disconnect', () => process.exit(0));
