import { prepareName, rankCandidates, tokenSimilarity } from '../../../src/resolution/candidates';
import { establishmentId, verdictFor } from '../../../src/resolution/decisions';
import { aliasesAfterMerge, decisionId } from '../../../src/resolution/merge';
import { legalFormSystem, nameKey, withoutSite } from '../../../src/ingest/names';

/** A candidates-query row for an organization, as Neo4j returns it. */
const row = (ref: number, id: string, name: string, more: Record<string, unknown> = {}) => ({
  ref,
  node: { id, name, nameKey: nameKey(name), country: 'US', status: 'ACTIVE', ...more },
  identifierKeys: (more.identifierKeys as string[]) ?? [],
  ancestorKeys: (more.ancestorKeys as string[]) ?? [],
  cities: (more.cities as string[]) ?? [],
});

const rank = (name: string, rows: ReturnType<typeof row>[], extra: Record<string, unknown> = {}) => {
  const prepared = prepareName({ name, country: 'US', ...extra });
  return { prepared, candidates: rankCandidates(rows, [prepared], 5).get(0)! };
};

describe('entity resolution evidence', () => {
  it('cuts the site a WARN filer adds to a company name', () => {
    expect(withoutSite('Amazon Logistics - DLA3')).toBe('Amazon Logistics');
    expect(withoutSite('White Glove Logistics LLC - DFA5 (Amazon Station)')).toBe('White Glove Logistics LLC');
    expect(withoutSite('Amazon.com Services Inc. (DLA4 facility)')).toBe('Amazon.com Services Inc.');
    expect(withoutSite('Walgreens #1234')).toBe('Walgreens');
    expect(withoutSite('Amazon')).toBeNull();
  });

  it('reads the system of registration a legal form tells', () => {
    expect(['Acme Inc.', 'ACME L.L.C.', 'Acme S.r.l.', 'Acme GmbH', 'Acme Ltd', 'Acme'].map(legalFormSystem)).toEqual([
      'american',
      'american',
      'other',
      'other',
      null,
      null,
    ]);
  });

  it('weighs shared words by how much of the candidate the name holds', () => {
    expect(tokenSimilarity(nameKey('Amazon Logistics'), nameKey('Amazon'))).toBeCloseTo(0.75);
    expect(tokenSimilarity(nameKey('Amazon'), nameKey('Amazon Logistics'))).toBeCloseTo(0.5);
    expect(tokenSimilarity(nameKey('Acme Logistics'), nameKey('Amazon Logistics'))).toBeCloseTo(0.417, 2);
    expect(tokenSimilarity(nameKey('Acme'), nameKey('Amazon'))).toBe(0);
  });

  it('scores a site of a company as an establishment of it, and its family and city as evidence', () => {
    const { candidates } = rank(
      'Amazon Logistics - DLA3',
      [row(0, 'lei-amzl', 'AMAZON LOGISTICS, INC.', { ancestorKeys: ['amazon'], cities: ['seattle'] }), row(0, 'lei-other', 'Acme Logistics LLC')],
      { city: 'Seattle' },
    );
    expect(candidates[0].node.id).toBe('lei-amzl');
    expect(candidates[0].reasons.map((r) => r.kind)).toEqual(['SITE_OF', 'SAME_FAMILY', 'SAME_COUNTRY', 'SAME_CITY']);
    expect(candidates[0].score).toBe(1);
    expect(candidates[1].reasons[0].kind).toBe('TOKEN_SIMILARITY');
  });
});

