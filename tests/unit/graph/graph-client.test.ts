import { Driver, Neo4jError } from 'neo4j-driver';
import { CypherCatalog } from '../../../src/graph/cypher-catalog';
import { GraphClient, QueryCounter } from '../../../src/graph/graph-client';

/**
 * GraphClient's own logic, without a database: how the reads of one tick are sent (one alone as an
 * auto-commit query, several in one transaction) and when a lone read is tried again. The driver
 * here only records what it is asked; what Neo4j does with the queries is the integration tests' job.
 */
class RecordingDriver {
  readonly sent: Array<{ via: 'auto-commit' | 'transaction'; text: string; params: Record<string, unknown> }> = [];
  transactions = 0;
  /** Errors the next auto-commit runs throw, in order. */
  failures: Error[] = [];

  session() {
    const rows = (text: string) => ({ records: [{ toObject: () => ({ text }) }] });
    return {
      run: async (text: string, params: Record<string, unknown>) => {
        this.sent.push({ via: 'auto-commit', text, params });
        const failure = this.failures.shift();
        if (failure) throw failure;
        return rows(text);
      },
      executeRead: async <T>(work: (tx: { run: (text: string, params: Record<string, unknown>) => Promise<unknown> }) => Promise<T>) => {
        this.transactions += 1;
        return work({
          run: async (text, params) => {
            this.sent.push({ via: 'transaction', text, params });
            return rows(text);
          },
        });
      },
      close: async () => undefined,
    };
  }
}

const catalog = CypherCatalog.load();
const transient = () => new Neo4jError('leader switch', 'Neo.TransientError.Cluster.NotALeader', '50N42', 'error: leader switch');

function client(driver: RecordingDriver, counter = new QueryCounter()) {
  return new GraphClient(driver as unknown as Driver, 'neo4j', catalog, 1000).forRequest(counter);
}

describe('GraphClient', () => {
  it('sends a lone read of a tick as one auto-commit query, with its parameters', async () => {
    const driver = new RecordingDriver();
    const counter = new QueryCounter();
    const rows = await client(driver, counter).read('node/by-ids', { keys: ['amazon'] });
    expect(rows).toEqual([{ text: catalog.get('node/by-ids') }]);
    expect(driver.sent.map((s) => s.via)).toEqual(['auto-commit']);
    expect(driver.transactions).toBe(0);
    expect(counter.calls).toEqual([{ name: 'node/by-ids', params: { keys: ['amazon'] }, bounds: {} }]);
  });

  it('sends the reads of one tick together, in one read transaction, each answered with its own rows', async () => {
    const driver = new RecordingDriver();
    const graph = client(driver);
    const [a, b, c] = await Promise.all([
      graph.read('node/by-ids', { keys: ['a'] }),
      graph.read('organization/roles', { keys: ['a'], roleTypes: null, asOf: null, certain: true }),
      graph.read('traversal/ancestors', { keys: ['a'] }, { maxDepth: 3, certain: true, withLinkDetails: false }),
    ]);
    expect(driver.transactions).toBe(1);
    expect(driver.sent.map((s) => s.via)).toEqual(['transaction', 'transaction', 'transaction']);
    expect([a[0].text, b[0].text, c[0].text]).toEqual([
      catalog.get('node/by-ids'),
      catalog.get('organization/roles'),
      catalog.get('traversal/ancestors', { maxDepth: 3, certain: true, withLinkDetails: false }),
    ]);
  });

  it('tries a lone read again on a transient error, and gives up after three attempts', async () => {
    const driver = new RecordingDriver();
    driver.failures = [transient()];
    await expect(client(driver).read('node/by-ids', { keys: ['a'] })).resolves.toHaveLength(1);
    expect(driver.sent).toHaveLength(2);

    const stubborn = new RecordingDriver();
    stubborn.failures = [transient(), transient(), transient(), transient()];
    await expect(client(stubborn).read('node/by-ids', { keys: ['a'] })).rejects.toThrow('leader switch');
    expect(stubborn.sent).toHaveLength(3);
  });

  it('does not try a client error again', async () => {
    const driver = new RecordingDriver();
    driver.failures = [new Neo4jError('bad syntax', 'Neo.ClientError.Statement.SyntaxError', '42001', 'error: syntax error')];
    await expect(client(driver).read('node/by-ids', { keys: ['a'] })).rejects.toThrow('bad syntax');
    expect(driver.sent).toHaveLength(1);
  });

  it('sends whole numbers as Neo4j integers, and refuses an unknown query name', async () => {
    const driver = new RecordingDriver();
    await client(driver).read('node/by-ids', { keys: ['a'], limit: 5 });
    expect(String(driver.sent[0].params.limit)).toBe('5');
    expect((driver.sent[0].params.limit as { low?: number }).low).toBe(5);
    await expect(client(driver).read('no/such-query')).rejects.toThrow(/No Cypher query named "no\/such-query"/);
  });
});
