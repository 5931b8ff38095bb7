import fs from 'node:fs';

export const LAUNCHER_CLASS = 'dev.corpgraph.neo4j.Launcher';

export interface RecordedProcess {
  pid: number;
  /** False when the pid file names a dead process or one that is not our launcher (pid reused). */
  alive: boolean;
  /** True when the corpgraph process that started it (recorded in owner.pid) is gone: nobody owns it any more. */
  orphaned: boolean;
}

/** Reads the launcher's pid file and tells whether that process is still our launcher for this home. */
export function inspectPidFile(pidFile: string, ownerFile: string, home: string): RecordedProcess | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(pidFile, 'utf8').trim();
  } catch {
    return undefined;
  }
  const pid = Number(raw);
  if (!Number.isInteger(pid) || pid <= 1) return { pid: 0, alive: false, orphaned: false };
  let cmdline: string;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return { pid, alive: false, orphaned: false };
  }
  // A recycled pid belongs to some other program: only our launcher for this very home counts.
  if (!cmdline.includes(LAUNCHER_CLASS) || !cmdline.includes(home)) return { pid, alive: false, orphaned: false };
  let ownerPid = 0;
  try {
    ownerPid = Number(fs.readFileSync(ownerFile, 'utf8').trim());
  } catch {
    // No owner recorded: treat as orphaned.
  }
  const ownerAlive = Number.isInteger(ownerPid) && ownerPid > 1 && ownerPid !== process.pid && isAlive(ownerPid);
  return { pid, alive: true, orphaned: !ownerAlive };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after the grace period; resolves once the process is gone. */
export async function terminate(pid: number, graceMs: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
}
