import fs from 'node:fs';

/**
 * A deterministic generator of realistic corporate graphs in the import format: a forest of
 * corporate families with skewed sizes (a few giants with thousands of members, many singletons),
 * ownership chains up to 15 deep, divisions, about three people per organization with dated roles,
 * markets (regions > countries > cities, and segments), acquisitions behind most subsidiaries, layoff
 * events on a fifth of organizations, and a source on every fact. Same seed, same file.
 */
export interface GeneratorOptions {
  organizations: number;
  seed?: number;
  /** Id prefix, so that generated data never collides with the seed graph. */
  prefix?: string;
  /**
   * Split the output into part files of about this many records, cut between families (so that no
   * part refers to a later one): `file` is then a folder of part-0001.jsonl, part-0002.jsonl, ...
   * Importing them one after the other keeps the importer's memory bounded at a million organizations.
   */
  partRecords?: number;
  /** Only describe what would be written (the samples), without writing anything. */
  dryRun?: boolean;
}

export interface GeneratedSummary {
  records: number;
  organizations: number;
  families: number;
  largestFamily: { root: string; size: number };
  deepest: { id: string; depth: number };
  /** Sample ids the benchmark asks about. */
  samples: {
    deepCompany: string;
    largeFamilyRoot: string;
    /** The root of the family with the most members within 3 links of it, among those with at most 1,000. */
    familyDepth3: { root: string; members: number };
    personA: string;
    personB: string;
    searchName: string;
    market: string;
  };
  /** Files written: one, or the parts in order. */
  files: string[];
}

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'al',
  'bor',
  'cen',
  'dra',
  'el',
  'fin',
  'gal',
  'hel',
  'io',
  'jor',
  'kel',
  'lum',
  'mar',
  'nor',
  'ori',
  'pax',
  'quin',
  'ros',
  'sol',
  'tor',
  'ul',
  'ver',
  'wex',
  'xan',
  'yor',
  'zen',
];
const SUFFIXES = ['Holdings', 'Group', 'Systems', 'Labs', 'Media', 'Capital', 'Networks', 'Studios', 'Logistics', 'Energy', 'Foods', 'Health'];
const FIRST = [
  'Ana',
  'Ben',
  'Chen',
  'Dara',
  'Eli',
  'Fatima',
  'Goran',
  'Hana',
  'Ivan',
  'Jun',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tara',
];
const LAST = [
  'Abe',
  'Brandt',
  'Costa',
  'Dube',
  'Evans',
  'Fischer',
  'Garcia',
  'Hoang',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Singh',
  'Tanaka',
];
const ROLES: Array<[string, string]> = [
  ['CEO', 'Chief Executive Officer'],
  ['CHAIR', 'Chair'],
  ['SENIOR_VICE_PRESIDENT', 'Senior Vice President'],
];
const REGIONS = ['americas', 'emea', 'apac'];
const SEGMENTS = ['software', 'streaming', 'retail', 'logistics', 'energy', 'health', 'finance', 'media'];

function pad(n: number, width = 7): string {
  return String(n).padStart(width, '0');
}

function year(r: () => number, from: number, to: number): number {
  return from + Math.floor(r() * (to - from + 1));
}

