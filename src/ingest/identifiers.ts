/**
 * External identifiers of organizations, checked as their standards define them. Groundwork for the
 * real-data sources (GLEIF, SEC): an identifier that fails its check is refused, never stored.
 */

/** ISO 17442 LEI: 18 alphanumeric characters and 2 check digits, valid when the whole, read as ISO 7064 MOD 97-10, leaves 1. */
export function isValidLei(lei: string): boolean {
  if (!/^[0-9A-Z]{18}[0-9]{2}$/.test(lei)) return false;
  let remainder = 0;
  for (const char of lei) {
    const digits = /[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** SEC Central Index Key: up to 10 digits; written zero-padded to 10, as EDGAR does. */
export function normalizeCik(cik: string | number): string | null {
  const text = String(cik).trim();
  return /^\d{1,10}$/.test(text) ? text.padStart(10, '0') : null;
}
