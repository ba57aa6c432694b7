import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { postJson, request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

function wrongAnswer(start: StartAnswer, question: string): unknown {
  return {
    actor: start.actor,
    verb: { id: 'https://w3id.org/xapi/adb/verbs/selected' },
    object: { id: `${start.objectId}/question/${question}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/question' } },
    timestamp: new Date().toISOString(),
    result: { response: 'C', success: false },
  };
}

function storedAlerts(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, 'aula.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT message FROM alerts').all() as Array<{ message: string }>).map((row) => row.message);
  } finally {
    db.close();
  }
}

describe('alerts when Aula is killed (the battery runs out)', () => {
  it('an alert its last statements raised, still unwritten at the kill, is raised when Aula starts again', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    let serve = await startServe(dataDir);
    try {
      const created = await postJson(`${serve.url}/admin/api/activities`, { name: 'Fractions' });
      const { activity } = created.json as { activity: { id: string; trackingCode: string } };
      const rules = await request(`${serve.url}/admin/api/activities/${activity.id}/rules`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ idle: { enabled: true, minutes: 10 }, wrongAnswers: { enabled: true, inARow: 2 } }),
      });
      assert.equal(rules.status, 200, rules.text);
      const ana = await startOk(serve.url, activity.trackingCode);
      const answer = await track(serve.url, ana.authToken, [wrongAnswer(ana, 'q1'), wrongAnswer(ana, 'q2')]);
      assert.equal(answer.status, 200, answer.text);
      // Alerts are written within a fifth of a second of the batch: killed before that.
      await serve.stop('SIGKILL');
      assert.deepEqual(storedAlerts(dataDir), [], 'killed before the alert was written');

      serve = await startServe(dataDir);
      const deadline = Date.now() + 10_000;
      let shown: string[] = [];
      while (Date.now() < deadline) {
        const alerts = await request(`${serve.url}/admin/api/alerts?activity=${activity.id}`);
        const { students } = alerts.json as { students: Array<{ items: Array<{ message: string }> }> };
        shown = students.flatMap((student) => student.items.map((item) => item.message));
        if (shown.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.deepEqual(shown, ['2 wrong answers in a row (last: q2 → C)']);
    } finally {
      await serve.stop();
    }
  });
});
