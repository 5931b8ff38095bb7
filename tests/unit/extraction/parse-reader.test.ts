import { extractArticle } from '../../../src/extraction/extract';
import { recordsResolver } from '../../../src/extraction/gazetteer';
import type { FuzzyDate } from '../../../src/ingest/dates-and-quantities';
import { recordedParser } from '../../helpers/recorded-parser';

/**
 * The parse reader on recorded parses (tests/fixtures/parses/constructions.json, spaCy's answers for
 * these sentences): the constructions surface patterns missed, each read from sentence structure. No
 * Python here; the real parser is exercised by tests/integration/parser-process.test.ts.
 */
const GRAPH = recordsResolver([
  { type: 'Organization', id: 'oracle', name: 'Oracle' },
  { type: 'Organization', id: 'blizzard', name: 'Blizzard Entertainment' },
  { type: 'Market', id: 'austin', name: 'Austin', kind: 'CITY' },
]);
const PUBLISHED: FuzzyDate = { earliest: '2024-03-26', latest: '2024-03-26', precision: 'DAY', text: null };
const recorder = recordedParser('constructions');
const extract = (text: string) => extractArticle({ resolve: GRAPH, parse: recorder.parse, reader: 'parse' }, text, { published: PUBLISHED, title: 'Test' });
const of = async (text: string, factType: string) => (await extract(text)).proposals.filter((p) => p.factType === factType).map((p) => p.record);

afterAll(() => recorder.save());

describe('the parse reader', () => {
  it('reads an acquisition told with two verbs sharing one subject: announced by one, completed by the other', async () => {
    const [deal] = await of('Cisco agreed in September 2023 to buy Splunk for $28 billion and completed the takeover on March 18.', 'Acquisition');
    expect(deal).toMatchObject({ acquirer: 'cisco', target: 'splunk', status: 'COMPLETED' });
    expect(deal.price).toMatchObject({ amount: 28e9, text: '$28 billion' });
    expect(deal.announced).toMatchObject({ earliest: '2023-09-01', latest: '2023-09-30' });
    expect(deal.completed).toMatchObject({ earliest: '2024-03-18', latest: '2024-03-18' });
  });

  it('reads an acquisition in a relative clause, and the headquarters beside it', async () => {
    const text = 'Oracle, which bought Cerner in 2022 for $28.3 billion, is based in Austin.';
    const [deal] = await of(text, 'Acquisition');
    expect(deal).toMatchObject({ acquirer: 'oracle', target: 'cerner', status: 'COMPLETED', completed: { earliest: '2022-01-01', latest: '2022-12-31' } });
    expect((deal.price as { amount: number }).amount).toBe(28.3e9);
    const claims = await of(text, 'Claim');
    expect(claims).toEqual([expect.objectContaining({ subject: 'oracle', property: 'headquarters' })]);
  });

  it('reads a role that ends, and never makes a company of a possessive', async () => {
    const { proposals } = await extract("Mike Ybarra, Blizzard Entertainment's president, will leave the company.");
    const role = proposals.find((p) => p.factType === 'Role')!.record;
    expect(role).toMatchObject({ person: 'mike-ybarra', organization: 'blizzard', roleType: 'PRESIDENT' });
    expect(role.until).toMatchObject({ earliest: '2024-03-26', latest: null });
    expect(proposals.filter((p) => p.factType === 'Organization')).toEqual([]);
  });

  it('reads a layoff with its count and its share stated side by side, and who told it', async () => {
    const text = 'Spotify will lay off about 1,500 employees, or 17% of its workforce, chief executive Daniel Ek told staff on Monday.';
    const [layoff] = await of(text, 'LayoffEvent');
    expect(layoff).toMatchObject({ organizations: ['spotify'], shareOfWorkforce: 0.17, announcedBy: 'daniel-ek' });
    expect(layoff.headcount).toMatchObject({ value: 1500, qualifier: 'APPROXIMATE', text: 'about 1,500' });
    expect(layoff.announced).toMatchObject({ earliest: '2024-03-25', latest: '2024-03-25' });
    expect((await of(text, 'Role')).map((r) => [r.person, r.organization, r.roleType])).toEqual([['daniel-ek', 'spotify', 'CEO']]);
  });

  it("quotes whole words: a quote starts and ends on the parser's token boundaries", async () => {
    const { text, proposals } = await extract('Oracle, which bought Cerner in 2022 for $28.3 billion, is based in Austin.');
    for (const p of proposals) {
      const at = text.indexOf(p.quote);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(/\w/.test(text[at - 1] ?? ' ') && /\w/.test(p.quote[0])).toBe(false);
    }
  });
});
