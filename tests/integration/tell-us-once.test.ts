import { personaResidentId } from '@resident-graph/personas';
import {
  deleteRedisKeys,
  eventually,
  SHARED_TEST_REDIS_URL,
  uniqueRedisPrefix,
} from '@resident-graph/testing';
import type { TestSystem } from '@resident-graph/testing/system';
import { sql } from '@resident-graph/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './system.js';

// Tell us once, end to end: every subgraph and the gateway over real HTTP, the life-events outbox
// relay and each agency's consumer running against the machine's Redis under a prefix of our own.
const prefix = uniqueRedisPrefix('tell-us-once');

const REPORT_MOVE = `
  mutation Move($input: ReportMoveInput!, $key: String!) {
    reportMove(input: $input, idempotencyKey: $key) {
      id kind eventDate declaredOn
      notifications { agency delivery { code label } }
    }
  }`;

const DECLARATIONS_AND_JOURNEY = `{
  me {
    declarations {
      id
      notifications {
        agency
        delivery { code label description actionRequired }
        task { ... on AgencyTask { agency status { code label } } }
      }
    }
    journey(event: MOVING) {
      active
      steps {
        agency
        notice { delivery { code } }
        task { __typename ... on AgencyTask { status { code label description } } }
      }
    }
  }
}`;

