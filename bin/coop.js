#!/usr/bin/env node
// The `coop` command. Runs the TypeScript sources through tsx, so `npx coop …` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
