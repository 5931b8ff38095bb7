import type { Resolver } from '../../../src/extraction/gazetteer';
import type { ExtractionServices } from '../../../src/extraction/extract';
import { extractArticle } from '../../../src/extraction/extract';
import { recordsResolver } from '../../../src/extraction/gazetteer';
import type { FuzzyDate } from '../../../src/ingest/dates-and-quantities';

/** The surface-pattern reader, which needs no parser (the parse reader's unit tests run on recorded parses). */
const byPatterns = (resolve: Resolver): ExtractionServices => ({
  resolve,
  reader: 'patterns',
  parse: () => Promise.reject(new Error('the patterns reader does not parse')),
});

/**
 * The facts an article states, one fact type at a time, as an analyst would check them: who, what
 * figure with its hedge, when, and the quote that says so. The texts are our own words; the entities
 * are a small graph's (Northwind, Lisbon, Streaming) or new.
 */
const GRAPH = recordsResolver([
  { type: 'Organization', id: 'northwind', name: 'Northwind Media', aliases: ['Northwind'] },
  { type: 'Organization', id: 'streamly', name: 'Streamly', aliases: ['streaming unit'] },
  { type: 'Person', id: 'ana-reis', name: 'Ana Reis' },
  { type: 'Market', id: 'lisbon', name: 'Lisbon', kind: 'CITY' },
  { type: 'Market', id: 'portugal', name: 'Portugal', kind: 'COUNTRY' },
  { type: 'Market', id: 'video-streaming', name: 'Video streaming', kind: 'SEGMENT' },
]);
const PUBLISHED: FuzzyDate = { earliest: '2024-03-08', latest: '2024-03-08', precision: 'DAY', text: null };
const extract = (text: string) => extractArticle(byPatterns(GRAPH), text, { published: PUBLISHED, title: 'Test article' });
const of = async (text: string, factType: string) => (await extract(text)).proposals.filter((p) => p.factType === factType).map((p) => p.record);

