import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config';
import { ConfigError } from '../../src/errors/errors';

describe('loadConfig', () => {
  it('starts the embedded Neo4j by default, with documented defaults', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.neo4j.local.boltPort).toBe(7687);
    expect(config.neo4j.local.home).toBe(path.join(PROJECT_ROOT, 'var/neo4j/dev'));
    expect(config.neo4j.database).toBe('neo4j');
    expect(Object.isFrozen(config.neo4j.local)).toBe(true);
  });

  it('uses an external server when NEO4J_URI is set, for bolt:// and routing neo4j:// URIs', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://cluster:7687', 'neo4j+s://x.databases.neo4j.io']) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'pw' }).neo4j.uri).toBe(uri);
    }
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' }, /NEO4J_URI must use one of/],
    [{ NEO4J_URI: 'not a uri', NEO4J_PASSWORD: 'x' }, /NEO4J_URI must be a URI/],
    [{ NEO4J_URI: 'bolt://db:7687' }, /NEO4J_PASSWORD must be set/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be one of/],
    [{ SEED_ON_EMPTY: 'maybe' }, /SEED_ON_EMPTY must be true or false/],
    [{ LOCAL_NEO4J_HEAP_MB: '10' }, /LOCAL_NEO4J_HEAP_MB must be between/],
  ])('stops on %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => loadConfig(env as Record<string, string>)).toThrow(message);
  });
});
