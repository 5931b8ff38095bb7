import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../../src/config';
import { declaredNeo4jSettings } from '../../src/local-neo4j/local-neo4j';
import { createLogger } from '../../src/logger';

/**
 * The official neo4j image turns every NEO4J_* variable into a neo4j.conf line (NEO4J_server_memory_heap_max__size
 * becomes server.memory.heap.max_size), and Neo4j refuses to start on a setting it does not know. So each variable
 * docker-compose.yml gives the neo4j service must name a setting this Neo4j version declares (asked of its own
 * jars), or be one the image's entrypoint reads itself. Docker cannot run here; this is what catches the mistake.
 */
const IMAGE_OWN_VARIABLES = new Set([
  'NEO4J_AUTH',
  'NEO4J_PLUGINS',
  'NEO4J_ACCEPT_LICENSE_AGREEMENT',
  'NEO4J_DEBUG',
  'NEO4J_EDITION',
  'NEO4J_HOME',
  'NEO4J_SHA256',
  'NEO4J_TARBALL',
]);

/** The image's rule: drop NEO4J_, then "__" stands for "_" and "_" for ".". */
function settingOf(variable: string): string {
  return variable
    .replace(/^NEO4J_/, '')
    .split('__')
    .map((part) => part.replace(/_/g, '.'))
    .join('_');
}

describe('docker-compose.yml against the settings Neo4j declares', () => {
  const compose = YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8'));
  const settings = new Set(declaredNeo4jSettings(createLogger('silent')));

  it('knows the settings of this Neo4j (a sanity check of the list)', () => {
    expect(settings.size).toBeGreaterThan(100);
    expect(settings.has('server.memory.heap.max_size')).toBe(true);
    expect(settingOf('NEO4J_server_memory_heap_max__size')).toBe('server.memory.heap.max_size');
    expect(settings.has(settingOf('NEO4J_PASSWORD'))).toBe(false);
  });

  it('gives the neo4j service only variables that name a declared setting or that the image reads itself', () => {
    const unknown = Object.keys(compose.services.neo4j.environment ?? {}).filter(
      (name) => name.startsWith('NEO4J_') && !IMAGE_OWN_VARIABLES.has(name) && !settings.has(settingOf(name)),
    );
    expect(unknown).toEqual([]);
  });

  it('checks the health of neo4j with the password the image itself was given (NEO4J_AUTH)', () => {
    const test = compose.services.neo4j.healthcheck.test.join(' ');
    expect(test).toContain('NEO4J_AUTH');
  });
});
