import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * A running server's mark on its SQLite file (`<file>.server`, holding its process id), so `restore`
 * can refuse to replace a database under a live server — copying a file over an open SQLite database
 * corrupts it. A mark left by a killed server is recognised as stale (no such process) and ignored.
 */
const markOf = (file: string) => `${file}.server`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to another user
  }
}

/** Marks the file as served by this process until it exits. */
export function holdServerLock(file: string): void {
  if (file === ':memory:') return;
  const mark = markOf(file);
  writeFileSync(mark, String(process.pid));
  process.once('exit', () => {
    if (readServerLock(file) === process.pid) rmSync(mark, { force: true });
  });
}

function readServerLock(file: string): number | null {
  try {
    const pid = Number(readFileSync(markOf(file), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The process id of a live server using the file, or null. */
export function serverUsing(file: string): number | null {
  const pid = readServerLock(file);
  return pid !== null && pid !== process.pid && alive(pid) ? pid : null;
}
