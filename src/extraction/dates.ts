import { FuzzyDate, parseCalendar, parsePhrase } from '../ingest/dates-and-quantities';

/**
 * Dates as a text states them, resolved against the publication date of the text as the seed does by
 * hand: "on Wednesday" is the last Wednesday on or before publication, "last month" and "a decade ago"
 * are intervals with their precision, "late 2022" a season, "in 2014" a year, "March 2021" a month. Each
 * with its character offsets and the words as the date's text. A publication known only as an interval
 * (10 to 12 January) gives the hull of the answers at both ends.
 */
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const MONTH = `(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')}|sept)\\.?`;
const monthNumber = (word: string) => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().slice(0, 3))) + 1;
const pad = (n: number) => String(n).padStart(2, '0');
const QUARTERS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
const yearOfPublication = (published: FuzzyDate) => Number((published.latest ?? published.earliest ?? '').slice(0, 4)) || null;
const labelled = (date: FuzzyDate, text: string): FuzzyDate => ({ ...date, text });

/** The phrases read, as data: each pattern and how its match becomes a date. Longer phrases first. */
const PATTERNS: ReadonlyArray<{ pattern: RegExp; read: (m: RegExpMatchArray, published: FuzzyDate) => FuzzyDate | null }> = [
  {
    // "January 18, 2022", "Jan. 18, 2022", "on Oct. 13".
    pattern: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d\\d))?\\b`, 'gi'),
    read: (m, published) => {
      const year = m[3] ? Number(m[3]) : yearOfPublication(published);
      if (!year || Number(m[2]) > 31) return null;
      const iso = `${year}-${pad(monthNumber(m[1]))}-${pad(Number(m[2]))}`;
      // Without a year, a day after the publication is last year's.
      if (!m[3] && published.latest && iso > published.latest) return labelled(parseCalendar(`${year - 1}${iso.slice(4)}`, 'date'), m[0]);
      return labelled(parseCalendar(iso, 'date'), m[0]);
    },
  },
  {
    // "18 January 2022".
    pattern: new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+((?:19|20)\\d\\d)\\b`, 'gi'),
    read: (m) => (Number(m[1]) > 31 ? null : labelled(parseCalendar(`${m[3]}-${pad(monthNumber(m[2]))}-${pad(Number(m[1]))}`, 'date'), m[0])),
  },
  {
    pattern: /\b(?:in\s+)?the\s+(first|second|third|fourth)\s+quarter\s+of\s+((?:19|20)\d\d)\b/gi,
    read: (m) => labelled(parseCalendar(`${m[2]}-Q${QUARTERS[m[1].toLowerCase()]}`, 'date'), m[0]),
  },
  {
    // "at the end of last year", "by the end of 2023", "by the end of the week".
    pattern: /\b(?:at|by|until|before)\s+the\s+end\s+of\s+(last year|this year|the year|the week|the month|((?:19|20)\d\d))\b/gi,
    read: (m, published) => endOf(m[1].toLowerCase(), published, m[0]),
  },
  {
    pattern: new RegExp(`\\b(?:on\\s+)?(${WEEKDAYS.join('|')})(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'gi'),
    read: (m, published) => lastWeekday(WEEKDAYS.indexOf(m[1].toLowerCase()), published, m[0]),
  },
  {
    pattern:
      /\b(last month|this month|last year|this year|next year|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:years?|decades?) ago)\b/gi,
    read: (m, published) => parsePhrase(m[1], published, 'date'),
  },
  { pattern: /\b((?:early|mid|late)[ -](?:19|20)\d\d)\b/gi, read: (m) => ({ ...parsePhrase(m[1], null, 'date'), text: m[0] }) },
  {
    pattern: new RegExp(`\\b(?:in\\s+)?${MONTH}\\s+((?:19|20)\\d\\d)\\b`, 'gi'),
    read: (m) => labelled(parseCalendar(`${m[2]}-${pad(monthNumber(m[1]))}`, 'date'), m[0]),
  },
  {
    // "in January": that month of the publication's year, or of the year before if it is still to come.
    pattern: new RegExp(`\\bin\\s+(${MONTHS.join('|')})\\b(?!\\s+\\d)`, 'gi'),
    read: (m, published) => {
      const year = yearOfPublication(published);
      if (!year) return null;
      const month = `${year}-${pad(monthNumber(m[1]))}`;
      return labelled(parseCalendar(published.latest && month > published.latest.slice(0, 7) ? `${year - 1}${month.slice(4)}` : month, 'date'), m[0]);
    },
  },
  { pattern: /\b(?:in|since|during|by)\s+((?:19|20)\d\d)\b/gi, read: (m) => ({ ...parseCalendar(m[1], 'date'), text: m[0] }) },
];

/** The last days of a period: the last month of a year, the days left in the week of publication. */
function endOf(period: string, published: FuzzyDate, text: string): FuzzyDate | null {
  const year = /^\d{4}$/.test(period) ? Number(period) : yearOfPublication(published);
  if (!year) return null;
  if (period === 'last year') return labelled(parseCalendar(`${year - 1}-12`, 'date'), text);
  if (period === 'this year' || period === 'the year' || /^\d{4}$/.test(period)) return labelled(parseCalendar(`${year}-12`, 'date'), text);
  if (!published.earliest || !published.latest) return null;
  if (period === 'the month') return labelled(parseCalendar(published.latest.slice(0, 7), 'date'), text);
  // The week: from publication to its Sunday.
  const end = new Date(`${published.latest}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + ((7 - end.getUTCDay()) % 7));
  return { earliest: published.earliest, latest: iso(end), precision: 'RANGE', text };
}