interface Notification {
  agency: string;
  delivery: { code: string; label: string; description: string; actionRequired: boolean };
  task: { agency: string; status: { code: string; label: string } } | null;
}
interface Answer {
  me: {
    declarations: { id: string; notifications: Notification[] }[];
    journey: {
      active: boolean;
      steps: {
        agency: string;
        notice: { delivery: { code: string } } | null;
        task: { __typename: string; status: { code: string } };
      }[];
    };
  };
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

describe('tell us once: reportMove through the gateway, delivered to every agency', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({
      fixture: {
        delivery: {
          redisUrl: SHARED_TEST_REDIS_URL,
          keyPrefix: prefix,
          maxAttempts: 3,
          retryBaseMs: 50,
          redeliverAfterMs: 5_000,
          pollMs: 50,
        },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await system?.stop();
    await deleteRedisKeys(SHARED_TEST_REDIS_URL, prefix);
  });

  it('records one declaration, then shows each agency receiving it and its task moving on', async () => {
    const token = await system.token(personaResidentId('grace'));
    const before = await system.query<Answer>(DECLARATIONS_AND_JOURNEY, { token });
    expect(before.errors).toBeUndefined();
    expect(before.data!.me.journey.active).toBe(false);
    const stepCodes = (answer: Answer) =>
      Object.fromEntries(
        answer.me.journey.steps.map((s) => [s.task.__typename, s.task.status.code]),
      );
    expect(stepCodes(before.data!)).toMatchObject({
      MailForwarding: 'NO_REQUEST',
      SocialSecurityAddressUpdate: 'NOT_NEEDED',
    });

    const reported = await system.query<{
      reportMove: {
        id: string;
        kind: string;
        notifications: { agency: string; delivery: { code: string } }[];
      };
    }>(REPORT_MOVE, { token, variables: { input: phoenix, key: 'grace-move-0001' } });
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.reportMove.kind).toBe('MOVE');
    expect(reported.data!.reportMove.notifications.map((n) => n.agency)).toEqual([
      'USPS',
      'IRS',
      'SSA',
      'STATE',
    ]);

    const settled = await eventually(
      async () => {
        const answer = await system.query<Answer>(DECLARATIONS_AND_JOURNEY, { token });
        const notifications = answer.data?.me.declarations[0]?.notifications ?? [];
        return notifications.length === 4 &&
          notifications.every((n) => n.delivery.code !== 'SENDING')
          ? answer.data!
          : undefined;
      },
      { what: 'every agency’s outcome' },
    );
    const byAgency = Object.fromEntries(
      settled.me.declarations[0]!.notifications.map((n) => [n.agency, n]),
    );
    expect(byAgency.USPS?.delivery.code).toBe('RECEIVED');
    expect(byAgency.IRS?.delivery.code).toBe('RECEIVED');
    expect(byAgency.SSA?.delivery.code).toBe('RECEIVED');
    // Each notification points at the agency's own task, resolved by that agency.
    expect(byAgency.USPS?.task?.status.code).toBe('SUBMITTED');
    expect(byAgency.SSA?.task?.status.code).toBe('COMPLETED');
    expect(byAgency.IRS?.task?.agency).toBe('IRS');
    // The MOVING journey is now active, and each agency's step shows what it did.
    expect(settled.me.journey.active).toBe(true);
    expect(stepCodes(settled)).toMatchObject({
      MailForwarding: 'SUBMITTED',
      SocialSecurityAddressUpdate: 'COMPLETED',
    });
    expect(stepCodes(settled).TaxAddressChange).not.toBe(stepCodes(before.data!).TaxAddressChange);
    // The resident heard about each agency's outcome: newest first, all unread, then read.
    const FEED = '{ me { notifications { unreadCount items { id agency title read } } } }';
    interface Feed {
      me: {
        notifications: {
          unreadCount: number;
          items: { id: string; agency: string; title: string; read: boolean }[];
        };
      };
    }
    const feed = await system.query<Feed>(FEED, { token });
    expect(feed.errors).toBeUndefined();
    const { items, unreadCount } = feed.data!.me.notifications;
    expect(unreadCount).toBe(4);
    expect(new Set(items.map((n) => n.agency))).toEqual(new Set(['USPS', 'IRS', 'SSA', 'STATE']));
    expect(items.find((n) => n.agency === 'SSA')?.title).toBe(
      'Social Security has your new address',
    );
    const MARK = 'mutation Mark($ids: [ID!]) { markNotificationsRead(ids: $ids) }';
    const one = await system.query<{ markNotificationsRead: number }>(MARK, {
      token,
      variables: { ids: [items[0]!.id] },
    });
    expect(one.data?.markNotificationsRead).toBe(1);
    expect((await system.query<Feed>(FEED, { token })).data!.me.notifications.unreadCount).toBe(3);
    const all = await system.query<{ markNotificationsRead: number }>(MARK, { token });
    expect(all.data?.markNotificationsRead).toBe(3);
    const again = await system.query<{ markNotificationsRead: number }>(MARK, { token });
    expect(again.data?.markNotificationsRead).toBe(0);

    // Each step also carries what its agency made of the move, from life-events' own outbox.
    expect(before.data!.me.journey.steps.map((s) => s.notice)).toEqual([null, null, null, null]);
    expect(settled.me.journey.steps.map((s) => [s.agency, s.notice?.delivery.code])).toEqual([
      ['USPS', 'RECEIVED'],
      ['IRS', 'RECEIVED'],
      ['SSA', 'RECEIVED'],
      ['IRS', 'RECEIVED'],
    ]);
  });

  it('answers a retry with the same key as the first time, and records nothing new', async () => {
    const token = await system.token(personaResidentId('walter'));
    const send = () =>
      system.query<{ reportMove: { id: string } }>(REPORT_MOVE, {
        token,
        variables: { input: phoenix, key: 'walter-move-0001' },
      });
    // Concurrently: ten race for the same unique key.
    const answers = await Promise.all(Array.from({ length: 10 }, send));
    const third = await send();
    const first = answers[0]!;
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(new Set(answers.map((a) => a.data!.reportMove.id))).toEqual(
      new Set([first.data!.reportMove.id]),
    );
    expect(third.data!.reportMove.id).toBe(first.data!.reportMove.id);
    const rows = await system
      .store('life-events')
      .db.selectFrom('declaration' as never)
      .select(['id' as never])
      .where('resident_id' as never, '=', personaResidentId('walter') as never)
      .execute();
    expect(rows).toHaveLength(1);

    const reused = await system.query(REPORT_MOVE, {
      token,
      variables: { input: { ...phoenix, movedOn: '2026-07-02' }, key: 'walter-move-0001' },
    });
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses bad input with a clear code, recording nothing', async () => {
    const token = await system.token(personaResidentId('rosa'));
    const attempt = async (input: object, key = 'rosa-move-bad-input') => {
      const answer = await system.query(REPORT_MOVE, { token, variables: { input, key } });
      expect(answer.data).toBeNull();
      return answer.errors?.[0];
    };
    const zip = await attempt({ ...phoenix, newAddress: { ...phoenix.newAddress, zip: '8500' } });
    expect(zip?.extensions).toMatchObject({ code: 'INVALID_ADDRESS', field: 'zip' });
    const state = await attempt({ ...phoenix, newAddress: { ...phoenix.newAddress, state: 'XX' } });
    expect(state?.extensions).toMatchObject({ code: 'INVALID_ADDRESS', field: 'state' });
    const past = await attempt({ ...phoenix, movedOn: '2024-01-01' });
    expect(past?.extensions).toMatchObject({ code: 'DATE_OUT_OF_RANGE', earliest: '2025-06-16' });
    expect(past?.message).toMatch(/up to a year after/);
    const future = await attempt({ ...phoenix, movedOn: '2026-12-01' });
    expect(future?.extensions).toMatchObject({ code: 'DATE_OUT_OF_RANGE', latest: '2026-09-15' });
    const cms = await attempt({ ...phoenix, agencies: ['USPS', 'CMS'] });
    expect(cms?.extensions).toMatchObject({ code: 'AGENCY_NOT_NOTIFIABLE' });
    const none = await attempt({ ...phoenix, agencies: [] });
    expect(none?.extensions?.code).toBe('AGENCY_NOT_NOTIFIABLE');
    const key = await attempt(phoenix, 'short');
    expect(key?.extensions?.code).toBe('BAD_USER_INPUT');
    const answer = await system.query<Answer>(DECLARATIONS_AND_JOURNEY, { token });
    expect(answer.data?.me.declarations).toEqual([]);
  });

  it('reports a birth once to Social Security, the IRS and State, and the HAVING_A_CHILD journey follows', async () => {
    const token = await system.token(personaResidentId('rosa'));
    const REPORT_BIRTH = `mutation Birth($input: ReportBirthInput!, $key: String!) {
      reportBirth(input: $input, idempotencyKey: $key) { id kind eventDate notifications { agency } }
    }`;
    const future = await system.query(REPORT_BIRTH, {
      token,
      variables: {
        input: { childGivenName: 'Lena', childBirthDate: '2026-06-16' },
        key: 'rosa-birth-0001',
      },
    });
    expect(future.errors?.[0]?.extensions).toMatchObject({
      code: 'DATE_OUT_OF_RANGE',
      latest: '2026-06-15',
    });
    const reported = await system.query<{
      reportBirth: { kind: string; eventDate: string; notifications: { agency: string }[] };
    }>(REPORT_BIRTH, {
      token,
      variables: {
        input: { childGivenName: 'Lena', childBirthDate: '2026-06-10' },
        key: 'rosa-birth-0001',
      },
    });
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.reportBirth).toMatchObject({ kind: 'BIRTH', eventDate: '2026-06-10' });
    expect(reported.data!.reportBirth.notifications.map((n) => n.agency)).toEqual([
      'SSA',
      'IRS',
      'STATE',
    ]);
    const journey = await eventually(
      async () => {
        const answer = await system.query<{
          me: {
            journey: {
              active: boolean;
              steps: {
                agency: string;
                notice: { delivery: { code: string } } | null;
                task: { __typename: string; status: { code: string } };
              }[];
            };
          };
        }>(
          `{ me { journey(event: HAVING_A_CHILD) { active steps { agency notice { delivery { code } }
             task { __typename ... on AgencyTask { status { code } } } } } } }`,
          { token },
        );
        const steps = answer.data?.me.journey.steps ?? [];
        return steps.length > 0 && steps.every((s) => s.notice?.delivery.code === 'RECEIVED')
          ? answer.data!.me.journey
          : undefined;
      },
      { what: 'every agency to receive the birth' },
    );
    expect(journey.active).toBe(true);
    expect(journey.steps.map((s) => [s.task.__typename, s.task.status.code])).toEqual([
      ['NewbornSocialSecurityCard', 'REQUESTED'],
      ['ChildTaxCredit', 'ELIGIBLE'],
      ['ChildPassportApplication', expect.any(String)],
    ]);
  });

