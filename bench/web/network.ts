/**
 * What a page fetched, counted by the browser itself through the Chrome DevTools Protocol: bytes as they
 * crossed the (emulated) network, i.e. compressed when the server compressed them, headers included; a
 * response served from the browser's cache counts as a request of 0 bytes.
 */
import type { CDPSession } from 'playwright-core';

export type NetworkTotals = { requests: number; fromCache: number; jsBytes: number; jsFiles: number; totalBytes: number; failed: number };

export class NetworkMeter {
  private types = new Map<string, string>();
  private inFlight = new Set<string>();
  private cached = new Set<string>();
  private lastActivity = Date.now();
  totals: NetworkTotals = { requests: 0, fromCache: 0, jsBytes: 0, jsFiles: 0, totalBytes: 0, failed: 0 };

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.request.url.startsWith('data:') || e.request.url.startsWith('blob:')) return;
      // A redirect reuses the request id: count the request once.
      if (!this.inFlight.has(e.requestId)) this.totals.requests += 1;
      this.inFlight.add(e.requestId);
      this.lastActivity = Date.now();
    });
    // From the memory cache (this event) or the disk cache (the response says so): counted once either way.
    cdp.on('Network.requestServedFromCache', (e) => this.cached.add(e.requestId));
    cdp.on('Network.responseReceived', (e) => {
      if (e.response.fromDiskCache || e.response.fromPrefetchCache) this.cached.add(e.requestId);
      const script = e.type === 'Script' || /javascript|ecmascript/.test(e.response.mimeType);
      this.types.set(e.requestId, script ? 'Script' : e.type);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (!this.inFlight.delete(e.requestId)) return;
      this.lastActivity = Date.now();
      if (this.cached.has(e.requestId)) this.totals.fromCache += 1;
      this.totals.totalBytes += e.encodedDataLength;
      if (this.types.get(e.requestId) === 'Script') {
        this.totals.jsBytes += e.encodedDataLength;
        this.totals.jsFiles += 1;
      }
    });
    cdp.on('Network.loadingFailed', (e) => {
      if (!this.inFlight.delete(e.requestId)) return;
      this.lastActivity = Date.now();
      this.totals.failed += 1;
    });
  }

  /** Resolves once nothing has been in flight for `quietMs`, or after `timeoutMs` at most. */
  async settled(quietMs: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.inFlight.size === 0 && Date.now() - this.lastActivity >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
