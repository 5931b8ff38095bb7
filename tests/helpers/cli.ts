import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

/** The built `corpgraph` command (npm test builds before the integration tests run). */
export const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the command with `args` (logging at warn, `env` over this process's); `done` resolves when it exits. */
export function startCli(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<CliResult>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

/** Runs the command to its end. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return startCli(args, env).done;
}

/**
 * Runs the command with a reader of its stdout slower than the command writes (it takes a chunk, then
 * waits `pauseMs` before the next), as `corpgraph ... | slow-consumer` has; resolves once stdout is closed.
 */
export function runCliReadSlowly(args: string[], env: Record<string, string> = {}, pauseMs = 25): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => {
    chunks.push(c);
    child.stdout!.pause();
    setTimeout(() => child.stdout!.resume(), pauseMs);
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  // 'close' comes once the process has exited and its output has been read to the end.
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout: Buffer.concat(chunks).toString('utf8'), stderr })));
}
