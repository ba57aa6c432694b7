import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ActivityView, XapiCredentialsView } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { startTestCollector } from '../support/collector.js';
import { openStream } from '../support/event-stream.js';
import { postJson, request, type TextResponse } from '../support/http.js';
import { requestFrom } from './teacher-support.js';
import { postAsXapiGame } from './xapi-support.js';

type Active = Extract<XapiCredentialsView, { status: 'active' }>;

describe('an activity\'s xAPI key and secret from the dashboard API', () => {
  let collector: Collector;
  before(async () => {
    collector = await startTestCollector();
  });
  after(() => collector?.close());

  const api = (path: string) => `${collector.url}/admin/api${path}`;

  async function createActivity(name: string): Promise<ActivityView> {
    const created = await postJson(api('/activities'), { name });
    assert.equal(created.status, 201, created.text);
    return (created.json as { activity: ActivityView }).activity;
  }

  async function credentials(activityId: string): Promise<XapiCredentialsView> {
    const answer = await request(api(`/activities/${activityId}/xapi`));
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as { xapi: XapiCredentialsView }).xapi;
  }

  const active = (view: XapiCredentialsView): Active => {
    assert.equal(view.status, 'active', JSON.stringify(view));
    return view as Active;
  };

  /** What an xAPI game does with the credentials the teacher copied: one statement to /xapi/statements. */
  const post = (key: string, secret: string): Promise<TextResponse> => postAsXapiGame(`${collector.url}/xapi/`, key, secret);

  const statementsOf = async (activityId: string): Promise<number> =>
    ((await request(api('/activities'))).json as { activities: ActivityView[] }).activities.find((a) => a.id === activityId)?.statements ?? -1;

  test('read: the key and secret a new activity got work on /xapi/statements', async () => {
    const activity = await createActivity('xAPI read');
    const read = active(await credentials(activity.id));
    assert.match(read.key, /^\S{10,}$/);
    assert.match(read.secret, /^\S{16,}$/);
    assert.ok(!Number.isNaN(Date.parse(read.created)));
    assert.deepEqual(await credentials(activity.id), read, 'reading twice changes nothing');
    const stored = await post(read.key, read.secret);
    assert.equal(stored.status, 200, stored.text);
    assert.equal(await statementsOf(activity.id), 1, 'the statement landed in this activity');
  });

  test('regenerate: the old secret gets 401, the new one is stored, and open dashboards hear that the activity changed', async () => {
    const activity = await createActivity('xAPI regenerate');
    const old = active(await credentials(activity.id));
    const stream = await openStream(api('/events'));
    try {
      const answer = await postJson(api(`/activities/${activity.id}/xapi/regenerate`), {});
      assert.equal(answer.status, 200, answer.text);
      const fresh = active((answer.json as { xapi: XapiCredentialsView }).xapi);
      assert.notEqual(fresh.key, old.key);
      assert.notEqual(fresh.secret, old.secret);
      assert.deepEqual(await credentials(activity.id), fresh, 'GET shows the new pair');
      await stream.until((messages) => messages.some((m) => m.event === 'changes' && activity.id in (m.data.activities as Record<string, number>)));
      const refused = await post(old.key, old.secret);
      assert.equal(refused.status, 401, refused.text);
      assert.equal((await post(fresh.key, fresh.secret)).status, 200);
      assert.equal(await statementsOf(activity.id), 1);
    } finally {
      stream.close();
    }
  });

  test('revoke: the key and secret get 401, GET says revoked, and new ones can be issued afterwards', async () => {
    const activity = await createActivity('xAPI revoke');
    const old = active(await credentials(activity.id));
    const answer = await postJson(api(`/activities/${activity.id}/xapi/revoke`), {});
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.json, { xapi: { status: 'revoked' }, revoked: 1 });
    assert.deepEqual(await credentials(activity.id), { status: 'revoked' });
    assert.equal((await post(old.key, old.secret)).status, 401);
    // Revoking again is harmless: nothing left to revoke.
    assert.deepEqual((await postJson(api(`/activities/${activity.id}/xapi/revoke`), {})).json, { xapi: { status: 'revoked' }, revoked: 0 });

    const issued = active(((await postJson(api(`/activities/${activity.id}/xapi/regenerate`), {})).json as { xapi: XapiCredentialsView }).xapi);
    assert.equal((await post(issued.key, issued.secret)).status, 200);
    assert.equal((await post(old.key, old.secret)).status, 401, 'the revoked pair stays revoked');
  });

  test('an unknown activity: 404 in the admin error shape, for reading, regenerating and revoking', async () => {
    for (const [method, path] of [
      ['GET', '/activities/no-such-activity/xapi'],
      ['POST', '/activities/no-such-activity/xapi/regenerate'],
      ['POST', '/activities/no-such-activity/xapi/revoke'],
    ] as const) {
      const answer = await request(api(path), { method, ...(method === 'POST' ? { headers: { 'Content-Type': 'application/json' }, body: '{}' } : {}) });
      assert.equal(answer.status, 404, `${method} ${path}: ${answer.text}`);
      assert.equal((answer.json as { error: { reason: string } }).error.reason, 'activity-not-found');
      assert.equal(typeof (answer.json as { error: { message: string } }).error.message, 'string');
    }
  });

  test('bad input: a body with fields or broken JSON is refused with 400 and the key and secret stay as they were', async () => {
    const activity = await createActivity('xAPI bad input');
    const before = active(await credentials(activity.id));
    const refusals: Array<[string, string, string]> = [
      ['/xapi/regenerate', JSON.stringify({ key: 'my-own-key', secret: 'my-own-secret' }), 'invalid-request'],
      ['/xapi/revoke', JSON.stringify({ all: true }), 'invalid-request'],
      ['/xapi/regenerate', '{"key":', 'bad-request'],
      ['/xapi/revoke', '[]', 'invalid-request'],
    ];
    for (const [path, body, reason] of refusals) {
      const answer = await postJson(api(`/activities/${activity.id}${path}`), body);
      assert.equal(answer.status, 400, `${path} ${body}: ${answer.text}`);
      assert.equal((answer.json as { error: { reason: string } }).error.reason, reason, answer.text);
    }
    assert.deepEqual(await credentials(activity.id), before);
    assert.equal((await post(before.key, before.secret)).status, 200, 'the pair still works');
    assert.equal((await post('my-own-key', 'my-own-secret')).status, 401);
  });
});

