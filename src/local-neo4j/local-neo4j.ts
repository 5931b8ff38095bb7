import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { LocalNeo4jConfig, PROJECT_ROOT } from '../config';
import { StartupError } from '../errors/errors';
import type { Logger } from '../logger';
import { isPortFree } from './ports';
import { LAUNCHER_CLASS, inspectPidFile, terminate } from './stale-process';
import { checkJavaAndMaven } from './tools';

const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'embedded-neo4j');
const CLASSES_DIR = path.join(LAUNCHER_DIR, 'target', 'classes');
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const JAVA_DIR = path.join(LAUNCHER_DIR, 'src/main/java/dev/corpgraph/neo4j');
const LAUNCHER_SOURCES = [path.join(LAUNCHER_DIR, 'pom.xml'), ...['Launcher.java', 'ListSettings.java'].map((f) => path.join(JAVA_DIR, f))];
const READY_PREFIX = 'CORPGRAPH_NEO4J_READY';
const START_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 30_000;

export interface LocalNeo4jConnection {
  uri: string;
  user: string;
  password: string;
}

export interface LocalNeo4jOptions extends LocalNeo4jConfig {
  /** Server-side transaction timeout, a backstop behind the driver's per-transaction timeout. */
  txTimeoutMs: number;
  /** The variable a user changes to move the Bolt port, named in the port-in-use message. */
  portVariable?: string;
}

/**
 * A Neo4j Community server of the project's own: the libraries come from Maven Central (cached in
 * ~/.m2 after the first start), embedded-neo4j/ adds a launcher that opens Bolt on 127.0.0.1.
 * Data, password and pid live in a git-ignored home folder, one per instance (service, tests).
 */
export class LocalNeo4j {
  private child?: ChildProcess;
  private exited?: Promise<void>;

  constructor(
    private readonly options: LocalNeo4jOptions,
    private readonly logger: Logger,
  ) {}

  get home(): string {
    return this.options.home;
  }

  get passwordFile(): string {
    return path.join(this.options.home, 'password');
  }

  /** True while this object's own database process runs. */
  get started(): boolean {
    return Boolean(this.child && this.child.exitCode === null);
  }

  /**
   * The connection to a local Neo4j for this home that another corpgraph process already runs (the
   * service, while a CLI command imports), or undefined when none runs.
   */
  running(): LocalNeo4jConnection | undefined {
    const recorded = inspectPidFile(path.join(this.options.home, 'neo4j.pid'), path.join(this.options.home, 'owner.pid'), this.options.home);
    if (!recorded?.alive || recorded.orphaned || !fs.existsSync(this.passwordFile)) return undefined;
    return { uri: `bolt://127.0.0.1:${this.options.boltPort}`, user: 'neo4j', password: fs.readFileSync(this.passwordFile, 'utf8').trim() };
  }

  async start(): Promise<LocalNeo4jConnection> {
    const { home, boltPort } = this.options;
    fs.mkdirSync(home, { recursive: true });
    checkJavaAndMaven();
    buildLauncher(this.logger);
    const password = this.ensurePassword();
    await this.replaceStaleInstance();
    if (!(await isPortFree(boltPort))) {
      throw new StartupError(
        `Port ${boltPort} (the local Neo4j's Bolt port) is already in use by another program. ` +
          `Set ${this.options.portVariable ?? 'LOCAL_NEO4J_BOLT_PORT'} to a free port, or stop what holds it.`,
      );
    }
    await this.launch();
    return { uri: `bolt://127.0.0.1:${boltPort}`, user: 'neo4j', password };
  }

