import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResultsAccumulator } from '../../server/results/results-accumulator.js';
import { statementFact } from '../../server/rules/rule-facts.js';

const game = 'http://aula.test/games/g/v';
const statement = (verb: string, object: string, type: string, result?: unknown) =>
  statementFact({
    verb: { id: `https://w3id.org/xapi/seriousgames/verbs/${verb}` },
    object: { id: `${game}/${object}`, definition: { type: `https://w3id.org/xapi/seriousgames/activity-types/${type}` } },
    ...(result ? { result } : {}),
  });

test('only objects with a result go to the writer: a screen seen or an item used is not written', () => {
  const accumulator = new ResultsAccumulator();
  accumulator.add('a1', 'p1', statement('accessed', 'screen/menu', 'screen'));
  accumulator.add('a1', 'p1', statement('used', 'item/door', 'item'));
  accumulator.add('a1', 'p1', statement('progressed', 'level/1', 'level', { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': 0.5 } }));
  accumulator.add('a1', 'p1', statement('accessed', 'level/2', 'level'));
  accumulator.add('a1', 'p1', statement('completed', 'level/2', 'level'));
  const { results } = accumulator.take();
  assert.deepEqual(
    results.map((result) => [result.objectId.slice(game.length + 1), result.completed, result.progress]),
    [
      ['level/1', 0, 0.5],
      ['level/2', 1, null],
    ],
  );
  assert.ok(accumulator.isEmpty, 'what was seen only is dropped with the rest');
});

test('deltas given back after a failed write, then newer ones, write what one uninterrupted write would have', () => {
  const answer = (object: string, success: boolean, response: string) => statement('selected', object, 'question', { success, response });
  const facts = [
    statement('progressed', 'level/1', 'level', { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': 0.5 } }),
    statement('completed', 'level/1', 'level', { score: { raw: 7 } }),
    answer('question/q1', true, 'right'),
    answer('question/q1', false, 'wrong'),
    statement('completed', 'level/1', 'level', { score: { raw: 4 } }),
    statement('progressed', 'level/1', 'level', { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': 0.25 } }),
    answer('question/q1', true, 'right'),
    answer('question/q2', false, 'wrong'),
  ];
  const uninterrupted = new ResultsAccumulator();
  for (const fact of facts) uninterrupted.add('a1', 'p1', fact);
  const expected = uninterrupted.take();

  // Two writes fail in a row, after `first` and after `second` statements; the third one is stored.
  for (let first = 1; first < facts.length; first++) {
    for (let second = first; second < facts.length; second++) {
      const live = new ResultsAccumulator();
      const unwritten = new ResultsAccumulator();
      const failedWrite = () => {
        // What take() of results-folding.ts gives: the given-back deltas first, then the newer ones.
        const older = unwritten.take();
        const newer = live.take();
        unwritten.restore([...older.results, ...newer.results], [...older.answers, ...newer.answers]);
      };
      for (const fact of facts.slice(0, first)) live.add('a1', 'p1', fact);
      failedWrite();
      for (const fact of facts.slice(first, second)) live.add('a1', 'p1', fact);
      failedWrite();
      for (const fact of facts.slice(second)) live.add('a1', 'p1', fact);
      const older = unwritten.take();
      const newer = live.take();
      const label = `writes failed after ${first} and ${second} statements`;
      assert.deepEqual(fold([...older.results, ...newer.results]), fold(expected.results), `${label}: results`);
      assert.deepEqual(foldAnswers([...older.answers, ...newer.answers]), foldAnswers(expected.answers), `${label}: answers`);
    }
  }
});

/** What the results table holds after upserting `deltas` in order (writeDeltas' rules), by object. */
function fold(deltas: ReturnType<ResultsAccumulator['take']>['results']): Record<string, unknown> {
  const rows: Record<string, { completed: number; best: number | null; last: number | null; correct: number; incorrect: number; progress: number | null }> = {};
  const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  for (const d of deltas) {
    const row = rows[d.objectId];
    rows[d.objectId] = row
      ? {
          completed: Math.max(row.completed, d.completed),
          best: max(row.best, d.bestScore),
          last: d.lastScore ?? row.last,
          correct: row.correct + d.correct,
          incorrect: row.incorrect + d.incorrect,
          progress: max(row.progress, d.progress),
        }
      : { completed: d.completed, best: d.bestScore, last: d.lastScore, correct: d.correct, incorrect: d.incorrect, progress: d.progress };
  }
  return rows;
}

function foldAnswers(answers: ReturnType<ResultsAccumulator['take']>['answers']): Record<string, { count: number; correct: boolean | null }> {
  const rows: Record<string, { count: number; correct: boolean | null }> = {};
  for (const a of answers) {
    const key = `${a.objectId} ${a.response}`;
    const row = rows[key];
    rows[key] = row ? { count: row.count + a.count, correct: a.correct ?? row.correct } : { count: a.count, correct: a.correct };
  }
  return rows;
}

test("an xAPI client's `answered` counts as an answer, right or wrong, with its response, as the trackers' `selected` does", () => {
  const accumulator = new ResultsAccumulator();
  const answered = (success: boolean, response: string) =>
    statementFact({
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: { id: `${game}/q1`, definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction' } },
      result: { success, response },
    });
  accumulator.add('a1', 'p1', answered(false, 'choice-b'));
  accumulator.add('a1', 'p1', answered(true, 'choice-a'));
  const { results, answers } = accumulator.take();
  assert.deepEqual(
    results.map(({ correct, incorrect }) => ({ correct, incorrect })),
    [{ correct: 1, incorrect: 1 }],
  );
  assert.deepEqual(
    answers.map(({ response, count, correct }) => ({ response, count, correct })),
    [
      { response: 'choice-b', count: 1, correct: false },
      { response: 'choice-a', count: 1, correct: true },
    ],
  );
});
