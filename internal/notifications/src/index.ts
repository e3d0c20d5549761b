export {
  defaultDeliveryTuning,
  startAgencyConsumer,
  type AgencyConsumerOptions,
  type DeliveryTuning,
  type RunningWorker,
} from './agency-consumer.js';
export {
  applyOnce,
  appliedNotificationMigration,
  type AgencyDecision,
  type AppliedNotificationDatabase,
} from './apply-once.js';
export { listDeadLetters, replayDeadLetters, type DeadLetter } from './dead-letters.js';
export {
  notificationFields,
  parseNotification,
  type Notification,
  type Outcome,
  type OutcomeResult,
} from './notification.js';
export { startOutboxRelay, type Outbox, type OutboxRelayOptions } from './outbox-relay.js';
export { connectRedis } from './redis-connection.js';
export { agencyGroup, OUTCOMES_GROUP, streamKeys, type StreamKeys } from './streams.js';
export { readMoveNotice, type MoveNotice } from './move-notice.js';
export { readBirthNotice, type BirthNotice } from './birth-notice.js';
export {
  DISCLOSURE_LOG_RECIPIENT,
  readDisclosureNotice,
  type DisclosureNotice,
} from './disclosure-notice.js';
