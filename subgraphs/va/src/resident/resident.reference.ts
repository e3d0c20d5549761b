import { ResidentRef } from './resident.ref.js';

/** Nothing to load: the fields this subgraph adds to Resident load (and authorize) themselves. */
export async function resolveResidentReference(
  reference: Pick<ResidentRef, 'id'>,
): Promise<ResidentRef> {
  return Object.assign(new ResidentRef(), { id: reference.id });
}
