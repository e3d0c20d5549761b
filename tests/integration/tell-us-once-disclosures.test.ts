import { notificationFields, streamKeys, type Notification } from '@resident-graph/notifications';
import { personaResidentId, type PersonaHandle } from '@resident-graph/personas';
import type { Kysely } from '@resident-graph/store';
import type { LifeEventsDatabase } from '@resident-graph/subgraph-life-events';
import { verifyDisclosureLog, type IdentityDatabase } from '@resident-graph/subgraph-identity';
import {
  deleteRedisKeys,
  eventually,
  SHARED_TEST_REDIS_URL,
  uniqueRedisPrefix,
} from '@resident-graph/testing';
import type { TestSystem } from '@resident-graph/testing/system';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './system.js';

// Every agency told is a disclosure the resident can see (issue 9, ADR 0017): a move reported
// through the gateway, over real HTTP, delivered through the machine's Redis (under a prefix of our
// own) to every agency and to identity, whose consumer appends the disclosures to the signed log.
const prefix = uniqueRedisPrefix('tell-us-once-disclosures');
const keys = streamKeys(prefix);

const REPORT_MOVE = `
  mutation Move($input: ReportMoveInput!, $key: String!) {
    reportMove(input: $input, idempotencyKey: $key) { id notifications { id agency } }
  }`;

const DISCLOSURES = `{
  me {
    disclosures(agency: "life-events") {
      records { agency fields recipientKind recipient purpose consentId caseReference requestId }
    }
  }
}`;

interface Record {
  agency: string;
  fields: string[];
  recipientKind: string;
  recipient: string;
  purpose: string;
  consentId: string | null;
  caseReference: string | null;
  requestId: string;
}
interface Reported {
  reportMove: { id: string; notifications: { id: string; agency: string }[] };
}

const phoenix = {
  newAddress: {
    line1: '1200 N Central Ave',
    line2: 'Apt 4',
    city: 'Phoenix',
    state: 'AZ',
    zip: '85004',
  },
  movedOn: '2026-07-01',
};

const MOVE_FIELDS = [
  'MailingAddressInput.city',
  'MailingAddressInput.line1',
  'MailingAddressInput.line2',
  'MailingAddressInput.state',
  'MailingAddressInput.zip',
  'ReportMoveInput.movedOn',
  'ReportMoveInput.newAddress',
];

