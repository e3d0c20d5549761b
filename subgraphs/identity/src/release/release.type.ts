import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';

// The gateway's own API on identity: `@inaccessible`, so it is in the subgraph but never in the
// graph clients see, and its resolvers answer only callers holding GATEWAY_SERVICE_SCOPE.

@Directive('@inaccessible')
@ObjectType('ReleaseAdmission')
export class ReleaseAdmission {
  @Field(() => Boolean)
  allowed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why not: `consent:<reason>`.' })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  period!: string | null;

  @Field(() => ID, { nullable: true })
  grantId!: string | null;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => Int, { nullable: true })
  retentionDays!: number | null;
}

@Directive('@inaccessible')
@InputType('ReleaseInput')
export class ReleaseInput {
  @Field(() => ID)
  residentId!: string;

  @Field(() => String)
  agency!: string;

  @Field(() => [String])
  fields!: string[];

  @Field(() => String, { description: '`THIRD_PARTY` or `STAFF`.' })
  recipientKind!: 'THIRD_PARTY' | 'STAFF';

  @Field(() => String)
  recipient!: string;

  @Field(() => String)
  purpose!: string;

  @Field(() => ID, { nullable: true })
  consentId!: string | null;

  @Field(() => String, { nullable: true })
  caseReference!: string | null;

  @Field(() => String)
  requestId!: string;
}

@Directive('@inaccessible')
@ObjectType('PreviewTarget')
export class PreviewTarget {
  @Field(() => String)
  clientId!: string;

  @Field(() => [String])
  scopes!: string[];
}