const lan = lanAddresses()[0];

describe('the xAPI credentials stay the teacher\'s', { skip: lan ? false : 'this machine has no LAN address to connect from' }, () => {
  let collector: Collector;
  before(async () => {
    collector = await startTestCollector({ config: { host: '0.0.0.0', mdns: false } });
  });
  after(() => collector?.close());

  test('another computer without the teacher key gets 403 and changes nothing; with the key it reads them', async () => {
    const local = collector.url;
    const created = await postJson(`${local}/admin/api/activities`, { name: 'xAPI from a tablet' });
    const id = (created.json as { activity: ActivityView }).activity.id;
    const before = (await request(`${local}/admin/api/activities/${id}/xapi`)).json;
    const remote = `http://${lan}:${collector.port}/admin/api/activities/${id}/xapi`;

    const read = await requestFrom(lan, remote);
    assert.equal(read.status, 403, read.text);
    assert.doesNotMatch(read.text, /secret"/);
    const revoke = await requestFrom(lan, `${remote}/revoke`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(revoke.status, 403);
    assert.deepEqual((await request(`${local}/admin/api/activities/${id}/xapi`)).json, before);

    const teacherKey = ((await request(`${local}/admin/api/settings`)).json as { teacherKey: string }).teacherKey;
    const withKey = await requestFrom(lan, remote, { headers: { Authorization: `Bearer ${teacherKey}` } });
    assert.equal(withKey.status, 200, withKey.text);
    assert.deepEqual(withKey.json, before);
  });
});