/** Writes the generated records to `file` as JSON Lines and describes what it wrote. */
export function generate(file: string, options: GeneratorOptions): GeneratedSummary {
  const r = prng(options.seed ?? 42);
  const p = options.prefix ?? 'gen-';
  const dry = options.dryRun === true;
  const files: string[] = [];
  let fd = -1;
  let buffer: string[] = [];
  let records = 0;
  let partStart = 0;
  const flush = () => {
    if (buffer.length && !dry) fs.writeSync(fd, buffer.join('\n') + '\n');
    buffer = [];
  };
  const openNext = () => {
    flush();
    if (fd >= 0) fs.closeSync(fd);
    partStart = records;
    let next = file;
    if (options.partRecords) {
      if (!dry) fs.mkdirSync(file, { recursive: true });
      next = `${file}/part-${String(files.length + 1).padStart(4, '0')}.jsonl`;
    }
    files.push(next);
    fd = dry ? -1 : fs.openSync(next, 'w');
  };
  openNext();
  const emit = (record: Record<string, unknown>) => {
    if (!dry) buffer.push(JSON.stringify(record));
    records += 1;
    if (buffer.length >= 5000) flush();
  };
  const source = (id: string, y: number) =>
    emit({ type: 'Source', id, kind: 'FILING', title: `Registry filing ${id}`, publishers: ['Generated Registry'], published: `${y}-06-30` });
  const cite = (id: string) => [{ source: id }];

  // Markets: regions > countries > cities, and industry segments.
  const marketSource = `${p}src-markets`;
  source(marketSource, 2020);
  const cities: string[] = [];
  for (const region of REGIONS) {
    emit({ type: 'Market', id: `${p}${region}`, name: `Region ${region.toUpperCase()}`, kind: 'REGION', sources: cite(marketSource) });
    for (let c = 0; c < 5; c += 1) {
      const country = `${p}${region}-country-${c}`;
      emit({ type: 'Market', id: country, name: `Country ${region}-${c}`, kind: 'COUNTRY', within: `${p}${region}`, sources: cite(marketSource) });
      for (let t = 0; t < 4; t += 1) {
        const city = `${country}-city-${t}`;
        cities.push(city);
        emit({ type: 'Market', id: city, name: `City ${region}-${c}-${t}`, kind: 'CITY', within: country, sources: cite(marketSource) });
      }
    }
  }
  for (const segment of SEGMENTS)
    emit({ type: 'Market', id: `${p}segment-${segment}`, name: `Segment ${segment}`, kind: 'SEGMENT', sources: cite(marketSource) });

  // Family sizes: a few giants, a long tail of singletons (a Pareto-like draw).
  const n = options.organizations;
  const sizes: number[] = [];
  let left = n;
  // Giants hold about a tenth of all organizations: one at 10k, fifty of about 2,000 at a million.
  const giants = Math.max(1, Math.round(n / 20000));
  for (let g = 0; g < giants && left > 0; g += 1) {
    const size = Math.min(left, Math.max(50, Math.round(((n * 0.1) / giants) * (0.5 + r()))));
    sizes.push(size);
    left -= size;
  }
  while (left > 0) {
    const size = Math.min(left, r() < 0.6 ? 1 : Math.ceil(1 / Math.max(0.02, r() ** 2)));
    sizes.push(size);
    left -= size;
  }

  let orgIndex = 0;
  let personIndex = 0;
  let largest = { root: '', size: 0 };
  let deepest = { id: '', depth: 0 };
  let searchName = '';
  let familyDepth3 = { root: '', members: 0 };
  let firstHeadquarters = '';
  let personB = '';
  sizes.forEach((size, familyIndex) => {
    if (options.partRecords && records - partStart >= options.partRecords) openNext();
    const depthOf = new Map<string, number>();
    const members: string[] = [];
    let withinThree = 0;
    for (let m = 0; m < size; m += 1) {
      const i = orgIndex++;
      const id = `${p}org-${pad(i)}`;
      const src = `${p}src-org-${pad(i)}`;
      const founded = year(r, 1950, 2015);
      source(src, founded + 5);
      const name = `${SYLLABLES[i % 26]}${SYLLABLES[Math.floor(i / 26) % 26]}${SYLLABLES[Math.floor(i / 676) % 26]} ${SUFFIXES[Math.floor(r() * SUFFIXES.length)]} ${i}`;
      const capitalized = name.charAt(0).toUpperCase() + name.slice(1);
      if (i === Math.floor(n / 2)) searchName = capitalized;
      const isDivision = m > 0 && r() < 0.2;
      const headquarters = cities[Math.floor(r() * cities.length)];
      if (i === 0) firstHeadquarters = headquarters;
      // Person B heads a company of another family in the same city as the first company: the two
      // people are then joined by exactly one shortest path (role, company, city, company, role).
      if (familyIndex > 0 && headquarters === firstHeadquarters) personB = `${p}person-${pad(personIndex)}`;
      emit({
        type: 'Organization',
        id,
        name: capitalized,
        aliases: [`${capitalized.split(' ')[0]} Co ${i}`],
        kind: isDivision ? 'DIVISION' : 'COMPANY',
        founded: String(founded),
        headquarters,
        sources: cite(src),
      });
      if (m > 0) {
        // Prefer recent members as parents, so chains grow deep (capped at 15).
        let parent = members[Math.max(0, members.length - 1 - Math.floor(r() * Math.min(members.length, 3)))];
        if ((depthOf.get(parent) ?? 0) >= 15) parent = members[0];
        const depth = (depthOf.get(parent) ?? 0) + 1;
        depthOf.set(id, depth);
        if (depth <= 3) withinThree += 1;
        if (depth > deepest.depth) deepest = { id, depth };
        const since = year(r, Math.max(founded, 1990), 2022);
        let acquisition: string | undefined;
        if (!isDivision && r() < 0.7) {
          acquisition = `${p}acq-${pad(i)}`;
          emit({
            type: 'Acquisition',
            id: acquisition,
            acquirer: parent,
            target: id,
            status: 'COMPLETED',
            completed: String(since),
            price: { amount: Math.round(1e6 + r() * 5e9), currency: 'USD' },
            sources: cite(src),
          });
        }
        emit({
          type: 'Ownership',
          id: `${p}own-${pad(i)}`,
          kind: isDivision ? 'DIVISION' : 'SUBSIDIARY',
          child: id,
          parent,
          since: String(since),
          ...(acquisition ? { acquisition } : {}),
          sources: cite(src),
        });
      } else {
        depthOf.set(id, 0);
      }
      members.push(id);
      for (let k = 0; k < 3; k += 1) {
        const person = `${p}person-${pad(personIndex++)}`;
        emit({ type: 'Person', id: person, name: `${FIRST[Math.floor(r() * 20)]} ${LAST[Math.floor(r() * 20)]}`, sources: cite(src) });
        const [roleType, title] = ROLES[k];
        const start = year(r, founded, 2023);
        emit({
          type: 'Role',
          id: `${person}-role`,
          person,
          organization: id,
          title,
          roleType,
          since: String(start),
          ...(r() < 0.3 ? { until: String(Math.min(2024, start + 1 + Math.floor(r() * 8))) } : {}),
          sources: cite(src),
        });
      }
      emit({
        type: 'MarketPresence',
        id: `${p}presence-${pad(i)}`,
        organization: id,
        market: `${p}segment-${SEGMENTS[Math.floor(r() * SEGMENTS.length)]}`,
        status: 'ACTIVE',
        since: String(founded),
        sources: cite(src),
      });
      if (r() < 0.2) {
        const y = year(r, 2015, 2024);
        const exact = r() < 0.5;
        emit({
          type: 'LayoffEvent',
          id: `${p}layoff-${pad(i)}`,
          organizations: [id],
          announced: `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`,
          headcount: exact ? Math.round(10 + r() * 2000) : { min: 100, max: 999, qualifier: 'RANGE', text: 'hundreds' },
          regions: [{ market: `${p}${REGIONS[Math.floor(r() * 3)]}` }],
          sources: cite(src),
        });
      }
    }
    if (size > largest.size) largest = { root: members[0], size };
    if (withinThree > familyDepth3.members && withinThree <= 1000) familyDepth3 = { root: members[0], members: withinThree };
  });
  flush();
  if (fd >= 0) fs.closeSync(fd);
  const personA = `${p}person-${pad(0)}`;
  return {
    records,
    organizations: n,
    families: sizes.length,
    largestFamily: largest,
    deepest,
    samples: { deepCompany: deepest.id, largeFamilyRoot: largest.root, familyDepth3, personA, personB, searchName, market: `${p}americas` },
    files,
  };
}
