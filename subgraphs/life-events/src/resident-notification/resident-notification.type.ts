import { Agency, DateTime } from '@resident-graph/federation';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('ResidentNotification', {
  description:
    'News for the resident: an agency acted on something they told us (received it, needs their action, or could not be reached yet).',
})
export class ResidentNotification {
  @Field(() => ID)
  id!: string;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String, { description: 'One line, e.g. "Social Security has your new address".' })
  title!: string;

  @Field(() => String, { description: 'What happened and what comes next, in plain words.' })
  body!: string;

  @Field(() => Boolean, { description: 'Whether the resident must do something.' })
  actionRequired!: boolean;

  @Field(() => DateTime)
  createdAt!: string;

  @Field(() => Boolean, { description: 'Whether the resident marked it read.' })
  read!: boolean;
}

@ObjectType('NotificationFeed', { description: 'The resident’s notifications, newest first.' })
export class NotificationFeed {
  @Field(() => Int, { description: 'How many are unread, of all of them (not only those listed).' })
  unreadCount!: number;

  @Field(() => [ResidentNotification], { description: 'Newest first, at most `first`.' })
  items!: ResidentNotification[];
}
