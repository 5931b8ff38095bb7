import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { PROJECT_ROOT } from '../../src/config';
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
});
