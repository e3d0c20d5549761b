import { buildFederatedSchema, once, type Protection } from '@resident-graph/federation';
import { resolveChildTaxCreditReference } from './child-tax-credit/child-tax-credit.reference.js';
import { ChildTaxCredit } from './child-tax-credit/child-tax-credit.type.js';
import type { IrsContext } from './context.js';
import { ResidentRef } from './resident/resident.ref.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { IrsResidentResolver } from './resident/resident.resolver.js';
import { resolveTaxAddressChangeReference } from './tax-address-change/tax-address-change.reference.js';
import { TaxAddressChange } from './tax-address-change/tax-address-change.type.js';
import { resolveTaxRefundReference } from './tax-refund/tax-refund.reference.js';
import { TaxRefund } from './tax-refund/tax-refund.type.js';

/** Tax return information (26 U.S.C. 6103): the irs:read scope and a verified identity. */
const taxInformation: Protection = { scopes: ['irs:read'], policies: ['assurance:verified'] };

export const buildIrsSchema = once(() =>
  buildFederatedSchema<IrsContext>(
    // No root field reaches these types: the gateway enters this subgraph only through `_entities`.
    {
      resolvers: [IrsResidentResolver],
      orphanedTypes: [ResidentRef, TaxRefund, TaxAddressChange, ChildTaxCredit],
    },
    {
      referenceResolvers: {
        Resident: { __resolveReference: resolveResidentReference },
        TaxRefund: { __resolveReference: resolveTaxRefundReference },
        TaxAddressChange: { __resolveReference: resolveTaxAddressChangeReference },
        ChildTaxCredit: { __resolveReference: resolveChildTaxCreditReference },
      },
      protectedTypes: Object.fromEntries(
        ['Resident', 'TaxRefund', 'TaxAddressChange', 'ChildTaxCredit'].map((type) => [
          type,
          taxInformation,
        ]),
      ),
    },
  ),
);
