#!/usr/bin/env node
// Runs the TypeScript sources through tsx (a runtime dependency), so `npx aula` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli-main.ts');