  it('renews a passport online once when the rules allow it, and says why not when they do not', async () => {
    const RENEW = `mutation Renew($key: String!) {
      renewPassportOnline(input: { expedited: true }, idempotencyKey: $key) {
        canRenewOnline status { code label }
      }
    }`;
    const ava = await system.token(personaResidentId('ava'));
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        system.query<{ renewPassportOnline: { status: { code: string } } }>(RENEW, {
          token: ava,
          variables: { key: 'ava-renewal-0001' },
        }),
      ),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(answers.map((a) => a.data!.renewPassportOnline.status.code)).toEqual(
      Array(5).fill('IN_PROCESS'),
    );
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from renewal_application r join resident_link l on l.state_id = r.state_id
      where l.resident_id = ${personaResidentId('ava')} and r.submitted_on = '2026-06-15'
    `.execute(system.store('state').db);
    expect(Number(rows[0]?.n)).toBe(1);
    const again = await system.query(RENEW, { token: ava, variables: { key: 'ava-renewal-0002' } });
    expect(again.errors?.[0]?.extensions?.code).toBe('ALREADY_APPLIED');

    const grace = await system.token(personaResidentId('grace'));
    const refused = await system.query(RENEW, {
      token: grace,
      variables: { key: 'grace-renewal-01' },
    });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE_ONLINE' });
    expect(refused.errors?.[0]?.message).toMatch(/Online renewal opens a year before it expires/);
  });

  it('applies for retirement benefits once, with a start month the rules allow, and says why not otherwise', async () => {
    const APPLY = `mutation Apply($month: String!, $key: String!) {
      act { applyForRetirement(startMonth: $month, idempotencyKey: $key) { filedOn status { code label } } }
    }`;
    interface Applied {
      act: { applyForRetirement: { filedOn: string; status: { code: string } } };
    }
    const ava = await system.token(personaResidentId('ava'));
    const refusedWith = async (month: string, key: string, token = ava) => {
      const answer = await system.query(APPLY, { token, variables: { month, key } });
      return answer.errors?.[0];
    };
    // Today is June 2026: a past month, and one more than 4 months ahead, are refused.
    const past = await refusedWith('2026-05', 'ava-retire-past');
    expect(past?.extensions).toMatchObject({
      code: 'START_MONTH_NOT_ALLOWED',
      earliest: '2026-06',
      latest: '2026-10',
    });
    expect(past?.message).toMatch(/May 2026 is in the past/);
    expect((await refusedWith('2026-11', 'ava-retire-late'))?.extensions?.code).toBe(
      'START_MONTH_NOT_ALLOWED',
    );
    expect((await refusedWith('October', 'ava-retire-bad'))?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );

    const answers = await Promise.all(
      Array.from({ length: 3 }, () =>
        system.query<Applied>(APPLY, {
          token: ava,
          variables: { month: '2026-10', key: 'ava-retire-0001' },
        }),
      ),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(answers.map((a) => a.data!.act.applyForRetirement.status.code)).toEqual([
      'RECEIVED',
      'RECEIVED',
      'RECEIVED',
    ]);
    expect(answers[0]!.data!.act.applyForRetirement.filedOn).toBe('2026-06-15');
    expect((await refusedWith('2026-09', 'ava-retire-0002'))?.extensions?.code).toBe(
      'ALREADY_APPLIED',
    );
    // Grace is far from 62: nothing to choose yet, and she is told when she can apply.
    const grace = await system.token(personaResidentId('grace'));
    const early = await refusedWith('2026-07', 'grace-retire-01', grace);
    expect(early?.extensions?.code).toBe('START_MONTH_NOT_ALLOWED');
    expect(early?.message).toMatch(/You can apply from/);
  });

  it('signs up for Medicare Parts A and B once in the enrollment window, and says when otherwise', async () => {
    const SIGN_UP = `mutation SignUp($key: String!) {
      act { signUpForMedicare(idempotencyKey: $key) { partA partB status { code } } }
    }`;
    interface SignedUp {
      act: { signUpForMedicare: { partA: string; partB: string; status: { code: string } } };
    }
    // Ava turns 65 in August 2026: her Initial Enrollment Period runs May to November.
    const ava = await system.token(personaResidentId('ava'));
    const answers = await Promise.all(
      Array.from({ length: 3 }, () =>
        system.query<SignedUp>(SIGN_UP, { token: ava, variables: { key: 'ava-medicare-0001' } }),
      ),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    for (const answer of answers) {
      expect(answer.data!.act.signUpForMedicare).toMatchObject({
        partA: 'PENDING',
        partB: 'PENDING',
        status: { code: 'PENDING' },
      });
    }
    const again = await system.query(SIGN_UP, {
      token: ava,
      variables: { key: 'ava-medicare-0002' },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('ALREADY_APPLIED');
    // Grace is years from 65: told when her window opens.
    const grace = await system.token(personaResidentId('grace'));
    const early = await system.query(SIGN_UP, {
      token: grace,
      variables: { key: 'grace-medicare-01' },
    });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'OUTSIDE_ENROLLMENT_WINDOW' });
    expect(early.errors?.[0]?.message).toMatch(/Initial Enrollment Period opens on/);
  });

  it('lets only the resident at a verified identity act, with a first-party application', async () => {
    const weak = await system.token(personaResidentId('ava'), { assurance: 'AUTH_ONLY' });
    const refused = await system.query(REPORT_MOVE, {
      token: weak,
      variables: { input: phoenix, key: 'ava-move-0001' },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'policy:assurance:verified',
    });
    const thirdParty = await system.token(personaResidentId('ava'), {
      clientId: 'benefits-navigator-demo',
      scopes: ['identity:read', 'journey:read'],
    });
    const noScope = await system.query(REPORT_MOVE, {
      token: thirdParty,
      variables: { input: phoenix, key: 'ava-move-0002' },
    });
    expect(noScope.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'scope:actions:write',
    });
    const weakAct = await system.query(
      'mutation { act { applyForRetirement(startMonth: "2026-10", idempotencyKey: "ava-weak-0001") { filedOn } } }',
      { token: weak },
    );
    expect(weakAct.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'policy:assurance:verified',
    });
    const anonymous = await system.query(REPORT_MOVE, {
      variables: { input: phoenix, key: 'ava-move-0003' },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const rows = await system
      .store('life-events')
      .db.selectFrom('declaration' as never)
      .select(['id' as never])
      .where('resident_id' as never, '=', personaResidentId('ava') as never)
      .execute();
    expect(rows).toEqual([]);
  });
});
