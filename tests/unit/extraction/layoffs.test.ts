import { findLayoffs } from '../../../src/extraction/layoffs';
import { sentences } from '../../../src/extraction/text';
import type { FuzzyDate } from '../../../src/ingest/dates-and-quantities';

/** A news-style text in our own words; the figures are of the kind the seed states. */
const PUBLISHED: FuzzyDate = { earliest: '2024-01-10', latest: '2024-01-12', precision: 'RANGE', text: null };
const GAZETTEER = [
  { id: 'northwind', names: ['Northwind Media', 'Northwind'] },
  { id: 'streamly', names: ['Streamly'] },
  { id: 'acme', names: ['Acme Corp.'] },
];
const ARTICLE =
  'Northwind Media told staff on Wednesday that it will cut hundreds of jobs in its film unit. ' +
  'Its streaming arm, Streamly, is eliminating just over 500 roles, or 35% of its workforce, according to a post on Acme Corp. servers. ' +
  'Streamly was founded in 2011 and is based in Lisbon. ' +
  'Northwind Media said it would keep investing in live sports.';

describe('layoff statements in an article', () => {
  const proposals = findLayoffs(ARTICLE, PUBLISHED, GAZETTEER);

  it('splits sentences without breaking on an abbreviation', () => {
    expect(sentences(ARTICLE).map((s) => s.text.slice(0, 20))).toEqual([
      'Northwind Media told',
      'Its streaming arm, S',
      'Streamly was founded',
      'Northwind Media said',
    ]);
  });

  it('proposes one layoff per sentence that states one, with the organization, the figure as hedged, the share and the date', () => {
    expect(proposals).toHaveLength(2);
    const [film, streaming] = proposals;
    expect(film.organizations.map((o) => o.id)).toEqual(['northwind']);
    expect(film.headcount).toEqual({ min: 200, max: 999, qualifier: 'RANGE', text: 'hundreds' });
    expect(film.announced).toMatchObject({ earliest: '2024-01-10', latest: '2024-01-10', text: 'on Wednesday' });
    expect(streaming.organizations.map((o) => o.id)).toEqual(['streamly']); // Acme hosts the post; it cuts nothing
    expect(streaming.headcount).toEqual({ min: 500, minExclusive: true, qualifier: 'MORE_THAN', text: 'just over 500' });
    expect(streaming.shareOfWorkforce).toBe(0.35);
    expect(streaming.announced).toBeNull(); // the sentence gives no date: none is made up
  });

  it('anchors every proposal to the text: offsets, a short quote that holds the figure', () => {
    for (const p of proposals) {
      expect(ARTICLE.slice(p.start, p.end).length).toBeGreaterThan(0);
      expect(p.quote.length).toBeLessThanOrEqual(200);
      expect(ARTICLE).toContain(p.quote);
      for (const o of p.organizations) expect(ARTICLE.slice(o.start, o.end)).toBe(o.name);
      if (p.evidence.headcount) expect(p.quote).toContain(p.evidence.headcount.text);
    }
  });

  it('folds a restatement of the same cut into one, keeping the more precise figure (quoted first) and every quote', () => {
    const text = 'Streamly will cut hundreds of jobs. Later in the day, Streamly said it is eliminating just over 500 roles.';
    const [only, ...rest] = findLayoffs(text, PUBLISHED, GAZETTEER);
    expect(rest).toEqual([]);
    expect(only.headcount).toMatchObject({ text: 'just over 500' });
    expect(only.quote).toContain('just over 500');
    expect(only.restatements.map((r) => r.quote)).toEqual(['Streamly will cut hundreds of jobs.']);
    // Figures that cannot be one cut stay apart.
    expect(findLayoffs('Streamly will cut 40 jobs. Streamly also cut more than 27,000 positions.', PUBLISHED, GAZETTEER)).toHaveLength(2);
    // The date of another event in the sentence is not the cut's.
    const [bought] = findLayoffs('Streamly, bought by Northwind Media last year, is eliminating 120 jobs.', PUBLISHED, GAZETTEER);
    expect(bought.organizations.map((o) => o.id)).toEqual(['streamly']); // the buyer cuts nothing
    expect(bought.announced).toBeNull();
    // Two rounds stated only in words are two proposals: words alone cannot tell one cut from another.
    expect(findLayoffs('Streamly will cut hundreds of jobs. Since then Streamly fired hundreds of people.', PUBLISHED, GAZETTEER)).toHaveLength(2);
  });

  it('proposes nothing for a text that states no cut, and nothing for empty text', () => {
    expect(findLayoffs('Streamly was founded in 2011. Northwind Media keeps investing.', PUBLISHED, GAZETTEER)).toEqual([]);
    // A cut of money is not a cut of jobs.
    expect(findLayoffs('Northwind Media wants to cut costs. Despite cost cuts, Streamly is too large.', PUBLISHED, GAZETTEER)).toEqual([]);
    expect(findLayoffs('', PUBLISHED, GAZETTEER)).toEqual([]);
  });
});
