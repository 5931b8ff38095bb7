/**
 * Organization names as keys for matching: "AMAZON COM INC", "Amazon.com, Inc." and "Amazon" are one
 * name once case, accents, punctuation, a trailing legal form (Inc., Corp., GmbH...) and a trailing
 * ".com" are set aside. Search ranks an exact key first; entity resolution compares keys too.
 */
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'l',
  'plc',
  'lp',
  'llp',
  'ag',
  'gmbh',
  'kg',
  'kgaa',
  'mbh',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'nv',
  'bv',
  'se',
  'oy',
  'oyj',
  'ab',
  'as',
  'asa',
  'aps',
  'pte',
  'pty',
  'pvt',
  'private',
  'bhd',
  'sdn',
  'kk',
  'sl',
  'de',
  'the',
]);
/** Suffixes that stand for a web address in a name ("Amazon.com"), set aside like a legal form. */
const WEB_SUFFIXES = new Set(['com', 'net', 'org']);

/** Lower-case words of a name, accents removed, "&" kept as "and". */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The name's matching key: its words without a leading "the" and trailing legal forms and web suffixes; null when nothing is left. */
export function nameKey(name: string): string | null {
  const { words } = splitName(name);
  return words.length ? words.join(' ') : null;
}

/** A name's key words and the legal forms and web suffixes set aside from its end (outermost last). */
function splitName(name: string): { words: string[]; forms: string[] } {
  // SEC's conformed names end with the state of incorporation: "MARRIOTT INTERNATIONAL INC /MD/".
  const words = nameWords(name.replace(/\s*\/[A-Za-z]{2,3}\/?\s*$/, ''));
  // Trailing initials written with dots ("S.A.", "L.L.C.") are one legal form.
  let initials = 0;
  while (initials < words.length && words[words.length - 1 - initials].length === 1) initials += 1;
  if (initials >= 2 && initials < words.length) words.push(words.splice(words.length - initials).join(''));
  if (words[0] === 'the' && words.length > 1) words.shift();
  const forms: string[] = [];
  while (words.length > 1 && (LEGAL_FORMS.has(words[words.length - 1]) || WEB_SUFFIXES.has(words[words.length - 1]))) forms.push(words.pop()!);
  return { words, forms };
}

/**
 * Where a name's legal form says a company is registered, roughly: American-style (Inc., Corp., LLC)
 * or continental/Asian (S.r.l., GmbH, B.V., Oy, Pte...). Null when the name has none of these (Ltd.
 * and S.A. are used too widely to tell). Two names of the same key in different such systems are
 * different companies (E-Smart Corp is not E.SMART S.R.L.).
 */
const FORM_SYSTEMS = new Map<string, string>([
  ...['inc', 'incorporated', 'corp', 'corporation', 'llc'].map((f): [string, string] => [f, 'american']),
  ...['srl', 'spa', 'gmbh', 'mbh', 'kg', 'kgaa', 'ag', 'sas', 'sarl', 'bv', 'nv', 'ab', 'oy', 'oyj', 'aps', 'kk', 'pte', 'pty', 'pvt', 'bhd', 'sdn', 'sl'].map(
    (f): [string, string] => [f, 'other'],
  ),
]);

export function legalFormSystem(name: string): string | null {
  for (const form of splitName(name).forms) if (FORM_SYSTEMS.has(form)) return FORM_SYSTEMS.get(form)!;
  return null;
}

/**
 * The initials of a name's key when it has two words or more, each a word rather than an initial
 * itself ("Metro-Goldwyn-Mayer Inc." is "mgm"; "Max-G-Mobile" has none); null otherwise. `compound`
 * says the words are written as one hyphenated compound, as names known by their initials often are
 * (Metro-Goldwyn-Mayer), more than a phrase that happens to share them (Man Global Macro).
 */
export function acronymOf(name: string): { acronym: string; compound: boolean } | null {
  const key = nameKey(name);
  const words = key?.split(' ').filter((w) => w !== 'and' && w !== 'of') ?? [];
  if (words.length < 2 || words.some((w) => w.length < 2)) return null;
  const firstChunk = nameWords(name.trim().split(/\s+/)[0] ?? '');
  const compound = firstChunk.length === words.length && firstChunk.every((w, i) => w === words[i]);
  return { acronym: words.map((w) => w[0]).join(''), compound };
}

/**
 * A name without what tells one site or establishment of a company from another, as WARN filers write
 * it ("Amazon Logistics - DLA3", "Amazon.com Services Inc. (DLA4 facility)", "Acme #1234"): the part
 * before a dash, a parenthesis, a number sign, "dba" or a comma followed by a site word. Null when
 * nothing is cut.
 */
export function withoutSite(name: string): string | null {
  const cut = name.split(/\s+[-–—]\s+|\s*\(|\s+#|\s+d\/?b\/?a\s+/i)[0].trim();
  return cut && cut !== name.trim() ? cut : null;
}

/** A lower-case slug of a text, for ids made from names (at most `max` characters, no trailing hyphen). */
export function slugForId(text: string, max = 60): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, max)
      .replace(/-+$/, '') || 'x'
  );
}
