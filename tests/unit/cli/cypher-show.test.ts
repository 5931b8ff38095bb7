import { showQuery } from '../../../src/cli/cypher-command';
import { CypherCatalog } from '../../../src/graph/cypher-catalog';

/** `corpgraph cypher --show`: a named query as Neo4j runs it, for pasting into Neo4j Browser. */
describe('cypher --show', () => {
  const catalog = CypherCatalog.load();

  it('prints the rendered text, what shaped it and its parameters, with fragments expanded and sections chosen', () => {
    const shown = showQuery(catalog, 'traversal/ancestors', ['certain=true'], ['maxDepth=3']);
    expect(shown).toMatch(/^\/\/ traversal\/ancestors \(certain=true, withLinkDetails=false, maxDepth=3\)\n\/\/ parameters: \$asOf, \$keys, /);
    expect(shown).toContain('{1,3}');
    expect(shown).not.toMatch(/\{\{/);
    expect(shown).toBe(
      `${shown.split('\n').slice(0, 2).join('\n')}\n${catalog.get('traversal/ancestors', { certain: true, withLinkDetails: false, maxDepth: 3 }).trim()}\n`,
    );
  });

  it('says what is missing or unknown', () => {
    expect(() => showQuery(catalog, 'traversal/ancestors', [], [])).toThrow(/needs --bound maxDepth=N/);
    expect(() => showQuery(catalog, 'traversal/ancestors', ['nope=true'], ['maxDepth=3'])).toThrow(/has no switch "nope"/);
    expect(() => showQuery(catalog, 'traversal/ancestors', ['certain=maybe'], ['maxDepth=3'])).toThrow(/--switch takes name=value/);
    expect(() => showQuery(catalog, 'no/such-query', [], [])).toThrow(/no query named "no\/such-query"/);
  });
});