describe('tell us once: every agency told is in the resident’s disclosure log, once', () => {
  let system: TestSystem;
  let redis: Redis;
  beforeAll(async () => {
    system = await startSystem({
      fixture: {
        delivery: {
          redisUrl: SHARED_TEST_REDIS_URL,
          keyPrefix: prefix,
          maxAttempts: 3,
          retryBaseMs: 50,
          redeliverAfterMs: 1_000,
          pollMs: 50,
        },
      },
    });
    redis = new Redis(SHARED_TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await system?.stop();
    await deleteRedisKeys(SHARED_TEST_REDIS_URL, prefix);
  });

  const lifeEvents = () => system.store('life-events').db as Kysely<LifeEventsDatabase>;
  const identity = () => system.subgraph('identity').store.db as Kysely<IdentityDatabase>;
  const verify = () => verifyDisclosureLog(identity(), system.subgraph('identity').recordsKey.jwks);

  async function reportMove(persona: PersonaHandle, key: string): Promise<Reported['reportMove']> {
    const token = await system.token(personaResidentId(persona));
    const reported = await system.query<Reported>(REPORT_MOVE, {
      token,
      variables: { input: phoenix, key },
    });
    expect(reported.errors).toBeUndefined();
    return reported.data!.reportMove;
  }

  /** The resident's disclosures of what they declared, once `count` are there. */
  async function declaredDisclosures(persona: PersonaHandle, count: number): Promise<Record[]> {
    const token = await system.token(personaResidentId(persona));
    return eventually(
      async () => {
        const answer = await system.query<{ me: { disclosures: { records: Record[] } } }>(
          DISCLOSURES,
          { token },
        );
        expect(answer.errors).toBeUndefined();
        const records = answer.data!.me.disclosures.records;
        return records.length >= count ? records : undefined;
      },
      { what: `${count} disclosures for ${persona}`, timeoutMs: 20_000 },
    );
  }

  const accountingOf = (declarationId: string) =>
    lifeEvents()
      .selectFrom('declaration_accounting')
      .selectAll()
      .where('declaration_id', '=', declarationId)
      .executeTakeFirstOrThrow();

  it('lists one disclosure per agency told: which fields, which agency, the declaration as purpose', async () => {
    const declaration = await reportMove('grace', 'grace-move-disclosed-1');
    const records = await declaredDisclosures('grace', 4);
    expect(records).toHaveLength(4);
    const told = declaration.notifications;
    expect(told.map((n) => n.agency)).toEqual(['USPS', 'IRS', 'SSA', 'STATE']);
    expect([...records].sort((a, b) => a.recipient.localeCompare(b.recipient))).toEqual(
      [...told]
        .sort((a, b) => a.agency.localeCompare(b.agency))
        .map((n) => ({
          agency: 'life-events',
          fields: MOVE_FIELDS,
          recipientKind: 'AGENCY',
          recipient: n.agency.toLowerCase(),
          purpose: `Tell us once: the move you reported (declaration ${declaration.id})`,
          consentId: null,
          caseReference: declaration.id,
          requestId: n.id,
        })),
    );
    expect(await verify()).toMatchObject({ problems: [] });

    // Identity is no agency told: the resident's declaration, journey and messages show four.
    const token = await system.token(personaResidentId('grace'));
    const settled = await eventually(
      async () => {
        const answer = await system.query<{
          me: {
            declarations: { notifications: { agency: string; delivery: { code: string } }[] }[];
            notifications: { unreadCount: number; items: { agency: string }[] };
            journey: { steps: { agency: string }[] };
          };
        }>(
          `{ me { declarations { notifications { agency delivery { code } } }
              notifications { unreadCount items { agency } }
              journey(event: MOVING) { steps { agency } } } }`,
          { token },
        );
        const [latest] = answer.data?.me.declarations ?? [];
        return latest?.notifications.every((n) => n.delivery.code !== 'SENDING')
          ? answer.data!.me
          : undefined;
      },
      { what: 'every agency’s outcome' },
    );
    expect(settled.declarations[0]!.notifications.map((n) => n.agency)).toEqual([
      'USPS',
      'IRS',
      'SSA',
      'STATE',
    ]);
    expect(settled.notifications.unreadCount).toBe(4);
    expect(new Set(settled.notifications.items.map((n) => n.agency))).toEqual(
      new Set(['USPS', 'IRS', 'SSA', 'STATE']),
    );
    expect(settled.journey.steps.map((s) => s.agency)).toEqual(['USPS', 'IRS', 'SSA', 'IRS']);
    expect((await accountingOf(declaration.id)).status).toBe('APPLIED');
  });

  it('records nothing twice when the notice is delivered again, by the stream or by the outbox', async () => {
    const declaration = await reportMove('walter', 'walter-move-disclosed-1');
    await declaredDisclosures('walter', 4);
    const notice = await accountingOf(declaration.id);
    expect(notice.status).toBe('APPLIED');
    const before = await verify();

    // The same entry again on identity's stream, as a relay that never heard the outcome sends it.
    const redelivered: Notification = {
      id: notice.id,
      declarationId: declaration.id,
      residentId: personaResidentId('walter'),
      agency: 'IDENTITY',
      kind: 'MOVE',
      payload: JSON.parse(notice.payload) as Notification['payload'],
    };
    await redis.xadd(keys.notifications('IDENTITY'), '*', ...notificationFields(redelivered));
    // Identity deletes each entry once it has answered it: an empty stream means it was handled.
    await eventually(
      async () => ((await redis.xlen(keys.notifications('IDENTITY'))) === 0 ? true : undefined),
      { what: 'identity to answer the redelivered notice' },
    );

    // The outcome lost (the row back to PENDING): the relay publishes it again after its cutoff.
    await lifeEvents()
      .updateTable('declaration_accounting')
      .set({ status: 'PENDING', outcome_at: null })
      .where('id', '=', notice.id)
      .execute();
    await eventually(
      async () => ((await accountingOf(declaration.id)).status === 'APPLIED' ? true : undefined),
      { what: 'the relay to redeliver the notice and record identity’s outcome' },
    );

    expect(await declaredDisclosures('walter', 4)).toHaveLength(4);
    const applied = await identity()
      .selectFrom('applied_notification')
      .selectAll()
      .where('notification_id', '=', notice.id)
      .execute();
    expect(applied).toHaveLength(1);
    expect(await verify()).toEqual({ checked: before.checked, problems: [] });
  });

  it('loses nothing when Redis loses the notice before identity read it', async () => {
    await system.stopSubgraph('identity');
    const declaration = await reportMove('rosa', 'rosa-move-disclosed-1');
    // Published to identity's stream, which nobody reads while identity is down.
    await eventually(
      async () => ((await accountingOf(declaration.id)).published_at !== null ? true : undefined),
      { what: 'the notice to be published' },
    );
    expect(await redis.xlen(keys.notifications('IDENTITY'))).toBeGreaterThan(0);
    // Redis loses everything of ours: streams, consumer groups, the relay's epoch.
    await deleteRedisKeys(SHARED_TEST_REDIS_URL, prefix);
    await system.restartSubgraph('identity');

    const records = await declaredDisclosures('rosa', 4);
    expect(records.map((r) => r.recipient).sort()).toEqual(['irs', 'ssa', 'state', 'usps']);
    expect(records.every((r) => r.caseReference === declaration.id)).toBe(true);
    expect(await verify()).toMatchObject({ problems: [] });
  });
});
