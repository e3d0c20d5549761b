import type { ResidentFacts } from '@resident-graph/personas';
import type { Insertable, Kysely } from '@resident-graph/store';
import { MAX_KEYS_PER_QUERY, type IrsDatabase } from './database.js';

/** Rows per INSERT: SQLite allows at most 32766 bound variables per statement (≤ 8 columns here). */
const ROWS_PER_INSERT = 2000;

const IRS_ID_PREFIX = 'IRS-T-';
const irsId = (n: number) => `${IRS_ID_PREFIX}${String(n).padStart(9, '0')}`;

/**
 * Writes the IRS's part of a batch of synthetic residents in one transaction. Only residents with an
 * IRS record (a return, a Form 8822, a child tax credit) get a taxpayer account id.
 * Re-seeding is harmless: every insert ignores rows that already exist.
 */
export async function seedIrs(
  db: Kysely<IrsDatabase>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  const known = residents.filter(
    ({ irs }) => irs.refund !== null || irs.addressChange !== null || irs.childTaxCredit !== null,
  );
  if (known.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const irsIds = await linkResidents(
      trx,
      known.map((r) => r.id),
    );
    const returns: Insertable<IrsDatabase['tax_return']>[] = [];
    const addressChanges: Insertable<IrsDatabase['address_change']>[] = [];
    const credits: Insertable<IrsDatabase['child_tax_credit']>[] = [];
    for (const { id, irs } of known) {
      const irs_id = irsIds.get(id)!;
      if (irs.refund) {
        const { taxYear, status, amount, efile, directDeposit, filedOn, changedOn } = irs.refund;
        returns.push({
          irs_id,
          tax_year: taxYear,
          filed_on: filedOn,
          efile_status: efile,
          direct_deposit: directDeposit ? 1 : 0,
          refund_status: status,
          refund_amount: amount,
          changed_on: changedOn,
        });
      }
      if (irs.addressChange) {
        addressChanges.push({
          irs_id,
          submitted_on: irs.addressChange.submittedOn,
          processed_on: irs.addressChange.processedOn,
        });
      }
      if (irs.childTaxCredit) {
        // Birth dates are not kept: the credit needs only how many children qualify.
        credits.push({
          irs_id,
          tax_year: irs.childTaxCredit.taxYear,
          qualifying_children: irs.childTaxCredit.qualifyingChildren,
        });
      }
    }
    for (let i = 0; i < returns.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('tax_return')
        .values(returns.slice(i, i + ROWS_PER_INSERT))
        .onConflict((c) => c.doNothing())
        .execute();
    }
    for (let i = 0; i < addressChanges.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('address_change')
        .values(addressChanges.slice(i, i + ROWS_PER_INSERT))
        .onConflict((c) => c.doNothing())
        .execute();
    }
    for (let i = 0; i < credits.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('child_tax_credit')
        .values(credits.slice(i, i + ROWS_PER_INSERT))
        .onConflict((c) => c.doNothing())
        .execute();
    }
  });
}

/**
 * Gives each resident an IRS taxpayer account id, numbered on from the highest one issued, and
 * returns every resident's id as stored: a resident seeded before keeps the id they were given.
 */
async function linkResidents(
  trx: Kysely<IrsDatabase>,
  residentIds: readonly string[],
): Promise<Map<string, string>> {
  const { last } = await trx
    .selectFrom('resident_link')
    .select((eb) => eb.fn.max('irs_id').as('last'))
    .executeTakeFirstOrThrow();
  let next = last ? Number(last.slice(IRS_ID_PREFIX.length)) + 1 : 1;
  const links = residentIds.map((resident_id) => ({ resident_id, irs_id: irsId(next++) }));
  for (let i = 0; i < links.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('resident_link')
      .values(links.slice(i, i + ROWS_PER_INSERT))
      .onConflict((c) => c.doNothing())
      .execute();
  }
  const stored = new Map<string, string>();
  for (let i = 0; i < residentIds.length; i += MAX_KEYS_PER_QUERY) {
    const rows = await trx
      .selectFrom('resident_link')
      .select(['resident_id', 'irs_id'])
      .where('resident_id', 'in', residentIds.slice(i, i + MAX_KEYS_PER_QUERY))
      .execute();
    for (const row of rows) stored.set(row.resident_id, row.irs_id);
  }
  return stored;
}

export async function isIrsSeeded(db: Kysely<IrsDatabase>): Promise<boolean> {
  return (
    (await db.selectFrom('resident_link').select('resident_id').limit(1).executeTakeFirst()) !==
    undefined
  );
}
