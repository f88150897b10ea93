import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whose statement goes first on the embedded engine (decision 006): PGlite runs one statement at a time, so a
 * registry search sent while a dashboard counts waits for the statement running. A report's statements are
 * marked as background work: before each of them, every interactive statement that is waiting goes first, so the
 * search waits for at most one report statement, not for one per statement of its own (session, page, count).
 * A report waits at most MAX_WAIT_MS for its turn, so a stream of searches cannot starve it.
 */
const background = new AsyncLocalStorage<true>();
const MAX_WAIT_MS = 250;
let interactiveWaiting = 0;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Runs work whose statements yield to interactive ones (a report's count). */
export function asBackgroundWork<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/**
 * Runs one statement after a turn of the event loop (so that requests that arrived meanwhile are read and queue
 * theirs); a background statement also lets the waiting interactive statements go first.
 */
export async function takeTurn<T>(statement: () => Promise<T>): Promise<T> {
  if (background.getStore()) {
    const started = Date.now();
    do await nextTurn();
    while (interactiveWaiting > 0 && Date.now() - started < MAX_WAIT_MS);
    return statement();
  }
  interactiveWaiting++;
  try {
    await nextTurn();
    return await statement();
  } finally {
    interactiveWaiting--;
  }
}
