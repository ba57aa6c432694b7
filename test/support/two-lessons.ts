import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAccounts } from '../../server/auth/roster.js';
import type { Collector } from '../../server/index.js';
import type { Activity } from '../../server/store/activities-repo.js';
import { createClass } from '../../server/store/classes-repo.js';
import { loggedInHeaders, passwordOf } from './class-logins.js';
import { makeActivity } from './fixtures.js';
import { adminApi } from './http.js';
import { type StartAnswer, seriousGameStatement, startOk, track } from './rage.js';

/** Level 1 completed with a score of 9, as the trackers send it. */
export const completedLevel = (start: StartAnswer) =>
  seriousGameStatement(start, 'completed', 'level', 'level1', Date.now(), { success: true, score: { raw: 9 } });

/** An answer to q1, right or wrong. */
export const answered = (start: StartAnswer, response: string, success: boolean) =>
  seriousGameStatement(start, 'selected', 'question', 'q1', Date.now(), { success, response });

/** A roster student's game: logged in, then started. */
export async function loginStart(collector: Collector, trackingCode: string, username: string): Promise<StartAnswer> {
  return startOk(collector.url, trackingCode, { headers: await loggedInHeaders(collector.url, username) });
}

/** A batch that must be taken (200). */
export async function sent(collector: Collector, start: StartAnswer, statements: unknown[]): Promise<void> {
  const answer = await track(collector.url, start.authToken, statements);
  assert.equal(answer.status, 200, answer.text);
}

/** Closed at the end of a lesson and opened for the next: a few ms apart, so no trace shares the opening's instant. */
export async function nextLesson(collector: Collector, activityId: string): Promise<void> {
  await sleep(5);
  assert.equal((await adminApi(collector.url, `/activities/${activityId}/close`, {})).status, 200);
  assert.equal((await adminApi(collector.url, `/activities/${activityId}/open`, {})).status, 200);
  await sleep(5);
}

/**
 * A class plays the same activity two weeks running. Last week ana completed level 1 and answered q1 right, and ben
 * played too; this week ana only answered q1 wrongly, and ben has not started. Usernames end in the class's name.
 */
export async function twoLessons(collector: Collector, className: string): Promise<{ activity: Activity; ana: string; ben: string }> {
  const { db, writer } = collector.context;
  const group = await writer.run((tx) => createClass(tx, className));
  const [ana, ben] = ['ana', 'ben'].map((name) => `${name}-${className.toLowerCase()}`) as [string, string];
  await createAccounts(
    db,
    (job) => writer.run(job),
    group.id,
    [ana, ben].map((username) => ({ username, password: passwordOf(username) })),
  );
  const activity = makeActivity(db, { name: `${className} fractions`, classId: group.id });
  const anaFirst = await loginStart(collector, activity.trackingCode, ana);
  await sent(collector, anaFirst, [completedLevel(anaFirst), answered(anaFirst, '3/4', true)]);
  const benFirst = await loginStart(collector, activity.trackingCode, ben);
  await sent(collector, benFirst, [completedLevel(benFirst)]);
  await nextLesson(collector, activity.id);
  const anaSecond = await loginStart(collector, activity.trackingCode, ana);
  await sent(collector, anaSecond, [answered(anaSecond, '2/3', false)]);
  return { activity, ana, ben };
}
