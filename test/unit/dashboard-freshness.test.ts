import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { dashboardBuildNeeded } from '../../scripts/dashboard-freshness.mjs';
import { tempDir } from '../support/temp-dir.js';

const at = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);

test('npm start builds the dashboard when it is missing, and again when a source is newer than the build', () => {
  const renderer = tempDir();
  fs.mkdirSync(path.join(renderer, 'src', 'screens'), { recursive: true });
  const source = path.join(renderer, 'src', 'screens', 'live.tsx');
  fs.writeFileSync(source, 'export {};');
  fs.writeFileSync(path.join(renderer, 'index.html'), '<html></html>');
  at(source, 1_000);
  at(path.join(renderer, 'index.html'), 1_000);
  assert.equal(dashboardBuildNeeded(renderer), 'missing');

  fs.mkdirSync(path.join(renderer, 'dist'));
  const built = path.join(renderer, 'dist', 'index.html');
  fs.writeFileSync(built, '<html></html>');
  at(built, 2_000);
  assert.equal(dashboardBuildNeeded(renderer), null, 'built after its sources');

  at(source, 3_000);
  assert.equal(dashboardBuildNeeded(renderer), 'stale', 'a screen edited (or pulled) after the build');
});
