import { staffAgencyOf } from '@resident-graph/authorization';
import type { Caller } from '@resident-graph/caller';
import { BadUserInputError, ForbiddenError } from '@resident-graph/errors';
import { Protect, requireResident } from '@resident-graph/federation';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { IdentityContext } from '../context.js';
import { Resident } from '../resident/resident.type.js';
import { noticesFor, recordCorrection } from './corrections.js';
import {
  CorrectionNotice,
  RecordCorrection,
  RecordCorrectionInput,
  StaffPurpose,
} from './staff.type.js';

/** A case reference as agencies write them: letters, digits and dashes. */
export const CASE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/;

/** The one agency a caseworker works for (the gateway lets through exactly one staff scope). */
function staffAgency(caller: Caller): string {
  const agencies = caller.scopes.map(staffAgencyOf).filter((a) => a !== null);
  const agency = agencies[0];
  if (agencies.length !== 1 || !agency)
    throw new ForbiddenError('Only an agency caseworker may do this.');
  return agency;
}

@Resolver()
export class StaffResolver {
  @Protect({ authenticated: true })
  @Query(() => Resident, {
    nullable: true,
    description:
      'Caseworkers only: one resident’s records of the caseworker’s agency, for a stated purpose and case. Every read is recorded as a disclosure the resident can see.',
  })
  async residentCase(
    @Arg('residentId', () => ID) residentId: string,
    @Arg('purpose', () => StaffPurpose) _purpose: StaffPurpose,
    @Arg('caseReference', () => String) caseReference: string,
    @Ctx() { caller, loaders }: IdentityContext,
  ): Promise<Resident | null> {
    staffAgency(caller);
    if (!CASE_REFERENCE.test(caseReference))
      throw new BadUserInputError('caseReference: 3 to 64 letters, digits or dashes.');
    // The gateway names the case's resident as the caller for this request; nobody else's.
    if (caller.residentId !== residentId) throw new ForbiddenError();
    return loaders.residentById.load(residentId);
  }

  @Protect({ authenticated: true })
  @Mutation(() => RecordCorrection, {
    description:
      'Caseworkers only: record that the agency corrected a resident’s record; every application it was disclosed to gets a notice.',
  })
  async reportRecordCorrection(
    @Arg('input', () => RecordCorrectionInput) input: RecordCorrectionInput,
    @Ctx() { caller, db, loaders }: IdentityContext,
  ): Promise<RecordCorrection> {
    const agency = staffAgency(caller);
    if (input.fields.length === 0 || input.fields.some((f) => !/^\w+\.\w+$/.test(f)))
      throw new BadUserInputError('fields: name each corrected field as Type.field.');
    if (input.summary.trim().length === 0 || input.summary.length > 500)
      throw new BadUserInputError('summary: say what changed, in at most 500 characters.');
    if (!(await loaders.residentById.load(input.residentId)))
      throw new BadUserInputError('residentId: no such resident.');
    return recordCorrection(
      db,
      { ...input, agency, correctedBy: `${agency} staff ${requireResident(caller)}` },
      new Date(),
    );
  }

  @Protect({ authenticated: true })
  @Query(() => [CorrectionNotice], {
    description:
      'For applications: notices that records they received were corrected (for the token’s resident), newest first.',
  })
  async correctionNotices(@Ctx() { caller, db }: IdentityContext): Promise<CorrectionNotice[]> {
    if (!caller.clientId) throw new ForbiddenError('Only an application has correction notices.');
    return noticesFor(db, caller.clientId, caller.residentId);
  }
}
