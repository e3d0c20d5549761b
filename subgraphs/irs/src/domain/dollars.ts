/** Whole dollars as a resident reads them in a sentence: 1842 → "$1,842". */
export function dollars(amount: number): string {
  return `$${amount.toLocaleString('en-US')}`;
}
