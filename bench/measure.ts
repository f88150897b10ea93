import autocannon from 'autocannon';

export type Result = { name: string; value: number; unit: string; baseline?: number; ratio?: number; note?: string };

export const round = (x: number) => Math.round(x * 100) / 100;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Times `work` `times` times; returns each duration in ms. */
export async function timeEach(times: number, work: (i: number) => Promise<unknown>, before?: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    if (before) await before(); // not timed
    const t = performance.now();
    await work(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** Requests per second that autocannon sustains on one URL. */
export async function throughput(url: string, { connections, seconds, headers }: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<{ rps: number; errors: number; p99: number }> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return { rps: round(result.requests.average), errors: result.errors + result.non2xx, p99: result.latency.p99 };
}

/** Samples the process's resident memory while `work` runs; returns the peak in MiB. */
export async function peakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await work();
    return { result, peakMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

export const ratio = (value: number, baseline: number) => (baseline > 0 ? round(value / baseline) : undefined);
