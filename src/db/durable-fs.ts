import { closeSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type Seen = Map<string, number>;

function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsyncs the files of a directory whose size or mtime changed since last time; the directory too if any is new. */
function fsyncChanged(dir: string, seen: Seen): number {
  let synced = 0;
  let added = false;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const stamp = stat.mtimeMs * 1e6 + stat.size;
    const before = seen.get(file);
    if (before === stamp) continue;
    if (before === undefined) added = true;
    fsyncPath(file);
    seen.set(file, stamp);
    synced++;
  }
  if (added) fsyncPath(dir);
  return synced;
}

function walkDirs(dir: string, into: string[] = []): string[] {
  into.push(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) walkDirs(path.join(dir, entry.name), into);
  return into;
}

/**
 * PGlite never calls fsync (its issue #1107): a commit survives kill -9 but not a power cut. PGlite calls
 * `syncToFs()` after every protocol exchange; outside a transaction block that exchange has committed, so
 * this file system fsyncs the WAL segments written since, before the result goes back to the caller. When a
 * checkpoint has run (pg_control changed), every data file written since is fsynced too.
 */
export class DurableNodeFS extends NodeFS {
  #pg: PGlite | undefined;
  #wal: Seen = new Map();
  #data: Seen = new Map();
  #controlStamp = 0;
  /** Counts, for tests and the strace demonstration. */
  readonly stats = { walSyncs: 0, checkpointSyncs: 0 };

  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    this.#pg = pg;
    return super.init(pg, opts);
  }

  override async syncToFs(): Promise<void> {
    if (!this.#pg || this.#pg.isInTransaction()) return;
    const root = this.rootDir;
    if (fsyncChanged(path.join(root, 'pg_wal'), this.#wal) > 0) this.stats.walSyncs++;
    const control = statSync(path.join(root, 'global/pg_control'), { throwIfNoEntry: false });
    const stamp = control ? control.mtimeMs : 0;
    if (stamp !== this.#controlStamp) {
      for (const dir of walkDirs(root)) if (!dir.endsWith('pg_wal')) fsyncChanged(dir, this.#data);
      this.#controlStamp = stamp;
      this.stats.checkpointSyncs++;
    }
  }

  override async closeFs(): Promise<void> {
    await this.syncToFs();
    return super.closeFs();
  }
}
