import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';

// A classroom laptop's clock moves: a teacher sets it by hand, Windows or NTP corrects it by minutes or hours once a
// network is there (docs/clock.md). Each test moves the collector's injected wall clock.

const DAY_MS = 24 * 60 * 60_000;

describe('backups, when the clock is set back', () => {
  it('"Back up now" keeps the backup it just wrote, though five named by a clock a day ahead are there', async () => {
    let offset = DAY_MS;
    const collector = await startTestCollector({ now: () => Date.now() + offset });
    for (let i = 0; i < 5; i++) assert.equal((await request(`${collector.url}/admin/api/backups`, { method: 'POST' })).status, 201);

    offset = 0;
    const answer = await request(`${collector.url}/admin/api/backups`, { method: 'POST' });
    assert.equal(answer.status, 201, answer.text);
    const { backup, backups } = answer.json as { backup: { name: string }; backups: Array<{ name: string }> };
    assert.ok(backups.some((file) => file.name === backup.name), `${backup.name} is not among ${backups.map((file) => file.name).join(', ')}`);
    assert.ok(fs.existsSync(path.join(collector.config.dataDir, 'backups', backup.name)));
    assert.equal(backups.length, 5);
    await collector.close();
  });
});
