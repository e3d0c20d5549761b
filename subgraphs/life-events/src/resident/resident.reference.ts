import { residentRef, type ResidentRef } from './resident.ref.js';

/**
 * The key is all this subgraph needs of a Resident; the fields added here (journey,
 * activeLifeEvents) load and authorize for themselves.
 */
export function resolveResidentReference(reference: Pick<ResidentRef, 'id'>): ResidentRef {
  return residentRef(reference.id);
}
