import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostics } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { PREFIXES } from '../support/rage.js';

// A game's tracking code typed with a stray `%`: the trackers put it into the path as typed (fetch keeps it too).
const TYPO = 'k7m2%qx9';

let collector: Collector;

before(async () => {
  collector = await startTestCollector();
  makeActivity(collector.context.db, { name: 'A1' });
});
after(() => collector.close());

describe('a tracking code that is no percent-encoding (C-2.2, C-5.4, C-8.1)', () => {
  for (const prefix of PREFIXES) {
    it(`is an unknown code on ${prefix}: 404 Tracking code not available!, with CORS`, async () => {
      for (const path of [`${prefix}/start/${TYPO}`, `${prefix}/start/${TYPO}/`]) {
        const answer = await request(`${collector.url}${path}`, { method: 'POST' });
        assert.equal(answer.status, 404, path);
        assert.equal(answer.text, '{"message":"Tracking code not available!"}');
        assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
        assert.equal(answer.headers.get('access-control-allow-origin'), '*');
      }
    });
  }

  it('still answers a body error first, as every start does', async () => {
    const answer = await request(`${collector.url}/api/collector/start/${TYPO}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"anonymous":',
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.text, '{"message":"Request body is not valid JSON"}');
  });

  it("shows the code tried in the teacher's diagnostics, like any mistyped code", async () => {
    await collector.context.ingest.idle();
    const answer = await request(`${collector.url}/admin/api/diagnostics`);
    const unknown = (answer.json as Diagnostics).groups.find((group) => group.kind === 'unknown-code');
    assert.ok(unknown?.items.some((item) => item.detail === TYPO));
  });

  it('leaves other undecodable paths to the usual 404', async () => {
    const answer = await request(`${collector.url}/api/collector/track/%zz`, { method: 'POST' });
    assert.equal(answer.status, 404);
    assert.equal(answer.text, '{"message":"Not found"}');
  });
});
