import type { ResidentFacts } from '@resident-graph/personas';
import { insertIgnoringExisting, type Kysely } from '@resident-graph/store';
import type { IdentityDatabase } from './database.js';

export async function seedIdentity(
  db: Kysely<IdentityDatabase>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  if (residents.length === 0) return;
  const rows = residents.map(({ id, identity }) => ({
    id,
    given_name: identity.givenName,
    family_name: identity.familyName,
    birth_date: identity.birthDate,
    address_line1: identity.mailingAddress.line1,
    address_city: identity.mailingAddress.city,
    address_state: identity.mailingAddress.state,
    address_zip: identity.mailingAddress.zip,
    assurance: identity.assurance,
  }));
  await db.transaction().execute(async (trx) => {
    await insertIgnoringExisting(trx, 'resident', rows);
  });
}

export async function isIdentitySeeded(db: Kysely<IdentityDatabase>): Promise<boolean> {
  return (await db.selectFrom('resident').select('id').limit(1).executeTakeFirst()) !== undefined;
}
