import type { IsoDate } from '@resident-graph/calendar';
import { Agency, AgencyTask, LocalDate, type TaskStatus } from '@resident-graph/federation';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { giBillStatus, GiBillStatusCode, giBillUseBy } from '../domain/gi-bill.js';
import type { VaRecord } from '../domain/military-service.js';

registerEnumType(GiBillStatusCode, {
  name: 'GiBillStatusCode',
  description: 'How long you have to use your Post-9/11 GI Bill benefits.',
  valuesConfig: {
    NO_SERVICE_RECORD: { description: 'We have no record of your military service.' },
    NO_TIME_LIMIT: { description: 'Service ended on or after January 1, 2013: no time limit.' },
    USE_BY: { description: 'Service ended before 2013: use within 15 years of separation.' },
    EXPIRED: { description: 'The 15 years have passed.' },
  } satisfies Record<GiBillStatusCode, { description: string }>,
});

/** The LEAVING_MILITARY education task: "this resident's Post-9/11 GI Bill". */
@Directive('@key(fields: "residentId")')
@ObjectType('GiBill', {
  implements: AgencyTask,
  description: 'Post-9/11 GI Bill education benefits and how long they can be used.',
})
export class GiBill extends AgencyTask {
  declare status: TaskStatus<GiBillStatusCode>;

  @Field(() => GiBillStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  get statusCode(): GiBillStatusCode {
    return this.status.code;
  }

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the benefits never expire; null with no service on record.',
  })
  noTimeLimit!: boolean | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The last day the benefits can be used; null when there is no time limit.',
  })
  useBy!: string | null;
}

export function toGiBill(residentId: string, { service }: VaRecord, today: IsoDate): GiBill {
  const useBy = service ? giBillUseBy(service.separationOn) : null;
  return Object.assign(new GiBill(), {
    residentId,
    agency: Agency.VA,
    title: 'Plan to use your GI Bill',
    status: giBillStatus(service, today),
    noTimeLimit: service ? useBy === null : null,
    useBy,
  });
}
