import { loadSubgraphConfig } from '@resident-graph/federation';
import { listDeadLetters, replayDeadLetters } from '@resident-graph/notifications';
import { Redis } from 'ioredis';
import { parseArgs } from 'node:util';

// Operator tool for "tell us once" (ADR 0014): lists the notifications agencies gave up on, and puts
// them back on the agency's stream once the cause is fixed. Reads REDIS_URL and REDIS_KEY_PREFIX
// as the subgraphs do.
//   npm run dead-letters -- list [--agency USPS]
//   npm run dead-letters -- replay --agency USPS [--entry <id> …]
// IDENTITY: the notices that record each declaration's disclosures in the resident's log (ADR 0017).
const receivingAgencies = ['USPS', 'IRS', 'SSA', 'STATE', 'IDENTITY'];

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    agency: { type: 'string' },
    entry: { type: 'string', multiple: true },
  },
});
const [command] = positionals;
const agency = values.agency?.toUpperCase();
if ((command !== 'list' && command !== 'replay') || (command === 'replay' && !agency)) {
  console.error(
    'usage: npm run dead-letters -- list [--agency USPS] | replay --agency USPS [--entry <id> …]',
  );
  process.exit(2);
}
if (agency && !receivingAgencies.includes(agency)) {
  console.error(`unknown agency ${agency}; one of ${receivingAgencies.join(', ')}`);
  process.exit(2);
}

const { delivery } = loadSubgraphConfig('dead-letters', 0, process.env);
if (!delivery.redisUrl) {
  console.error('REDIS_URL is not set: set it to the Redis the subgraphs deliver through.');
  process.exit(2);
}
const redis = new Redis(delivery.redisUrl, { maxRetriesPerRequest: 1 });
try {
  if (command === 'list') {
    for (const name of agency ? [agency] : receivingAgencies) {
      const letters = await listDeadLetters(redis, delivery.keyPrefix, name);
      console.log(`${name}: ${letters.length} dead-lettered`);
      for (const letter of letters) {
        console.log(
          `  ${letter.entryId}  notification ${letter.notificationId ?? '(unreadable)'}  ${letter.kind ?? ''}  after ${letter.deliveries} tries  at ${letter.deadLetteredAt ?? '?'}`,
        );
      }
    }
  } else {
    const replayed = await replayDeadLetters(redis, delivery.keyPrefix, agency!, values.entry);
    console.log(`${agency}: replayed ${replayed}`);
  }
} finally {
  redis.disconnect();
}
