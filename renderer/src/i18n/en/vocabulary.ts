/** English words for what games send: verbs, object types, results (a statement read as "completed level \"1\""). */
export const vocabulary = {
  /** The serious-games verbs (format/verbs.ts), as the action and the Verb filter read them. */
  verbs: {
    started: 'started',
    progressedIn: 'progressed in',
    completed: 'completed',
    interactedWith: 'interacted with',
    accessed: 'accessed',
    unlocked: 'unlocked',
    used: 'used',
    skipped: 'skipped',
    selected: 'selected',
    // Other ADL verbs xAPI games send, read as their IRI's last word in English; not offered by the Verb filter.
    answered: 'answered',
    attempted: 'attempted',
    experienced: 'experienced',
    passed: 'passed',
    failed: 'failed',
  },
  didSomething: 'did something',
  /**
   * Object types: `name` alone (a result's `level "level1": failed`), `inAction` after a verb (`completed level
   * "level1"`), where a language may need an article ("completó el nivel").
   */
  types: {
    game: { name: 'game', inAction: 'game' },
    session: { name: 'session', inAction: 'session' },
    level: { name: 'level', inAction: 'level' },
    quest: { name: 'quest', inAction: 'quest' },
    stage: { name: 'stage', inAction: 'stage' },
    combat: { name: 'combat', inAction: 'combat' },
    storyNode: { name: 'story node', inAction: 'story node' },
    race: { name: 'race', inAction: 'race' },
    completable: { name: 'completable', inAction: 'completable' },
    screen: { name: 'screen', inAction: 'screen' },
    area: { name: 'area', inAction: 'area' },
    zone: { name: 'zone', inAction: 'zone' },
    cutscene: { name: 'cutscene', inAction: 'cutscene' },
    accessible: { name: 'accessible', inAction: 'accessible' },
    question: { name: 'question', inAction: 'question' },
    menu: { name: 'menu', inAction: 'menu' },
    dialog: { name: 'dialog', inAction: 'dialog' },
    path: { name: 'path', inAction: 'path' },
    arena: { name: 'arena', inAction: 'arena' },
    alternative: { name: 'alternative', inAction: 'alternative' },
    enemy: { name: 'enemy', inAction: 'enemy' },
    npc: { name: 'NPC', inAction: 'NPC' },
    item: { name: 'item', inAction: 'item' },
    gameObject: { name: 'game object', inAction: 'game object' },
  },
  object: {
    typed: '{{type}} "{{name}}"',
    untyped: '"{{name}}"',
    something: 'something',
  },
  action: {
    plain: '{{verb}} {{object}}',
    withResponse: '{{verb}} "{{response}}" in {{object}}',
  },
  /** A statement's result beside its action (format/result.ts); parts are joined by " · ". */
  statementResult: {
    success: '✓ success',
    failure: '✗ failure',
    score: 'score {{score}}',
    scoreOutOf: 'score {{score}}/{{max}}',
  },
  /** A session's outcome (screens/result-cell.tsx); parts are joined by " · ". */
  sessionResult: {
    completed: 'completed',
    notCompleted: 'not completed',
    success: 'success',
    failed: 'failed',
    score: 'score {{score}}',
    ofObject: '{{object}}: {{result}}',
  },
};
