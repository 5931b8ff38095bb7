import { FuzzyDate, parseCalendar, parsePhrase } from '../ingest/fuzzy';

/**
 * Dates as a text states them, resolved against the publication date of the text as the seed does by
 * hand: "on Wednesday" is the last Wednesday on or before publication, "last month" and "a decade ago"
 * are intervals with their precision, "late 2022" a season, "in 2014" a year, "March 2021" a month. Each
 * with its character offsets and the words as the date's text. A publication known only as an interval
 * (10 to 12 January) gives the hull of the answers at both ends.
 */
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The phrases read, as data: each pattern and how its match becomes a date. */
const PATTERNS: ReadonlyArray<{ pattern: RegExp; read: (m: RegExpMatchArray, published: FuzzyDate) => FuzzyDate | null }> = [
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
    pattern: new RegExp(`\\b(${MONTHS.join('|')})\\s+((?:19|20)\\d\\d)\\b`, 'gi'),
    read: (m) => ({ ...parseCalendar(`${m[2]}-${String(MONTHS.indexOf(m[1].toLowerCase()) + 1).padStart(2, '0')}`, 'date'), text: m[0] }),
  },
  { pattern: /\b(?:in|since|during)\s+((?:19|20)\d\d)\b/gi, read: (m) => ({ ...parseCalendar(m[1], 'date'), text: m[0] }) },
];

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
  return found.sort((a, b) => a.start - b.start);
}
