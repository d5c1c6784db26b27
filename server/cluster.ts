import cluster, { type Worker } from 'node:cluster';

/**
 * Several server processes on one port (PROPDESK_WORKERS): Node's cluster module hands each new
 * connection to the next worker. One Node process uses one core; the others would idle.
 *
 * The primary prepares the database (migrations, company defaults, demo data) before any worker
 * starts, so workers never race on it, then only supervises: a worker that dies is started
 * again; SIGINT/SIGTERM stop every worker and then the primary. Worker 0 alone runs the
 * reminder scheduler. Workers share nothing in memory: a session ended through one worker is
 * forgotten by another within PROPDESK_SESSION_CACHE_SECONDS, as with several servers.
 */
export const WORKER_INDEX_VAR = 'PROPDESK_WORKER_INDEX';

/** This process's worker number (0 also when not clustered). */
export function workerIndex(): number {
  return Number(process.env[WORKER_INDEX_VAR] ?? 0);
}

export function isClusterWorker(): boolean {
  return cluster.isWorker;
}

/** Forks `count` workers; resolves with the port they share once all of them listen. */
export function startWorkers(count: number): Promise<number> {
  let stopping = false;
  const listening = new Set<number>();
  return new Promise((resolvePort, reject) => {
    const fork = (index: number): Worker => {
      const worker = cluster.fork({ [WORKER_INDEX_VAR]: String(index) });
      worker.on('listening', (a) => {
        listening.add(index);
        if (listening.size === count) resolvePort(a.port);
      });
      worker.on('exit', (code, signal) => {
        // a worker ends with 0 only when told to stop (Ctrl-C reaches every process of the group)
        if (stopping || (code === 0 && !signal)) return;
        if (listening.size < count && !listening.has(index)) {
          // died before it ever listened: a start-up error (port taken, bad database), not a crash
          stopping = true;
          for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
          reject(new Error(`worker ${index} exited during start (${signal ?? code})`));
          return;
        }
        console.error(`PropDesk worker ${index} exited (${signal ?? code}); starting it again`);
        fork(index);
      });
      return worker;
    };
    for (let i = 0; i < count; i++) fork(i);

    const stop = () => {
      if (stopping) return;
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      if (alive.length === 0) process.exit(0);
      let left = alive.length;
      for (const w of alive) {
        w.once('exit', () => {
          if (--left === 0) process.exit(0);
        });
        w.process.kill('SIGTERM');
      }
      // a worker that does not finish in time is not waited for
      setTimeout(() => process.exit(0), 10_000).unref();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
