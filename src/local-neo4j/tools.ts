import { spawnSync } from 'node:child_process';
import { StartupError } from '../errors/errors';

const MIN_JAVA = 17;

/** Fails with an instruction when Java or Maven, which the local Neo4j needs, is missing or too old. */
export function checkJavaAndMaven(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new StartupError(
      `Java ${MIN_JAVA}+ is needed to run the local Neo4j and was not found on PATH. ` +
        'Install it (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(java.stderr + java.stdout);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (major < MIN_JAVA) {
    throw new StartupError(`Java ${MIN_JAVA}+ is needed to run the local Neo4j; found Java ${major || 'of unknown version'}.`);
  }
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new StartupError(
      'Maven is needed to fetch Neo4j from Maven Central and was not found on PATH. ' +
        'Install it (Debian/Ubuntu: apt-get install maven), or set NEO4J_URI to use an existing Neo4j.',
    );
  }
}
