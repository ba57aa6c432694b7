import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ActivityResults, StudentResult } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { readLessonResults } from '../../server/results/read-lesson-results.js';
import { getActivity } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi, request } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { answered, completedLevel, loginStart, nextLesson, sent, twoLessons } from '../support/two-lessons.js';

let collector: Collector;

before(async () => {
  collector = await startTestCollector();
});

after(async () => {
  await collector?.close();
});

const resultsOf = async (activityId: string, query = ''): Promise<ActivityResults> => {
  const answer = await request(`${collector.url}/admin/api/activities/${activityId}/results${query}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.json as ActivityResults;
};

const figures = (student: StudentResult | undefined) =>
  student && {
    sessions: student.sessions,
    completed: student.completed,
    correct: student.correct,
    incorrect: student.incorrect,
    bestScore: student.bestScore,
    objects: student.objects.map((object) => [object.name, object.completed, object.correct, object.incorrect]),
  };

/** The CSV's lines as cells (no quoted commas in these), the byte-order mark left out. */
const rowsOf = (csv: string): string[][] =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));

test('this lesson: a student who completed level 1 last lesson and answered wrongly in this one has not completed it, and only the wrong answer', async () => {
  const { activity: { id: activityId } } = await twoLessons(collector, '3B');
  const activity = getActivity(collector.context.db, activityId);

  const lesson = await resultsOf(activityId, '?lesson=current');
  assert.deepEqual(lesson.lesson, { since: activity?.opened, wholeHistory: false });
  assert.deepEqual(
    lesson.students.map((student) => student.player.username),
    ['ana-3b'],
    'ben played only last lesson',
  );
  assert.deepEqual(figures(lesson.students[0]), { sessions: 1, completed: 0, correct: 0, incorrect: 1, bestScore: null, objects: [['q1', false, 0, 1]] });
  assert.equal(lesson.students[0]?.finished, false);
  assert.deepEqual(
    lesson.notStarted.map((student) => student.username),
    ['ben-3b'],
    "not started this lesson, as Live's Not started yet since the opening",
  );
  assert.deepEqual(lesson.aggregates.objects, [], 'nobody completed or scored a level this lesson');
  assert.deepEqual(
    lesson.aggregates.questions.map((q) => [q.name, q.answers]),
    [['q1', [{ response: '2/3', count: 1, correct: false }]]],
  );
  assert.equal(lesson.aggregates.students, 1);

  // All lessons: both, as before.
  const all = await resultsOf(activityId);
  assert.equal(all.lesson, undefined, 'without the parameter, the answer is as it was');
  assert.deepEqual(
    all.students.map((student) => student.player.username),
    ['ana-3b', 'ben-3b'],
  );
  assert.deepEqual(figures(all.students[0]), {
    sessions: 2,
    completed: 1,
    correct: 1,
    incorrect: 1,
    bestScore: 9,
    objects: [
      ['level1', true, 0, 0],
      ['q1', false, 1, 1],
    ],
  });
  assert.deepEqual(all.notStarted, []);
  assert.deepEqual(
    all.aggregates.questions.map((q) => q.answers.map((a) => [a.response, a.count, a.correct])),
    [
      [
        ['2/3', 1, false],
        ['3/4', 1, true],
      ],
    ],
  );
  assert.deepEqual(
    all.aggregates.objects.map((object) => [object.name, object.completed]),
    [['level1', 2]],
  );
  // `all` is every lesson, byte for byte the answer without the parameter.
  const plain = await request(`${collector.url}/admin/api/activities/${activityId}/results`);
  const allNamed = await request(`${collector.url}/admin/api/activities/${activityId}/results?lesson=all`);
  assert.equal(allNamed.text, plain.text);
});

test("the CSV follows the lesson: this lesson's row for ana and ben as not started, the file named by the lesson's day", async () => {
  const { activity: { id: activityId } } = await twoLessons(collector, '4C');

  const lesson = await request(`${collector.url}/admin/api/activities/${activityId}/results.csv?lesson=current`);
  assert.equal(lesson.status, 200, lesson.text);
  const activity = getActivity(collector.context.db, activityId);
  assert.equal(lesson.headers.get('aula-lesson'), `since=${activity?.opened}`);
  assert.match(lesson.headers.get('content-disposition') ?? '', /filename="results-4C-fractions-lesson-\d{4}-\d{2}-\d{2}\.csv"/);
  const [header, ...rows] = rowsOf(lesson.text);
  const column = (name: string) => header?.indexOf(name) ?? -1;
  const cells = (row: string[] | undefined, names: string[]) => names.map((name) => row?.[column(name)]);
  const wanted = ['player', 'sessions', 'completed', 'correct', 'incorrect', 'best_score'];
  assert.deepEqual(
    rows.map((row) => cells(row, wanted)),
    [
      ['ana-4c', '1', '0', '0', '1', ''],
      ['ben-4c', '0', '', '', '', ''],
    ],
  );

  const all = await request(`${collector.url}/admin/api/activities/${activityId}/results.csv`);
  assert.equal(all.headers.get('aula-lesson'), null);
  assert.match(all.headers.get('content-disposition') ?? '', /filename="results-4C-fractions\.csv"/);
  const [, ...allRows] = rowsOf(all.text);
  assert.deepEqual(
    allRows.map((row) => cells(row, wanted)),
    [
      ['ana-4c', '2', '1', '1', '1', '9'],
      ['ben-4c', '1', '1', '0', '0', '9'],
    ],
  );
});

test('an activity never closed and opened again: this lesson is its whole history, and the answer says so', async () => {
  const activity = makeActivity(collector.context.db, { name: 'One lesson' });
  const start = await startOk(collector.url, activity.trackingCode);
  await sent(collector, start, [completedLevel(start), answered(start, '1/2', true)]);

  const lesson = await resultsOf(activity.id, '?lesson=current');
  assert.deepEqual(lesson.lesson, { since: null, wholeHistory: true });
  const { lesson: _, ...rest } = lesson;
  assert.deepEqual(rest, await resultsOf(activity.id));
  const csv = await request(`${collector.url}/admin/api/activities/${activity.id}/results.csv?lesson=current`);
  assert.equal(csv.status, 200);
  assert.equal(csv.headers.get('aula-lesson'), 'whole-history');

  // Closed at the end of that lesson, not opened again yet: still its one lesson.
  assert.equal((await adminApi(collector.url, `/activities/${activity.id}/close`, {})).status, 200);
  const closed = await resultsOf(activity.id, '?lesson=current');
  assert.deepEqual(closed.lesson, { since: null, wholeHistory: true });
  assert.equal(closed.students[0]?.completed, 1);
});

test('a lesson value other than current or all is a 400 naming the choices, for the JSON and the CSV', async () => {
  const activity = makeActivity(collector.context.db, { name: 'Bad lesson' });
  for (const path of ['results', 'results.csv']) {
    for (const query of ['?lesson=yesterday', '?lesson=current&lesson=all', '?lesson=CURRENT']) {
      const answer = await request(`${collector.url}/admin/api/activities/${activity.id}/${path}${query}`);
      assert.equal(answer.status, 400, `${path}${query}: ${answer.text}`);
      assert.deepEqual(answer.json, {
        error: {
          reason: 'invalid-parameter',
          message: 'The lesson (lesson) is current (since the activity was last opened again) or all (every lesson, as without it).',
        },
      });
    }
  }
  const spanish = await request(`${collector.url}/admin/api/activities/${activity.id}/results?lesson=today`, { headers: { 'Accept-Language': 'es' } });
  assert.equal(spanish.status, 400);
  assert.match((spanish.json as { error: { message: string } }).error.message, /^La lección \(lesson\) es current/);
});

test("a long lesson is folded a step at a time: read in steps of two statements, the same lesson's results", async () => {
  const { activity: { id: activityId } } = await twoLessons(collector, '5D');
  const activity = getActivity(collector.context.db, activityId);
  assert.ok(activity);
  const start = await loginStart(collector, activity.trackingCode, 'ana-5d');
  await sent(collector, start, [answered(start, '1/3', false), completedLevel(start), answered(start, '3/4', true), answered(start, '2/3', false)]);

  let pauses = 0;
  const stepped = await readLessonResults(collector.context.db, activity, { stepRows: 2, pause: async () => void pauses++ });
  const whole = await readLessonResults(collector.context.db, activity);
  // This lesson's five statements (the earlier lesson's three are not walked): steps of two, two pauses at least.
  assert.ok(pauses >= 2, `${pauses} pauses`);
  assert.deepEqual(stepped, whole);
  assert.deepEqual(figures(whole.students[0]), {
    sessions: 2,
    completed: 1,
    correct: 1,
    incorrect: 3,
    bestScore: 9,
    objects: [
      ['level1', true, 0, 0],
      ['q1', false, 1, 3],
    ],
  });
  assert.deepEqual(
    whole.aggregates.questions[0]?.answers.map((a) => [a.response, a.count]),
    [
      ['2/3', 2],
      ['1/3', 1],
      ['3/4', 1],
    ],
  );
});

test("this lesson's fold starts at the opening: the earlier lesson's statements are not read again, one stored in the opening's millisecond is", async () => {
  const { db, writer } = collector.context;
  const activity = makeActivity(db, { name: 'Weekly fractions' });
  const lastWeek = await startOk(collector.url, activity.trackingCode);
  // Last week's lesson: twenty answers, which this lesson must not walk through again.
  await sent(collector, 
    lastWeek,
    Array.from({ length: 20 }, () => answered(lastWeek, '3/4', true)),
  );
  await nextLesson(collector, activity.id);
  const today = await startOk(collector.url, activity.trackingCode);
  await sent(collector, today, [answered(today, '2/3', false)]);
  await sent(collector, today, [completedLevel(today)]);
  // The opening is made the very millisecond today's first answer was stored: it is this lesson's.
  const firstToday = db
    .prepare('SELECT b.stored FROM statement_rows r JOIN statement_batches b ON b.id = r.batch_id WHERE r.activity_id = ? ORDER BY r.seq DESC LIMIT 1 OFFSET 1')
    .get(activity.id) as { stored: string };
  await writer.run((tx) => tx.prepare('UPDATE activities SET opened = ? WHERE id = ?').run(firstToday.stored, activity.id));
  const reopened = getActivity(db, activity.id);
  assert.ok(reopened);

  let pauses = 0;
  const stepped = await readLessonResults(db, reopened, { stepRows: 2, pause: async () => void pauses++ });
  assert.ok(pauses <= 1, `today's two statements, in steps of two: ${pauses} pauses (the activity holds 22)`);
  assert.deepEqual(stepped, await readLessonResults(db, reopened));
  assert.equal(stepped.lesson.since, firstToday.stored);
  assert.deepEqual(
    stepped.aggregates.questions[0]?.answers.map((a) => [a.response, a.count]),
    [['2/3', 1]],
    "today's answer, stored in the opening's millisecond; none of last week's",
  );
  assert.deepEqual(figures(stepped.students[0]), {
    sessions: 1,
    completed: 1,
    correct: 0,
    incorrect: 1,
    bestScore: 9,
    objects: [
      ['level1', true, 0, 0],
      ['q1', false, 0, 1],
    ],
  });
});
