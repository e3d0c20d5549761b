import { inKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { VaClaimPhase, VaRecord } from '../domain/military-service.js';
import type { VaDatabase } from '../store/database.js';

const noRecord: VaRecord = { service: null, claim: null, healthCareEnrolledOn: null };

/**
 * What VA holds for each resident, by platform resident id: service, claim and health care
 * enrollment in one query per batch. A resident VA has no record of gets an empty record: every VA
 * task still answers, saying there is no service on record.
 */
export function createVaRecordLoader(db: Kysely<VaDatabase>) {
  return new DataLoader<string, VaRecord>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('military_service as s', 's.va_id', 'l.va_id')
        .leftJoin('disability_claim as c', 'c.va_id', 'l.va_id')
        .leftJoin('health_care_enrollment as h', 'h.va_id', 'l.va_id')
        .select([
          'l.resident_id',
          's.separation_on',
          's.combat_veteran',
          'c.phase',
          'c.filed_on',
          'c.changed_on',
          'h.enrolled_on',
        ])
        .where('l.resident_id', 'in', [...residentIds])
        .execute();
      return inKeyOrder(residentIds, rows, (row) => row.resident_id).map((row): VaRecord =>
        row
          ? {
              service: {
                separationOn: row.separation_on,
                combatVeteran: row.combat_veteran === 1,
              },
              claim:
                row.phase && row.filed_on && row.changed_on
                  ? {
                      phase: row.phase as VaClaimPhase,
                      filedOn: row.filed_on,
                      changedOn: row.changed_on,
                    }
                  : null,
              healthCareEnrolledOn: row.enrolled_on ?? null,
            }
          : noRecord,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
