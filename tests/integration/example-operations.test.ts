import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { PROJECT_ROOT } from '../../src/config';
import { CypherCatalog } from '../../src/graph/cypher-catalog';
import { getSchema } from '../../src/graphql/schema';
import { useTestApi } from '../helpers/graph';

const DIR = path.join(PROJECT_ROOT, 'examples', 'operations');
const operations = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort();
const fixture = useTestApi();

describe('examples/operations', () => {
  it('has the operations the README links', () => {
    expect(operations).toEqual(
      expect.arrayContaining([
        'ownership-chain.graphql',
        'family-layoffs-by-year.graphql',
        'path-between-people.graphql',
        'timeline.graphql',
        'search.graphql',
      ]),
    );
  });

  it.each(operations)('%s is valid against the schema and answers the seed graph as expected', async (file) => {
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    expect(validate(getSchema(), parse(text))).toEqual([]);
    const answer = await fixture.api.execute(text);
    expect(answer.errors).toBeUndefined();
    const expectedFile = path.join(DIR, 'expected', file.replace(/\.graphql$/, '.json'));
    if (process.env.UPDATE_EXAMPLES === '1') fs.writeFileSync(expectedFile, JSON.stringify(answer.data, null, 2) + '\n');
    expect(answer.data).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
  });

  // As neo4j/graphql's tests do: the Cypher each operation runs is pinned, so a change to a query, a
  // fragment or a lookahead shows up in review as a snapshot diff (npx jest -u after a deliberate one).
  it.each(operations)('%s runs the Cypher of its snapshot', async (file) => {
    const answer = await fixture.api.execute(fs.readFileSync(path.join(DIR, file), 'utf8'));
    const cypher = answer.calls.map((call) => ({
      query: call.name,
      bounds: call.bounds,
      parameters: Object.keys(call.params).sort(),
      text: catalog.get(call.name, call.bounds),
    }));
    expect(cypher).toMatchSnapshot();
  });
});

const catalog = CypherCatalog.load();
