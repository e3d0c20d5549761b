/**
 * VA's store. Cases are keyed by VA's own id (`VA-C-000000123`); `resident_link` is the only
 * place the platform's resident id appears.
 */
export interface VaDatabase {
  resident_link: {
    resident_id: string;
    va_id: string;
  };
  va_case: {
    va_id: string;
    opened_on: string;
    summary: string;
  };
}
