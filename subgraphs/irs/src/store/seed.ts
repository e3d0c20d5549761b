import type { ResidentFacts } from '@resident-graph/personas';
import {
  hasResidentLinks,
  insertIgnoringExisting,
  linkResidents,
  type Insertable,
  type Kysely,
} from '@resident-graph/store';
import type { IrsDatabase } from './database.js';

const IRS_IDS = { idColumn: 'irs_id', prefix: 'IRS-T-' } as const;

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
      IRS_IDS,
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
    await insertIgnoringExisting(trx, 'tax_return', returns);
    await insertIgnoringExisting(trx, 'address_change', addressChanges);
    await insertIgnoringExisting(trx, 'child_tax_credit', credits);
  });
}

export function isIrsSeeded(db: Kysely<IrsDatabase>): Promise<boolean> {
  return hasResidentLinks(db);
}
