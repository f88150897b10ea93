import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export type DataDirLock = { release(): void };

type Holder = { pid: number; holder: string; since: string };

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly current: Holder,
  ) {
    super(
      `Cơ sở dữ liệu ${dataDir} đang được mở bởi tiến trình ${current.pid} (${current.holder}, từ ${current.since}). ` +
        'Chỉ một tiến trình được mở cơ sở dữ liệu nhúng: hãy dừng tiến trình đó, hoặc dùng máy chủ PostgreSQL (DATABASE_URL).',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite takes no lock of its own: two processes on one data directory both "commit" and one is silently
 * lost. This lock file (created with O_EXCL) lets exactly one process in; a lock left by a dead process is
 * taken over.
 */
export function acquireDataDirLock(dataDir: string, holder: string): DataDirLock {
  const file = path.join(dataDir, 'coop.lock');
  const mine: Holder = { pid: process.pid, holder, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(readFileSync(file, 'utf8')) as Holder;
          if (current.pid === process.pid) rmSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let current: Holder | undefined;
      try {
        current = JSON.parse(readFileSync(file, 'utf8')) as Holder;
      } catch {
        current = undefined; // half-written by a process that died while writing it
      }
      if (current && current.pid !== process.pid && isAlive(current.pid)) {
        throw new DataDirBusyError(dataDir, current);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Không lấy được khóa của ${dataDir}`);
}
