import { sql, type Kysely, type Migration } from '@resident-graph/store';

/**
 * The catalog is reference data versioned with the schema: its rows live in the migration that
 * introduced them, so a database built today matches one migrated step by step. Change wording or
 * add a life event with a new migration; never edit one that has shipped.
 */
export const lifeEventsMigrations: Record<string, Migration> = {
  '0001_catalog': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('life_event')
        .addColumn('kind', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('life_event_step')
        .addColumn('life_event_kind', 'text', (c) => c.notNull().references('life_event.kind'))
        .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('why', 'text', (c) => c.notNull())
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('task_type', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('life_event_step_pk', ['life_event_kind', 'position'])
        .execute();
      const catalog = db as Kysely<CatalogV1>;
      await catalog
        .insertInto('life_event')
        .values(catalogV1.map(({ steps: _steps, ...event }) => event))
        .execute();
      await catalog
        .insertInto('life_event_step')
        .values(
          catalogV1.flatMap(({ kind, steps }) =>
            steps.map((step, i) => ({ life_event_kind: kind, position: i + 1, ...step })),
          ),
        )
        .execute();
    },
  },
  '0002_resident_life_event': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('resident_life_event')
        .addColumn('resident_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().references('life_event.kind'))
        .addColumn('started_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text')
        .addPrimaryKeyConstraint('resident_life_event_pk', ['resident_id', 'kind'])
        .execute();
    },
  },
  /**
   * A privacy review found that 0002's rows held other people's data: TURNING_65 windows from
   * which identity's birth date could be read back, and HAVING_A_CHILD / MOVING start dates copied
   * from IRS records (tax return information, 26 U.S.C. 6103) and from SSA and State. From here on
   * the table holds only what the resident told the platform: the event's own date and the day
   * they told us; TURNING_65 is derived per request from the birth date identity sends.
   * Dropping the old table rather than converting it is safe: it only ever held seed data derived
   * from the synthetic residents, and nothing is carried over on purpose (the old rows are exactly
   * the copies that must go). Seeding fills it again: with the table empty, `npm start` (and
   * `npm run seed`) rebuild every store as one seed, so life-events never disagrees with the others.
   */
  '0003_resident_life_event_declarations': {
    async up(db: Kysely<unknown>) {
      await db.schema.dropTable('resident_life_event').execute();
      await db.schema
        .createTable('resident_life_event')
        .addColumn('resident_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().references('life_event.kind'))
        .addColumn('event_date', 'text', (c) => c.notNull())
        .addColumn('declared_on', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('resident_life_event_pk', ['resident_id', 'kind'])
        // Only declared events: a TURNING_65 row would be a copy of the birth date again.
        .addCheckConstraint(
          'resident_life_event_declared_kind',
          sql`kind IN ('HAVING_A_CHILD', 'MOVING')`,
        )
        .execute();
    },
  },
  /**
   * LEAVING_MILITARY joins the catalog (the Department of Veterans Affairs joined the graph), and
   * residents may declare it: the declared-kind check is widened by rebuilding the table (SQLite
   * cannot alter a CHECK constraint), copying every declaration across unchanged.
   */
  '0004_leaving_military': {
    async up(db: Kysely<unknown>) {
      const catalog = db as Kysely<CatalogV1>;
      await catalog
        .insertInto('life_event')
        .values(leavingMilitaryV4.map(({ steps: _steps, ...event }) => event))
        .execute();
      await catalog
        .insertInto('life_event_step')
        .values(
          leavingMilitaryV4.flatMap(({ kind, steps }) =>
            steps.map((step, i) => ({ life_event_kind: kind, position: i + 1, ...step })),
          ),
        )
        .execute();
      await db.schema
        .createTable('resident_life_event_v4')
        .addColumn('resident_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().references('life_event.kind'))
        .addColumn('event_date', 'text', (c) => c.notNull())
        .addColumn('declared_on', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('resident_life_event_v4_pk', ['resident_id', 'kind'])
        .addCheckConstraint(
          'resident_life_event_v4_declared_kind',
          sql`kind IN ('HAVING_A_CHILD', 'MOVING', 'LEAVING_MILITARY')`,
        )
        .execute();
      await sql`INSERT INTO resident_life_event_v4 (resident_id, kind, event_date, declared_on)
        SELECT resident_id, kind, event_date, declared_on FROM resident_life_event`.execute(db);
      await db.schema.dropTable('resident_life_event').execute();
      await db.schema
        .alterTable('resident_life_event_v4')
        .renameTo('resident_life_event')
        .execute();
    },
  },
  /**
   * Tell us once (ADR 0014): residents' declarations, the outbox of agency notifications that
   * the relay delivers, and what residents hear when an agency acts on one (me.notifications). `(resident_id, idempotency_key)` is unique, which is what makes a mutation
   * sent twice, even concurrently, record one declaration.
   */
  '0005_declarations': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('declaration')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('resident_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('MOVE', 'BIRTH')`))
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('event_date', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('declared_on', 'text', (c) => c.notNull())
        .addColumn('declared_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('declaration_idempotency', ['resident_id', 'idempotency_key'])
        .execute();
      await db.schema
        .createIndex('declaration_by_resident')
        .on('declaration')
        .columns(['resident_id', 'declared_at'])
        .execute();
      await db.schema
        .createTable('declaration_notification')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('declaration_id', 'text', (c) => c.notNull().references('declaration.id'))
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status IN ('PENDING', 'APPLIED', 'REFUSED', 'FAILED')`),
        )
        .addColumn('reason', 'text')
        .addColumn('published_at', 'text')
        .addColumn('outcome_at', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addUniqueConstraint('declaration_notification_agency', ['declaration_id', 'agency'])
        .execute();
      // The relay's query: pending rows, never or least recently published first.
      await db.schema
        .createIndex('declaration_notification_outbox')
        .on('declaration_notification')
        .columns(['status', 'published_at'])
        .execute();
      // What the resident hears about their tasks (me.notifications), newest first.
      await db.schema
        .createTable('resident_notification')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('resident_id', 'text', (c) => c.notNull())
        .addColumn('declaration_notification_id', 'text', (c) =>
          c.references('declaration_notification.id'),
        )
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('action_required', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema
        .createIndex('resident_notification_feed')
        .on('resident_notification')
        .columns(['resident_id', 'created_at'])
        .execute();
    },
  },
  /**
   * Every agency told is a disclosure the resident can see (ADR 0017): with each declaration, in
   * the same transaction, one notice for identity, which appends the disclosures to the resident's
   * signed log. Its own table, not a row among the agencies' notifications: identity is not an
   * agency told, so journeys, `me.declarations` and the resident's messages never meet it.
   */
  '0006_declaration_accounting': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('declaration_accounting')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('declaration_id', 'text', (c) =>
          c.notNull().unique().references('declaration.id'),
        )
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status IN ('PENDING', 'APPLIED', 'REFUSED', 'FAILED')`),
        )
        .addColumn('reason', 'text')
        .addColumn('published_at', 'text')
        .addColumn('outcome_at', 'text')
        .execute();
      // The relay's query, as for the agencies' notifications.
      await db.schema
        .createIndex('declaration_accounting_outbox')
        .on('declaration_accounting')
        .columns(['status', 'published_at'])
        .execute();
    },
  },
};

// Frozen with migration 0001: the shape and rows as they were then, independent of later code.
interface CatalogV1 {
  life_event: { kind: string; title: string; summary: string };
  life_event_step: {
    life_event_kind: string;
    position: number;
    title: string;
    why: string;
    agency: string;
    task_type: string;
  };
}

const catalogV1: {
  kind: string;
  title: string;
  summary: string;
  steps: { title: string; why: string; agency: string; task_type: string }[];
}[] = [
  {
    kind: 'TURNING_65',
    title: 'Turning 65',
    summary:
      'Turning 65 is when you can get Medicare, and Social Security retirement decisions come close. Some steps have deadlines, so start a few months before your birthday.',
    steps: [
      {
        title: 'Sign up for Medicare',
        why: 'You have 7 months to sign up: the 3 months before the month you turn 65, that month, and the 3 months after. If you miss it and have no other health coverage, you may pay more for Part B for as long as you have it.',
        agency: 'CMS',
        task_type: 'MedicareEnrollment',
      },
      {
        title: 'Apply for Social Security retirement benefits',
        why: 'You choose when your monthly payments start, any time from 62 to 70. Starting before your full retirement age means smaller payments for life; waiting means larger ones. You can apply up to 4 months before you want payments to start.',
        agency: 'SSA',
        task_type: 'RetirementApplication',
      },
      {
        title: 'Renew your passport',
        why: 'If you plan to travel, check when your passport expires. A routine renewal takes about 4 to 6 weeks, and many adults can renew online.',
        agency: 'STATE',
        task_type: 'PassportRenewal',
      },
    ],
  },
  {
    kind: 'HAVING_A_CHILD',
    title: 'Having a child',
    summary:
      'A new baby needs a Social Security number, can lower your taxes, and needs a passport of their own to travel abroad.',
    steps: [
      {
        title: 'Get your baby’s Social Security card',
        why: 'You need your baby’s Social Security number to claim them on your tax return and to apply for many benefits. Asking for it on the hospital birth form is the easiest way; the card comes by mail in about 2 to 3 weeks.',
        agency: 'SSA',
        task_type: 'NewbornSocialSecurityCard',
      },
      {
        title: 'Claim the Child Tax Credit',
        why: 'Each qualifying child can lower the tax you owe or increase your refund. You claim it on your tax return, with your child’s Social Security number.',
        agency: 'IRS',
        task_type: 'ChildTaxCredit',
      },
      {
        title: 'Apply for your child’s first passport',
        why: 'Every child needs their own passport to travel abroad. A child’s first passport cannot be done online: you apply in person, with the child.',
        agency: 'STATE',
        task_type: 'ChildPassportApplication',
      },
    ],
  },
  {
    kind: 'MOVING',
    title: 'Moving',
    summary:
      'When you move, each agency needs your new address separately. Telling the Postal Service does not tell the IRS or Social Security.',
    steps: [
      {
        title: 'Forward your mail',
        why: 'The Postal Service forwards your mail to your new address for 12 months. It first sends a letter to your old address to check the request, so start before you move.',
        agency: 'USPS',
        task_type: 'MailForwarding',
      },
      {
        title: 'Tell the IRS your new address',
        why: 'Telling the Postal Service is not telling the IRS. Send the IRS your new address (Form 8822) so tax letters reach you; it takes 4 to 6 weeks to process.',
        agency: 'IRS',
        task_type: 'TaxAddressChange',
      },
      {
        title: 'Update your address with Social Security',
        why: 'Social Security sends letters about your benefits to the address it has. Other agencies do not pass your new address on, so update it here too.',
        agency: 'SSA',
        task_type: 'SocialSecurityAddressUpdate',
      },
      {
        title: 'Check where your tax refund is going',
        why: 'A refund paid by paper check is mailed to the address on your tax return. If that is your old address, the check would go there.',
        agency: 'IRS',
        task_type: 'TaxRefund',
      },
    ],
  },
];

// Frozen with migration 0004.
const leavingMilitaryV4: typeof catalogV1 = [
  {
    kind: 'LEAVING_MILITARY',
    title: 'Leaving the military',
    summary:
      'Leaving the military opens VA benefits with deadlines: a disability claim is best filed before you leave, and combat veterans have 10 years of enhanced VA health care eligibility. Moving home means telling each agency your new address.',
    steps: [
      {
        title: 'File a disability compensation claim',
        why: 'You can file 180 to 90 days before you leave (Benefits Delivery at Discharge) to get a decision soon after. If you file within a year after you leave, compensation counts from the day after you left.',
        agency: 'VA',
        task_type: 'DisabilityClaim',
      },
      {
        title: 'Enroll in VA health care',
        why: 'Combat veterans can enroll with enhanced eligibility for 10 years after discharge, whatever their income. After that, income and other factors decide.',
        agency: 'VA',
        task_type: 'VaHealthCareEnrollment',
      },
      {
        title: 'Plan to use your GI Bill',
        why: 'The Post-9/11 GI Bill pays for school or training. If your service ended on or after January 1, 2013, your benefits never expire; otherwise you have 15 years.',
        agency: 'VA',
        task_type: 'GiBill',
      },
      {
        title: 'Forward your mail',
        why: 'If you move when you leave, the Postal Service forwards your mail to your new address for 12 months. It first sends a letter to your old address to check the request.',
        agency: 'USPS',
        task_type: 'MailForwarding',
      },
      {
        title: 'Tell the IRS your new address',
        why: 'Telling the Postal Service or VA is not telling the IRS. Send the IRS your new address (Form 8822) so tax letters reach you; it takes 4 to 6 weeks to process.',
        agency: 'IRS',
        task_type: 'TaxAddressChange',
      },
    ],
  },
];
