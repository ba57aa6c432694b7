import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { summaryOfFact } from '../../server/collector/summarize.js';
import { evaluateClock, evaluateEnd, evaluateStatement, type RuleEffect } from '../../server/rules/evaluate.js';
import { statementFact } from '../../server/rules/rule-facts.js';
import { type RuleSettingsInput, ruleSettingsSchema } from '../../server/rules/rule-settings.js';
import { newSessionState, type SessionRuleState } from '../../server/rules/session-state.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const BASE = 'http://aula.test/api/proxy/gleaner/games/g/v';

function st(verb: string, type: string, name: string, result: Record<string, unknown> = {}): unknown {
  const verbIri = verb === 'selected' ? 'https://w3id.org/xapi/adb/verbs/selected' : `http://adlnet.gov/expapi/verbs/${verb}`;
  return {
    verb: { id: verbIri },
    object: { id: `${BASE}/${type}/${name}`, definition: { type: `https://w3id.org/xapi/seriousgames/activity-types/${type}` } },
    result,
  };
}
const answer = (name: string, response: string, success: boolean) => st('selected', 'question', name, { response, success });
const progressed = (value: number) =>
  st('progressed', 'level', 'level1', { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': value } });

/** A scripted trace: statements and clock checks, with what each step decided. */
class Trace {
  readonly state: SessionRuleState = newSessionState('act', 1, 'p1', T0);
  readonly settings;
  constructor(input: RuleSettingsInput) {
    this.settings = ruleSettingsSchema.parse(input);
  }
  send(at: number, statement: unknown): RuleEffect[] {
    return evaluateStatement(this.settings, this.state, statementFact(statement), T0 + at);
  }
  clock(at: number): RuleEffect[] {
    return evaluateClock(this.settings, this.state, T0 + at);
  }
  end(): RuleEffect[] {
    return evaluateEnd(this.settings, this.state);
  }
}

const raised = (effects: RuleEffect[]) => effects.filter((e) => e.kind === 'raise').map((e) => e.key);
const cleared = (effects: RuleEffect[]) => effects.filter((e) => e.kind === 'clear').map((e) => e.key);
const message = (effects: RuleEffect[]) => effects.find((e) => e.kind === 'raise')?.kind === 'raise' && (effects.find((e) => e.kind === 'raise') as { message: string }).message;

describe("a statement's score, on one scale wherever the statement gives it", () => {
  const scoreOf = (score: Record<string, number>) => statementFact({ verb: { id: 'completed' }, object: { id: 'x' }, result: { score } }).score;
  test('scaled as sent; else raw placed between min and max; raw alone as sent', () => {
    assert.equal(scoreOf({ scaled: 0.9, raw: 9, max: 20 }), 0.9);
    assert.equal(scoreOf({ raw: 7, max: 10 }), 0.7);
    assert.equal(scoreOf({ raw: 15, min: 10, max: 20 }), 0.5);
    assert.equal(scoreOf({ raw: 7 }), 7);
    assert.equal(scoreOf({ raw: 7, min: 10, max: 10 }), 7, 'a max not above min says no scale');
  });
});

describe('built-in rules on scripted traces', () => {
  test('idle for N minutes fires once and clears when the game sends again', () => {
    const trace = new Trace({ idle: { enabled: true, minutes: 2 } });
    trace.send(0, st('initialized', 'level', 'level1'));
    assert.deepEqual(trace.clock(1.9 * MIN), []);
    const fired = trace.clock(2 * MIN);
    assert.deepEqual(raised(fired), ['idle']);
    assert.equal(message(fired), 'Idle for 2 min or more');
    assert.deepEqual(trace.clock(5 * MIN), [], 'not raised twice');
    assert.deepEqual(cleared(trace.send(6 * MIN, st('accessed', 'screen', 'menu'))), ['idle']);
    assert.deepEqual(trace.clock(7 * MIN), []);
    assert.deepEqual(raised(trace.clock(8 * MIN)), ['idle'], 'fires again after the next silence');
  });

  test('an ended session is not idle', () => {
    const trace = new Trace({ idle: { enabled: true, minutes: 1 } });
    trace.send(0, st('initialized', 'level', 'level1'));
    assert.deepEqual(raised(trace.clock(MIN)), ['idle']);
    assert.deepEqual(cleared(trace.end()), ['idle']);
    assert.deepEqual(trace.clock(10 * MIN), []);
  });

  test('a student who finished the game is neither idle nor without progress afterwards, ended or not', () => {
    const trace = new Trace({ idle: { enabled: true, minutes: 1 }, noProgress: { enabled: true, minutes: 2 } });
    trace.send(0, st('initialized', 'serious-game', 'fractions'));
    trace.send(0.5 * MIN, st('completed', 'level', 'level1'));
    // A level is not the game: the student is still playing.
    assert.deepEqual(raised(trace.clock(1.5 * MIN)), ['idle']);
    trace.send(2 * MIN, st('completed', 'serious-game', 'fractions', { success: true }));
    assert.deepEqual(trace.clock(30 * MIN), []);
  });

  test('no progress for N minutes: activity without progress does not count, progress clears', () => {
    const trace = new Trace({ noProgress: { enabled: true, minutes: 5 } });
    trace.send(0, progressed(0.2));
    trace.send(3 * MIN, st('accessed', 'screen', 'menu'));
    trace.send(4 * MIN, progressed(0.2));
    const fired = trace.clock(5 * MIN);
    assert.deepEqual(raised(fired), ['no-progress']);
    assert.match(String(message(fired)), /No progress for 5 min \(at 20 %\)/);
    assert.deepEqual(cleared(trace.send(6 * MIN, progressed(0.3))), ['no-progress']);
    assert.deepEqual(trace.clock(10 * MIN), []);
  });

  test("no progress counts each level's progress from its own start, and shows the game's progress once it has one", () => {
    const trace = new Trace({ noProgress: { enabled: true, minutes: 5 } });
    const levelAt = (level: string, value: number) =>
      st('progressed', 'level', level, { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': value } });
    const gameAt = (value: number) =>
      st('progressed', 'serious-game', 'game', { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': value } });
    trace.send(0, levelAt('level1', 1));
    trace.send(4 * MIN, levelAt('level2', 0.3));
    trace.send(8 * MIN, levelAt('level2', 0.6));
    assert.deepEqual(trace.clock(12 * MIN), [], 'level2 went up 4 min ago, though never above level1');
    trace.send(12 * MIN, gameAt(0.4));
    trace.send(13 * MIN, levelAt('level3', 0.9));
    const fired = trace.clock(18 * MIN);
    assert.deepEqual(raised(fired), ['no-progress']);
    assert.match(String(message(fired)), /No progress for 5 min \(at 40 %\)/, "the game's progress, not level3's");
  });

  test("the game's progress is the serious-game object's, as the live view decides it: a type that only ends so is not", () => {
    const trace = new Trace({ noProgress: { enabled: true, minutes: 5 } });
    const progress = (type: string, name: string, value: number) => ({
      verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
      object: { id: `${BASE}/${name}`, definition: { type } },
      result: { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': value } },
    });
    trace.send(0, progress('https://w3id.org/xapi/seriousgames/activity-types/serious-game', 'game', 0.4));
    trace.send(1 * MIN, progress('https://example.org/types/serious-game', 'chapter', 0.95));
    trace.send(2 * MIN, progress('Serious-Game', 'other', 0.97));
    const fired = trace.clock(8 * MIN);
    assert.deepEqual(raised(fired), ['no-progress']);
    assert.match(String(message(fired)), /\(at 40 %\)/, 'neither of the other two is the game');
    const summaries = ['https://w3id.org/xapi/seriousgames/activity-types/serious-game', 'serious-game', 'https://example.org/types/serious-game', 'Serious-Game'].map(
      (type) => summaryOfFact(statementFact(progress(type, 'x', 0.5))).progressOfGame,
    );
    assert.deepEqual(summaries, [true, true, false, false]);
  });

  test('K wrong answers in a row: a right answer breaks the run and clears', () => {
    const trace = new Trace({ wrongAnswers: { enabled: true, inARow: 3, total: null } });
    trace.send(0, answer('q1', 'A', false));
    trace.send(1, answer('q2', 'B', false));
    assert.deepEqual(raised(trace.send(2, answer('q3', 'A', true))), []);
    trace.send(3, answer('q4', 'C', false));
    trace.send(4, answer('q5', 'C', false));
    const fired = trace.send(5, answer('q6', 'D', false));
    assert.deepEqual(raised(fired), ['wrong-in-a-row']);
    assert.equal(message(fired), '3 wrong answers in a row (last: q6 → D)');
    assert.deepEqual(raised(trace.send(6, answer('q7', 'D', false))), [], 'one alert for the run');
    assert.deepEqual(cleared(trace.send(7, answer('q8', 'A', true))), ['wrong-in-a-row']);
  });

  test('K wrong answers in total fires once per session', () => {
    const trace = new Trace({ wrongAnswers: { enabled: true, inARow: null, total: 3 } });
    const keys: string[] = [];
    for (const [i, ok] of [false, true, false, true, false, false].entries()) keys.push(...raised(trace.send(i, answer(`q${i}`, 'x', ok))));
    assert.deepEqual(keys, ['wrong-total']);
  });

  test('score below X on a completed level fires; a better completion clears', () => {
    const trace = new Trace({ lowScore: { enabled: true, below: 0.5 } });
    assert.deepEqual(raised(trace.send(0, st('completed', 'level', 'level1', { success: true, score: { scaled: 0.7 } }))), []);
    const fired = trace.send(1, st('completed', 'quiz', 'quiz1', { success: false, score: { scaled: 0.3 } }));
    assert.deepEqual(raised(fired), [`low-score:${BASE}/quiz/quiz1`]);
    assert.equal(message(fired), 'Scored 0.3 on quiz1 (below 0.5)');
    assert.deepEqual(cleared(trace.send(2, st('completed', 'quiz', 'quiz1', { score: { scaled: 0.8 } }))), [`low-score:${BASE}/quiz/quiz1`]);
  });

  test('quit without completing: an open level at the end fires; completing it later clears', () => {
    const trace = new Trace({ quit: { enabled: true } });
    trace.send(0, st('initialized', 'level', 'level1'));
    trace.send(1, st('initialized', 'level', 'level2'));
    trace.send(2, st('completed', 'level', 'level1', { success: true }));
    const fired = trace.end();
    assert.deepEqual(raised(fired), [`quit:${BASE}/level/level2`]);
    assert.equal(message(fired), 'Quit without completing level2');
    // The player's next session completes level2: the earlier alert is taken back for the player.
    const next = new Trace({ quit: { enabled: true } });
    const clears = next.send(0, st('completed', 'level', 'level2'));
    assert.ok(clears.some((e) => e.kind === 'clear' && e.key === `quit:${BASE}/level/level2` && e.scope === 'player'));
  });

  test('quit after doing nothing', () => {
    const trace = new Trace({ quit: { enabled: true, severity: 'alert' } });
    trace.send(0, st('accessed', 'screen', 'menu'));
    assert.deepEqual(trace.end(), [
      { kind: 'raise', key: 'quit', severity: 'alert', message: 'Quit without completing anything', wording: { rule: 'quitAnything', values: {} } },
    ]);
  });

  test('rules that are off raise nothing on the same traces', () => {
    const trace = new Trace({});
    for (let i = 0; i < 10; i++) assert.deepEqual(trace.send(i, answer('q', 'x', false)), []);
    trace.send(10, st('initialized', 'level', 'level1'));
    trace.send(11, st('completed', 'quiz', 'q', { score: { scaled: 0 } }));
    assert.deepEqual(trace.clock(600 * MIN), []);
    assert.deepEqual(trace.end(), []);
  });
});

describe('custom rules', () => {
  const rule = { id: 'hints', name: 'Asked for many hints', verb: 'interacted', objectType: 'item', count: 3, windowMinutes: 2 };

  test('verb + object type + count within a window', () => {
    const trace = new Trace({ custom: [rule] });
    trace.send(0, st('interacted', 'item', 'hint'));
    trace.send(1 * MIN, st('interacted', 'npc', 'bob'));
    trace.send(2.5 * MIN, st('interacted', 'item', 'hint'));
    assert.deepEqual(raised(trace.send(3 * MIN, st('interacted', 'item', 'hint'))), [], 'the first one fell out of the window');
    const fired = trace.send(3.5 * MIN, st('interacted', 'item', 'hint'));
    assert.deepEqual(raised(fired), ['custom:hints']);
    assert.equal(message(fired), 'Asked for many hints 3 times within 2 min');
  });

  test('result conditions: failure with a full verb IRI, score below', () => {
    const trace = new Trace({
      custom: [
        { id: 'fail', name: 'Failed a question', verb: 'https://w3id.org/xapi/adb/verbs/selected', condition: 'failure', severity: 'alert' },
        { id: 'low', name: 'Low level score', verb: 'completed', objectType: 'level', condition: 'score-below', score: 0.4 },
      ],
    });
    assert.deepEqual(raised(trace.send(0, answer('q', 'a', true))), []);
    assert.deepEqual(raised(trace.send(1, answer('q', 'b', false))), ['custom:fail']);
    assert.deepEqual(raised(trace.send(2, st('completed', 'level', 'l', { score: { scaled: 0.5 } }))), []);
    assert.deepEqual(raised(trace.send(3, st('completed', 'level', 'l', { score: { raw: 0.1 } }))), ['custom:low']);
  });
});

describe('rule settings', () => {
  test('everything is off by default; bad values are refused with the field named', () => {
    const defaults = ruleSettingsSchema.parse({});
    assert.equal(defaults.idle.enabled, false);
    assert.deepEqual(defaults.custom, []);
    const bad = ruleSettingsSchema.safeParse({ idle: { enabled: true, minutes: -1 } });
    assert.equal(bad.success, false);
    assert.deepEqual(bad.error?.issues[0]?.path, ['idle', 'minutes']);
  });
});
