import { useTestApi } from '../helpers/graph';

/** Entity resolution's candidates, as an analyst asks for them: which organization does this name mean, and why. */
const fixture = useTestApi();

const CANDIDATES = `query($name: String!, $country: String) {
  resolutionCandidates(name: $name, country: $country, first: 3) { organization { id } score reasons { kind detail weight } }
}`;
const ask = async (name: string, country?: string) => (await fixture.api.data(CANDIDATES, { name, country })).resolutionCandidates;

describe('resolution candidates', () => {
  it('finds Amazon for the legal name it files under, with the name key as the reason', async () => {
    const [top] = await ask('Amazon.com, Inc.');
    expect(top.organization.id).toBe('amazon');
    expect(top.score).toBe(0.9);
    expect(top.reasons[0]).toEqual({ kind: 'NAME_KEY_EQUAL', detail: '"amazon"', weight: 0.9 });
  });

  it('ranks Amazon first for a warehouse as a WARN notice names it, before its divisions: the name begins with its name', async () => {
    const candidates = await ask('Amazon.com Services Inc. - DLA4 facility', 'US');
    expect(candidates[0].organization.id).toBe('amazon');
    expect(candidates[0].reasons[0]).toEqual({ kind: 'NAME_PREFIX', detail: 'begins with "amazon"', weight: 0.64 });
    expect(candidates[1].organization.id).toMatch(/^amazon-/); // Amazon Music, Amazon MGM Studios: one word of two shared
    expect(candidates[0].score).toBeGreaterThan(candidates[1].score);
  });

  it('says nothing matches a name no organization shares a word with', async () => {
    expect(await ask('Zyxwv Quortle Holdings')).toEqual([]);
  });

  it('refuses a name too long, or a country that is not a code, as client errors', async () => {
    for (const variables of [{ name: 'x'.repeat(201) }, { name: 'Amazon', country: 'USA' }]) {
      const answer = await fixture.api.execute(CANDIDATES, variables);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