export interface FoundDate {
  start: number;
  end: number;
  text: string;
  date: FuzzyDate;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function lastWeekday(weekday: number, published: FuzzyDate, text: string): FuzzyDate | null {
  if (!published.earliest || !published.latest) return null;
  const at = (ref: string) => {
    const d = new Date(`${ref}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() - weekday + 7) % 7));
    return iso(d);
  };
  const [a, b] = [at(published.earliest), at(published.latest)];
  return { earliest: a, latest: b, precision: a === b ? 'DAY' : 'RANGE', text };
}

/** Every date phrase of `text` that resolves, in order of position; overlapping matches keep the first found. */
export function findDates(text: string, published: FuzzyDate): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { pattern, read } of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const date = read(m, published);
      if (date) found.push({ start, end, text: m[0], date: { ...date, text: m[0] } });
    }
  }
  return joinRanges(
    text,
    found.sort((a, b) => a.start - b.start),
  );
}

/** "late 2022 and early 2023", "from March to May 2023": two dates joined into one interval, their hull. */
function joinRanges(text: string, found: FoundDate[]): FoundDate[] {
  const out: FoundDate[] = [];
  for (const d of found) {
    const last = out[out.length - 1];
    const between = last ? text.slice(last.end, d.start) : '';
    if (
      last &&
      /^\s+(?:and|to|through|until|-|–)\s+$/.test(between) &&
      !/^(?:in|on|since|during|by)\b/i.test(d.text) &&
      last.date.earliest! <= d.date.earliest!
    ) {
      const joined = text.slice(last.start, d.end);
      out[out.length - 1] = {
        start: last.start,
        end: d.end,
        text: joined,
        date: { earliest: last.date.earliest, latest: d.date.latest, precision: 'RANGE', text: joined },
      };
    } else out.push(d);
  }
  return out;
}

/** A publication day ("2024-01-10") or interval ("2024-01-10..2024-01-12"), as the date relative phrases resolve against; throws with the reason. */
export function parsePublication(text: string): FuzzyDate {
  const [from, to = from] = text.split('..');
  const [a, b] = [parseCalendar(from.trim(), 'published'), parseCalendar(to.trim(), 'published')];
  if (a.earliest! > b.latest!) throw new Error(`${from} is after ${to}`);
  return { earliest: a.earliest, latest: b.latest, precision: a.earliest === b.latest ? 'DAY' : 'RANGE', text: null };
}
