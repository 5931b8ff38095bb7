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
  const words = nameWords(name);
  // Trailing initials written with dots ("S.A.", "L.L.C.") are one legal form.
  let initials = 0;
  while (initials < words.length && words[words.length - 1 - initials].length === 1) initials += 1;
  if (initials >= 2 && initials < words.length) words.push(words.splice(words.length - initials).join(''));
  if (words[0] === 'the' && words.length > 1) words.shift();
  while (words.length > 1 && (LEGAL_FORMS.has(words[words.length - 1]) || WEB_SUFFIXES.has(words[words.length - 1]))) words.pop();
  return words.length ? words.join(' ') : null;
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
