import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';

/** A calendar date without time zone, `YYYY-MM-DD`; what residents see as "a date". */
export const LocalDate = LocalDateResolver;
/** An instant, ISO 8601 with offset. */
export const DateTime = DateTimeISOResolver;
