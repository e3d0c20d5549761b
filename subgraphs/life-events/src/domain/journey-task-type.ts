/**
 * The GraphQL type names of the agency tasks a journey step can point at (members of the
 * `JourneyTask` union). Each is an entity owned by its agency; the catalog stores these names.
 */
export const journeyTaskTypes = [
  'RetirementApplication',
  'NewbornSocialSecurityCard',
  'SocialSecurityAddressUpdate',
  'MedicareEnrollment',
  'PassportRenewal',
  'ChildPassportApplication',
  'TaxRefund',
  'TaxAddressChange',
  'ChildTaxCredit',
  'MailForwarding',
  'DisabilityClaim',
  'VaHealthCareEnrollment',
  'GiBill',
] as const;

export type JourneyTaskType = (typeof journeyTaskTypes)[number];

export function isJourneyTaskType(name: string): name is JourneyTaskType {
  return (journeyTaskTypes as readonly string[]).includes(name);
}
