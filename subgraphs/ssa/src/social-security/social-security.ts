import type { IsoDate } from '@resident-graph/calendar';
import { benefitEstimates } from '../domain/benefit-estimate.js';
import { fullRetirementAge, fullRetirementDate } from '../domain/retirement-age.js';
import { maskSsn } from '../domain/ssn.js';
import type { NumberHolderRecord } from './number-holder.loader.js';
import { BenefitEstimate, FullRetirementAge, SocialSecurity } from './social-security.type.js';

/** The resident's view of their record: derived figures, never the raw SSN. */
export function toSocialSecurity(
  holder: NumberHolderRecord,
  birthDate: IsoDate,
  today: IsoDate,
): SocialSecurity {
  return Object.assign(new SocialSecurity(), {
    ssnLast4: maskSsn(holder.ssn),
    fullRetirementAge: Object.assign(new FullRetirementAge(), fullRetirementAge(birthDate)),
    fullRetirementDate: fullRetirementDate(birthDate),
    monthlyAmountAtFullRetirementAge: holder.primaryInsuranceAmount,
    benefitEstimates: benefitEstimates(birthDate, holder.primaryInsuranceAmount).map((estimate) =>
      Object.assign(new BenefitEstimate(), estimate),
    ),
    receivingBenefits: holder.benefitsStartedOn !== null && holder.benefitsStartedOn <= today,
    benefitsStartedOn: holder.benefitsStartedOn,
  });
}
