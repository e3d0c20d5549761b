import type { Generated } from '@resident-graph/store';

/** The identity platform's store: residents by platform id (the sign-in subject). */
export interface IdentityDatabase {
  resident: {
    id: string;
    given_name: string;
    family_name: string;
    birth_date: string;
    address_line1: string;
    address_city: string;
    address_state: string;
    address_zip: string;
    assurance: string;
    updated_at: Generated<string>;
  };
}
