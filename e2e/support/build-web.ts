import { buildWeb, webBuildIsStale } from '../../src/cli/web-build.ts';

/** Builds dist/web before the journeys when it is missing or older than its sources, as `coop start` does. */
export default async function setup(): Promise<void> {
  if (webBuildIsStale()) buildWeb({ logLevel: 'warn' });
}
