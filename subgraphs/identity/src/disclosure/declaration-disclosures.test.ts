import { fixedClock } from '@resident-graph/calendar';
import { generateSigningKey, type SigningKey } from '@resident-graph/caller';
import type { SubgraphDeps } from '@resident-graph/federation';
import { createLogger } from '@resident-graph/logging';
import type { Notification } from '@resident-graph/notifications';
import type { AgencyDatabase } from '@resident-graph/store';
import { openTestStore, TEST_TODAY } from '@resident-graph/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdentityDatabase } from '../store/database.js';
import { identityMigrations } from '../store/migrations.js';
import { identityNotifications } from './declaration-disclosures.js';
import { listDisclosures } from './disclosure-log.js';
import { verifyDisclosureLog } from './verify-log.js';

const fields = ['MailingAddressInput.zip', 'ReportMoveInput.newAddress', 'ReportMoveInput.movedOn'];

const notice = (overrides: Partial<Notification> = {}): Notification => ({
  id: 'acc_1',
  declarationId: 'dcl_1',
  residentId: 'rsd_grace',
  agency: 'IDENTITY',
  kind: 'MOVE',
  payload: {
    recipients: [
      { agency: 'USPS', notificationId: 'ntf_usps' },
      { agency: 'IRS', notificationId: 'ntf_irs' },
    ],
    fields,
  },
  ...overrides,
});

describe('identity records the disclosures of a declaration, once (ADR 0017)', () => {
  let store: AgencyDatabase<IdentityDatabase>;
  let key: SigningKey;
  let deps: SubgraphDeps<IdentityDatabase>;
  beforeEach(async () => {
    store = await openTestStore<IdentityDatabase>('identity', identityMigrations);
    key = (await generateSigningKey('records-1')).key;
    deps = {
      store,
      clock: fixedClock(TEST_TODAY),
      logger: createLogger('identity', 'silent'),
      recordsKey: key,
    };
  });
  afterEach(() => store.close());

  const records = () => listDisclosures(store.db, { residentId: 'rsd_grace', limit: 50 });
  const applied = () => store.db.selectFrom('applied_notification').selectAll().execute();

  it('records one disclosure per agency told: its fields, the agency, the declaration as purpose', async () => {
    expect(await identityNotifications.apply(deps, notice())).toEqual({
      result: 'APPLIED',
      reason: null,
    });
    const rows = await records();
    expect(
      rows.map((r) => ({
        agency: r.agency,
        recipientKind: r.recipient_kind,
        recipient: r.recipient,
        fields: JSON.parse(r.fields) as string[],
        purpose: r.purpose,
        caseReference: r.case_reference,
        requestId: r.request_id,
        consentId: r.consent_id,
      })),
    ).toEqual(
      [
        ['usps', 'ntf_usps'],
        ['irs', 'ntf_irs'],
      ]
        .reverse()
        .map(([recipient, requestId]) => ({
          agency: 'life-events',
          recipientKind: 'AGENCY',
          recipient,
          fields: [...fields].sort(),
          purpose: 'Tell us once: the move you reported (declaration dcl_1)',
          caseReference: 'dcl_1',
          requestId,
          consentId: null,
        })),
    );
    expect(await verifyDisclosureLog(store.db, key.jwks)).toEqual({ checked: 2, problems: [] });
  });

  it('records nothing more for the same notice delivered again, even concurrently', async () => {
    await identityNotifications.apply(deps, notice());
    const again = await Promise.allSettled(
      Array.from({ length: 5 }, () => identityNotifications.apply(deps, notice())),
    );
    // Each redelivery answers the first decision (or, racing the same id, fails and is retried).
    for (const result of again)
      if (result.status === 'fulfilled') expect(result.value.result).toBe('APPLIED');
    expect(await records()).toHaveLength(2);
    expect(await applied()).toHaveLength(1);
    await identityNotifications.apply(deps, notice({ id: 'acc_2', declarationId: 'dcl_2' }));
    expect(await records()).toHaveLength(4);
    expect(await verifyDisclosureLog(store.db, key.jwks)).toEqual({ checked: 4, problems: [] });
  });

  it('writes nothing, and throws so delivery retries, for a malformed notice or without a records key', async () => {
    await expect(
      identityNotifications.apply(deps, notice({ payload: { recipients: [], fields } })),
    ).rejects.toThrow(/no recipients/);
    await expect(
      identityNotifications.apply(
        deps,
        notice({ payload: { recipients: [{ agency: 'USPS' }], fields } }),
      ),
    ).rejects.toThrow(/without agency or notificationId/);
    await expect(
      identityNotifications.apply(deps, notice({ payload: { recipients: [] } })),
    ).rejects.toThrow();
    const { recordsKey: _none, ...unsigned } = deps;
    await expect(identityNotifications.apply(unsigned, notice())).rejects.toThrow(/no records key/);
    expect(await records()).toEqual([]);
    expect(await applied()).toEqual([]);
    // Once the cause is fixed, the same notice (a retry, a dead-letter replay) records it.
    await identityNotifications.apply(deps, notice());
    expect(await records()).toHaveLength(2);
  });
});
