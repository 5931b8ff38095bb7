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

/**
 * An external identifier as stored: its scheme, its value in the scheme's canonical form, for tickers
 * the exchange, and where it comes from (a Source, usually the registry's data set, and the row there).
 */
export interface Identifier {
  scheme: IdentifierScheme;
  value: string;
  exchange: string | null;
  /** The Source that gives it; a record's identifier without one is given by the record's first cited source. */
  source: string | null;
  locator: string | null;
}

interface SchemeRule {
  /** What the scheme is, for the docs and the GraphQL enum. */
  description: string;
  /** The canonical form of a value, or null when the value is not one of the scheme. */
  canonical: (value: string) => string | null;
  /** What a valid value looks like, for complaints. */
  example: string;
}

/**
 * The identifier schemes, described once: validation, canonical form, storage key and the GraphQL
 * enum all come from here. Each (scheme, value) names at most one entity: the key
 * `<scheme>:<value>` is unique in the graph (cypher/schema/01-constraints.cypher).
 */
export const IDENTIFIER_SCHEMES = {
  LEI: {
    description: 'Legal Entity Identifier (ISO 17442), 20 characters with check digits, issued through GLEIF.',
    canonical: (v) => (isValidLei(v.trim().toUpperCase()) ? v.trim().toUpperCase() : null),
    example: '8JA4NT75BITP5LG6P072',
  },
  CIK: {
    description: "SEC Central Index Key: EDGAR's registrant number, zero-padded to 10 digits; never reused.",
    canonical: (v) => normalizeCik(v),
    example: '0001018724',
  },
  TICKER: {
    description: 'A stock ticker symbol on a US exchange (unique across them), with the exchange where known.',
    canonical: (v) => (/^[A-Z0-9][A-Z0-9.-]{0,9}$/.test(v.trim().toUpperCase()) ? v.trim().toUpperCase() : null),
    example: 'AMZN',
  },
  WIKIDATA: {
    description: 'Wikidata item id (QID).',
    canonical: (v) => (/^Q[1-9]\d{0,11}$/.test(v.trim().toUpperCase()) ? v.trim().toUpperCase() : null),
    example: 'Q3884',
  },
} as const satisfies Record<string, SchemeRule>;
export type IdentifierScheme = keyof typeof IDENTIFIER_SCHEMES;
export const IDENTIFIER_SCHEME_NAMES = Object.keys(IDENTIFIER_SCHEMES) as IdentifierScheme[];

/** The unique key an identifier is stored under. */
export function identifierKey(scheme: IdentifierScheme, value: string): string {
  return `${scheme}:${value}`;
}

const shortText = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.length > 0 && v.length <= 200);

/** Reads an identifier given as {scheme, value, exchange?, source?, locator?}; returns a complaint when it is not valid. */
export function readIdentifier(input: unknown): Identifier | string {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return 'must be {"scheme", "value", "exchange"?, "source"?, "locator"?}';
  const { scheme, value, exchange, source, locator, ...rest } = input as Record<string, unknown>;
  if (Object.keys(rest).length) return `unknown field "${Object.keys(rest)[0]}"`;
  if (typeof scheme !== 'string' || !(scheme in IDENTIFIER_SCHEMES)) return `scheme must be one of ${IDENTIFIER_SCHEME_NAMES.join(', ')}`;
  const rule = IDENTIFIER_SCHEMES[scheme as IdentifierScheme];
  const canonical = typeof value === 'string' || typeof value === 'number' ? rule.canonical(String(value)) : null;
  if (!canonical) return `${JSON.stringify(value)} is not a valid ${scheme} (e.g. ${rule.example})`;
  if (exchange !== undefined && exchange !== null && (typeof exchange !== 'string' || exchange.length > 50)) return 'exchange must be a short text';
  if (exchange && scheme !== 'TICKER') return 'only a TICKER has an exchange';
  if (!shortText(source)) return 'source must be the id of a Source';
  if (!shortText(locator)) return 'locator must be a short text (the row of the registry that gives the identifier)';
  return {
    scheme: scheme as IdentifierScheme,
    value: canonical,
    exchange: (exchange as string | undefined) || null,
    source: (source as string | undefined) ?? null,
    locator: (locator as string | undefined) ?? null,
  };
}