describe('the rules of automatic decisions', () => {
  it('decides an exact name key in the right country when no other candidate comes close', () => {
    const { prepared, candidates } = rank('Kmart Corporation', [row(0, 'kmart', 'KMART CORP')]);
    expect(verdictFor(prepared, candidates)).toMatchObject({ kind: 'SAME_AS', status: 'ACCEPTED' });
  });

  it('asks a reviewer when two companies share the key, and for mere shared words', () => {
    const twins = rank('Acme', [row(0, 'acme-1', 'Acme Inc.'), row(0, 'acme-2', 'ACME LLC')]);
    expect(verdictFor(twins.prepared, twins.candidates)).toMatchObject({ status: 'PENDING' });
    const words = rank('Acme Global Holdings', [row(0, 'acme-1', 'Acme Holdings Inc.')]);
    expect(verdictFor(words.prepared, words.candidates)).toMatchObject({ kind: 'SAME_AS', status: 'PENDING' });
    // A name that begins with a company's whole name is a unit of it, or a namesake: a reviewer says which.
    const unit = rank('Aramark Healthcare Support Services', [row(0, 'aramark', 'Aramark'), row(0, 'other', 'Healthcare Support LLC')]);
    expect(unit.candidates[0].reasons[0]).toEqual({ kind: 'NAME_PREFIX', detail: 'begins with "aramark"', weight: 0.64 });
    expect(verdictFor(unit.prepared, unit.candidates)).toMatchObject({ kind: 'ESTABLISHMENT_OF', status: 'PENDING', candidate: { node: { id: 'aramark' } } });
  });

  it("points a business named by a listed company's first word at that company, for review", () => {
    const hotel = rank('Marriott Hotel Services, Inc.', [
      row(0, 'cik-mar', 'MARRIOTT INTERNATIONAL INC /MD/', { country: undefined, identifierKeys: ['CIK:0001048286'] }),
      row(0, 'unlisted', 'Marriott Holdings LLC'),
    ]);
    expect(hotel.candidates[0].node.id).toBe('cik-mar');
    expect(hotel.candidates[0].reasons[0]).toMatchObject({ kind: 'BRAND_WORD', weight: 0.62 });
    expect(hotel.candidates.find((c) => c.node.id === 'unlisted')?.reasons[0].kind).toBe('TOKEN_SIMILARITY');
    expect(verdictFor(hotel.prepared, hotel.candidates)).toMatchObject({ status: 'PENDING' });
    expect(prepareName({ name: 'American Airlines Group' }).brandWord).toBeNull();
  });

  it('tells namesakes apart by the system their legal forms belong to', () => {
    const namesake = rank('E-Smart Corp', [row(0, 'it', 'E.SMART S.R.L.', { country: 'IT' })], { country: null });
    expect(namesake.candidates[0].reasons.map((r) => r.kind)).toEqual(['NAME_KEY_EQUAL', 'OTHER_LEGAL_FORM']);
    expect(verdictFor(namesake.prepared, namesake.candidates)).toMatchObject({ status: 'PENDING' });
    const same = rank('Graphic Packaging International, Inc.', [row(0, 'gpi', 'GRAPHIC PACKAGING INTERNATIONAL, LLC')]);
    expect(verdictFor(same.prepared, same.candidates)).toMatchObject({ status: 'ACCEPTED', kind: 'SAME_AS' });
  });

  it('leaves names of institutions that repeat from town to town to a reviewer, however equal', () => {
    const hospital = rank("St. Mary's Medical Center", [row(0, 'st-marys', "St. Mary's Medical Center, Inc.")]);
    expect(hospital.candidates[0].reasons[0].kind).toBe('NAME_KEY_EQUAL');
    expect(verdictFor(hospital.prepared, hospital.candidates)).toMatchObject({ status: 'PENDING' });
    // Initials name several companies (CHS Inc., Community Health Systems).
    const initials = rank('CHS', [row(0, 'chs', 'CHS INC', { identifierKeys: ['CIK:0000823277'] })]);
    expect(verdictFor(initials.prepared, initials.candidates)).toMatchObject({ status: 'PENDING' });
  });

  it('proposes nothing below the review floor, and never a candidate refused before', () => {
    const weak = rank('Blue Ocean Seafood Partners', [row(0, 'ocean', 'Ocean Partners International Trading Company')]);
    expect(verdictFor(weak.prepared, weak.candidates)).toBeNull();
    const refused = rank('Kmart Corporation', [row(0, 'kmart', 'KMART CORP')]);
    expect(verdictFor(refused.prepared, refused.candidates, new Set(['kmart']))).toBeNull();
  });

  it('names decisions and establishments stably', () => {
    expect(decisionId('name:Amazon', 'amazon')).toBe(decisionId('name:Amazon', 'amazon'));
    expect(decisionId('name:Amazon', 'amazon')).not.toBe(decisionId('name:amazon', 'amazon'));
    expect(establishmentId('Amazon Logistics - DLA3')).toMatch(/^est-amazon-logistics-dla3-[0-9a-f]{8}$/);
  });

  it('keeps every name of an absorbed entity as an alias, once', () => {
    const survivor = { id: 'a', label: 'Organization', redirectsTo: null, name: 'Amazon', aliases: ['Amazon.com'], formerNames: null };
    const absorbed = { id: 'b', label: 'Organization', redirectsTo: null, name: 'AMAZON COM INC', aliases: ['amazon.com', 'AMZN'], formerNames: ['Cadabra'] };
    expect(aliasesAfterMerge(survivor, absorbed)).toEqual({
      aliases: ['Amazon.com', 'AMAZON COM INC', 'AMZN', 'Cadabra'],
      added: ['AMAZON COM INC', 'AMZN', 'Cadabra'],
    });
  });
});
