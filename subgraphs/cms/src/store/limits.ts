/** SQLite allows at most 32766 bound variables per statement. */
export const MAX_VARIABLES = 32766;

/** Keys per loader batch: keeps `IN (…)` under the variable limit for any request size. */
export const MAX_KEYS_PER_QUERY = 10_000;