  /**
   * Replaces the database with what Neo4j's offline bulk importer (neo4j-admin database import full)
   * builds from CSV files: the first load of an empty database. The database must not be running:
   * the importer writes the store files itself. `args` are the importer's own (--nodes, ...).
   */
  async bulkImport(args: string[]): Promise<{ seconds: number; output: string }> {
    if (this.child || this.running()) throw new StartupError(`The local Neo4j for ${this.options.home} is running: stop it before a bulk import.`);
    checkJavaAndMaven();
    buildLauncher(this.logger);
    const conf = path.join(this.options.home, 'conf');
    fs.mkdirSync(conf, { recursive: true });
    const started = Date.now();
    // env(1) adds the importer's home and conf to the inherited environment.
    const result = spawnSync(
      'env',
      [
        `NEO4J_HOME=${this.options.home}`,
        `NEO4J_CONF=${conf}`,
        'java',
        `-Xmx${this.options.heapMb}m`,
        '-cp',
        launcherClasspath(),
        'org.neo4j.cli.AdminTool',
        'database',
        'import',
        'full',
        '--overwrite-destination=true',
        ...args,
        '--',
        'neo4j',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    if (result.status !== 0) throw new StartupError(`neo4j-admin database import failed:\n${output.trim().split('\n').slice(-20).join('\n')}`);
    return { seconds: (Date.now() - started) / 1000, output };
  }

  /** Stops the database cleanly (its shutdown hook flushes the store); kills it only after a grace period. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || !child.pid) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
    this.child = undefined;
  }

  private ensurePassword(): string {
    const file = this.passwordFile;
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, crypto.randomBytes(24).toString('base64url') + '\n', { mode: 0o600 });
    }
    return fs.readFileSync(file, 'utf8').trim();
  }

  /** A launcher left behind by a crashed or killed corpgraph is stopped; one owned by a live corpgraph is an error. */
  private async replaceStaleInstance(): Promise<void> {
    const pidFile = path.join(this.options.home, 'neo4j.pid');
    const ownerFile = path.join(this.options.home, 'owner.pid');
    const recorded = inspectPidFile(pidFile, ownerFile, this.options.home);
    if (!recorded || !recorded.alive) return;
    if (!recorded.orphaned) {
      throw new StartupError(
        `A local Neo4j for ${this.options.home} is already running (pid ${recorded.pid}) for another corpgraph process. ` +
          'Stop that process, or give this one its own LOCAL_NEO4J_HOME and LOCAL_NEO4J_BOLT_PORT.',
      );
    }
    this.logger.warn({ event: 'local_neo4j_stale', pid: recorded.pid }, 'Stopping a local Neo4j left behind by an earlier run');
    await terminate(recorded.pid, STOP_GRACE_MS);
  }

  private launch(): Promise<void> {
    const { home, boltPort, heapMb, pageCacheMb, txTimeoutMs } = this.options;
    const classpath = launcherClasspath();
    const args = [
      `-Xms${heapMb}m`,
      `-Xmx${heapMb}m`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      classpath,
      LAUNCHER_CLASS,
      home,
      String(boltPort),
      this.passwordFile,
      String(pageCacheMb),
      String(Math.max(1, Math.ceil(txTimeoutMs / 1000))),
    ];
    this.logger.info({ event: 'local_neo4j_start', home, boltPort, heapMb, pageCacheMb }, 'Starting the local Neo4j');
    // stdin stays an open pipe: when this process dies, the pipe closes and the launcher shuts down.
    const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    fs.writeFileSync(path.join(home, 'owner.pid'), String(process.pid));
    const logStream = fs.createWriteStream(path.join(home, 'launcher.log'), { flags: 'a' });
    const stderrTail: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => {
      logStream.write(chunk);
      stderrTail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.exited.then(() => logStream.end());

    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new StartupError(`The local Neo4j did not start within ${START_TIMEOUT_MS / 1000} s; see ${home}/launcher.log`));
      }, START_TIMEOUT_MS);
      const lines = readline.createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        logStream.write(line + '\n');
        if (line.startsWith(READY_PREFIX)) {
          clearTimeout(timer);
          this.logger.info({ event: 'local_neo4j_ready', boltPort }, 'Local Neo4j is ready');
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new StartupError(
            `The local Neo4j exited during start-up (code ${code ?? signal}). Last output:\n${stderrTail.join('\n')}\nSee ${home}/launcher.log and ${home}/logs/debug.log`,
          ),
        );
      });
    });
  }
}

/** Fetches Neo4j from Maven Central and compiles embedded-neo4j/, unless the build is newer than its sources. */
export function buildLauncher(logger: Logger): void {
  const built = fs.existsSync(CLASSPATH_FILE) && fs.existsSync(path.join(CLASSES_DIR, 'dev/corpgraph/neo4j/Launcher.class'));
  if (built) {
    const builtAt = fs.statSync(CLASSPATH_FILE).mtimeMs;
    if (LAUNCHER_SOURCES.every((source) => fs.statSync(source).mtimeMs <= builtAt)) return;
  }
  logger.info({ event: 'local_neo4j_build' }, 'Fetching Neo4j from Maven Central and building the launcher (first start only)');
  const result = spawnSync(
    'mvn',
    ['-q', '-B', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'package', 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new StartupError(`Building the local Neo4j launcher with Maven failed:\n${output}`);
  }
}

function launcherClasspath(): string {
  return `${CLASSES_DIR}${path.delimiter}${fs.readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
}

/** Every setting name this Neo4j version declares (what a neo4j.conf line may name), from its own jars. */
export function declaredNeo4jSettings(logger: Logger): string[] {
  buildLauncher(logger);
  const result = spawnSync('java', ['-cp', launcherClasspath(), 'dev.corpgraph.neo4j.ListSettings'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`Listing Neo4j's settings failed: ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean);
}