describe('facts extracted from an article', () => {
  it('roles: the title as written, its type, the person (known or new) and the organization', async () => {
    const roles = await of(
      'Northwind Chief Executive Officer Ana Reis spoke first. Tomas Vale, the chair and co-chief executive of Streamly, followed. ' +
        'Rita Mota took over as chief financial officer of Northwind on February 1.',
      'Role',
    );
    expect(roles.map((r) => [r.person, r.organization, r.title, r.roleType])).toEqual([
      ['ana-reis', 'northwind', 'Chief Executive Officer', 'CEO'],
      ['tomas-vale', 'streamly', 'Chair and Co-Chief Executive', 'CHAIR'],
      ['rita-mota', 'northwind', 'Chief Financial Officer', 'EXECUTIVE'],
    ]);
    expect(roles[2].since).toMatchObject({ earliest: '2024-02-01', latest: '2024-02-01' });
  });

  it('acquisitions: acquirer, target, price with currency and hedge, announced and completed dates; a second statement of the price is a claim', async () => {
    const text =
      'Northwind agreed to buy Acme Pictures on May 3, 2022 for $1.2 billion. Northwind completed its purchase of Acme Pictures in January 2023. ' +
      'Acme Pictures, bought by Northwind for about $1 billion, makes documentaries.';
    const { proposals } = await extract(text);
    const deal = proposals.find((p) => p.factType === 'Acquisition')!.record;
    expect(deal).toMatchObject({
      acquirer: 'northwind',
      target: 'acme-pictures',
      status: 'COMPLETED',
      price: { amount: 1.2e9, currency: 'USD', qualifier: 'EXACT', text: '$1.2 billion' },
      announced: { earliest: '2022-05-03', latest: '2022-05-03' },
      completed: { earliest: '2023-01-01', latest: '2023-01-31' },
    });
    const claim = proposals.find((p) => p.factType === 'Claim')!.record;
    expect(claim).toMatchObject({
      subject: deal.id,
      property: 'price',
      rank: 'NORMAL',
      quantity: { value: 1e9, qualifier: 'APPROXIMATE', text: 'about $1 billion' },
    });
    // The new target is proposed with it, and the fact needs it.
    const target = proposals.find((p) => p.record.id === 'acme-pictures')!;
    expect(target.factType).toBe('Organization');
    expect(proposals.find((p) => p.factType === 'Acquisition')!.requires).toEqual([target.id]);
  });

  it('ownership, headquarters, market exits with the reason, former names, statistics', async () => {
    const { proposals } = await extract(
      'Northwind said on Tuesday that it was withdrawing from the Portugal market because of high licence fees. ' +
        'Streamly, a video streaming service, is a subsidiary of Northwind. Streamly is based in Lisbon. ' +
        'Bluefin Labs, formerly known as Redwave, is based in Porto. Northwind had about 4,000 employees at the end of last year.',
    );
    const byType = (t: string) => proposals.filter((p) => p.factType === t).map((p) => p.record);
    expect(byType('MarketPresence')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          organization: 'northwind',
          market: 'portugal',
          status: 'EXITING',
          exitReason: 'high licence fees',
          exitAnnounced: expect.objectContaining({ earliest: '2024-03-05' }),
        }),
        expect.objectContaining({ organization: 'streamly', market: 'video-streaming', status: 'ACTIVE' }),
      ]),
    );
    expect(byType('Ownership')).toEqual([expect.objectContaining({ child: 'streamly', parent: 'northwind', kind: 'SUBSIDIARY' })]);
    // A known organization's headquarters is a claim (extraction never rewrites a record it did not make)...
    expect(byType('Claim')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: 'streamly', property: 'headquarters', text: 'Lisbon' }),
        expect.objectContaining({ subject: 'northwind', property: 'employees', quantity: { value: 4000, qualifier: 'APPROXIMATE', text: 'about 4,000' } }),
      ]),
    );
    // ... a new one carries it, with its former name; the new city is proposed too.
    expect(byType('Organization')).toEqual([
      expect.objectContaining({ id: 'bluefin-labs', name: 'Bluefin Labs', formerNames: ['Redwave'], headquarters: 'porto' }),
    ]);
    expect(byType('Market')).toEqual([expect.objectContaining({ id: 'porto', name: 'Porto' })]);
  });

  it('layoffs: who announced them and how, where they fall, and "it" standing for the company before', async () => {
    const layoffs = await of(
      'Northwind Media is cutting jobs again. It will lay off about 300 employees, or 6% of its workforce, Ana Reis told staff in a memo on Monday. ' +
        'Reis said the company would inform affected employees in Portugal on Tuesday.',
      'LayoffEvent',
    );
    expect(layoffs).toEqual([
      expect.objectContaining({
        organizations: ['northwind'],
        headcount: { value: 300, qualifier: 'APPROXIMATE', text: 'about 300' },
        shareOfWorkforce: 0.06,
        announcedBy: 'ana-reis',
        channels: ['MEMO'],
        announced: expect.objectContaining({ earliest: '2024-03-04', latest: '2024-03-04', text: 'on Monday' }),
        // Where it falls, with the day the staff there hear of it.
        regions: [{ market: 'portugal', notified: expect.objectContaining({ earliest: '2024-03-05', latest: '2024-03-05', text: 'on Tuesday' }) }],
      }),
    ]);
  });

  it('cites the article for every fact with the quote and the passage offsets, and proposes nothing a sentence does not state', async () => {
    const text = 'Streamly is growing fast. Its founders met at university, and the company hopes to list its shares one day.';
    expect((await extract(text)).proposals).toEqual([]);
    const full = 'Northwind Media will cut 120 jobs, the company said on Monday. Streamly is based in Lisbon.';
    const { proposals } = await extract(full);
    for (const p of proposals) {
      for (const c of p.record.sources as Array<{ source: string; quote: string; locator: string }>) {
        const [start, end] = c.locator.replace('characters ', '').split('-').map(Number);
        expect(full.slice(start, end)).toContain(c.quote);
        expect(c.quote.length).toBeLessThanOrEqual(200);
        expect(c.source).toMatch(/^src-article-test-article-/);
      }
    }
  });

  it('knows an organization the graph names as a register does ("KESTREL FREIGHT INC /DE/") by the words the text uses', async () => {
    const register = recordsResolver([{ type: 'Organization', id: 'kestrel-sec', name: 'KESTREL FREIGHT INC /DE/' }]);
    const { proposals } = await extractArticle(byPatterns(register), 'Kestrel Freight will cut 50 jobs at its depot, the company said on Monday.', {
      published: PUBLISHED,
    });
    expect(proposals.map((p) => [p.factType, p.record.organizations])).toEqual([['LayoffEvent', ['kestrel-sec']]]);
  });

  it('reads a longer name the graph does not know as one name, not as the known word inside it', async () => {
    const graph = recordsResolver([
      { type: 'Organization', id: 'kestrel', name: 'Kestrel' },
      { type: 'Organization', id: 'angle-plc', name: 'ANGLE plc' },
    ]);
    const { proposals } = await extractArticle(
      byPatterns(graph),
      'Kestrel Freight will cut 50 jobs, Colin Angle, the chief executive of Kestrel Freight, said on Monday.',
      {
        published: PUBLISHED,
      },
    );
    expect(proposals.filter((p) => p.factType !== 'Person' && p.factType !== 'Organization').map((p) => p.summary)).toEqual([
      'Colin Angle: Chief Executive of Kestrel Freight',
      'Kestrel Freight cut 50 jobs (on Monday)',
    ]);
  });

  it('is deterministic: the same text gives the same proposals, ids included', async () => {
    const text =
      'Northwind agreed to buy Acme Pictures for $1.2 billion. Tomas Vale, the chief executive of Acme Pictures, will stay. Streamly will cut 40 jobs.';
    expect(await extract(text)).toEqual(await extract(text));
  });
});
