import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { execSync } from 'node:child_process';
import { CONFIG_VARIABLES, configDocs, PROJECT_ROOT } from '../../src/config';
import { extractionDocWithPatterns, importFormatWithRecordTypes, readmeWithConfigTable, resolutionDocWithRules } from '../../src/docs-from-code';
import { NEO4J_SERIES, NEO4J_VERSION } from '../../src/local-neo4j/versions';

const read = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const variableNames = CONFIG_VARIABLES.map((v) => v.name);

describe('docker-compose.yml (for users with Docker; it cannot run here)', () => {
  const compose = YAML.parse(read('docker-compose.yml'));
  const { neo4j, api } = compose.services;

  it('runs the Neo4j series the code is built and tested on, with a healthcheck and a volume', () => {
    expect(neo4j.image).toBe(`neo4j:${NEO4J_SERIES}`);
    expect(NEO4J_VERSION.startsWith(`${NEO4J_SERIES}.`)).toBe(true);
    expect(neo4j.healthcheck.test.join(' ')).toContain('cypher-shell');
    expect(neo4j.volumes[0]).toMatch(/^neo4j-data:\/data$/);
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
  });

  it('gives the API only variables the code reads, pointing at the neo4j service Bolt port', () => {
    for (const name of Object.keys(api.environment)) expect(variableNames).toContain(name);
    expect(api.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(neo4j.ports).toContain('127.0.0.1:7687:7687');
    expect(api.environment.PORT).toBe(CONFIG_VARIABLES.find((v) => v.name === 'PORT')!.default);
    expect(api.ports).toContain(`127.0.0.1:${api.environment.PORT}:${api.environment.PORT}`);
  });

  it('starts the API only once Neo4j is healthy, built from the repository Dockerfile', () => {
    expect(api.depends_on.neo4j.condition).toBe('service_healthy');
    expect(api.build).toBe('.');
    expect(read('Dockerfile')).toMatch(/CMD \["node", "dist\/src\/main.js"\]/);
  });

  it('never ships a default password', () => {
    expect(neo4j.environment.NEO4J_AUTH).toBe('neo4j/${NEO4J_PASSWORD:?set NEO4J_PASSWORD}');
  });
});

describe('configuration documentation', () => {
  it('has .env.example and the README table exactly as the variable table in src/config.ts makes them (npm run docs)', () => {
    expect(read('.env.example')).toBe(configDocs.envExample());
    expect(read('README.md')).toBe(readmeWithConfigTable(read('README.md')));
  });

  it('has the record types of docs/import-format.md exactly as src/ingest/record-types.ts describes them (npm run docs)', () => {
    expect(read('docs/import-format.md')).toBe(importFormatWithRecordTypes(read('docs/import-format.md')));
  });

  it('has the patterns of docs/extraction.md exactly as src/extraction/patterns.ts states them (npm run docs)', () => {
    expect(read('docs/extraction.md')).toBe(extractionDocWithPatterns(read('docs/extraction.md')));
  });

  it('has the rules of docs/entity-resolution.md exactly as src/resolution/rules.ts states them (npm run docs)', () => {
    expect(read('docs/entity-resolution.md')).toBe(resolutionDocWithRules(read('docs/entity-resolution.md')));
  });

  it('reads the environment only through that table', () => {
    const readers = execSync("grep -rln 'process\\.env' src", { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim().split('\n');
    expect(readers).toEqual(['src/config.ts']);
  });

  it('pins the embedded Neo4j to the same version as the code', () => {
    expect(read('embedded-neo4j/pom.xml')).toContain(`<neo4j.version>${NEO4J_VERSION}</neo4j.version>`);
  });
});
