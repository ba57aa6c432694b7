import type { Database } from 'better-sqlite3';
import { up as initial } from './001-initial.js';
import { up as xapiIndex } from './002-xapi-index.js';
import { up as rulesAlertsResults } from './003-rules-alerts-results.js';
import { up as playerIndexThroughSessions } from './004-player-index-through-sessions.js';
import { up as studentTokenGeneration } from './005-student-token-generation.js';
import { up as statementsInBatches } from './006-statements-in-batches.js';
import { up as noVerbIndex } from './007-no-verb-index.js';
import { up as progressOfGame } from './008-progress-of-game.js';
import { up as resultsWatermark } from './009-results-watermark.js';
import { up as sessionObjectTypes } from './010-session-object-types.js';
import { up as sessionOrigins } from './011-session-origins.js';
import { up as repeatedRefusals } from './012-repeated-refusals.js';
import { up as xapiPlayerNames } from './013-xapi-player-names.js';
import { up as erasedIds } from './014-erased-ids.js';
import { up as uploadTargetPseudonymized } from './015-upload-target-pseudonymized.js';
import { up as xapiAttachments } from './016-xapi-attachments.js';
import { up as storedHere } from './017-stored-here.js';
import { up as refusedStudent } from './018-refused-student.js';
import { up as sessionsByGameplay } from './019-sessions-by-gameplay.js';
import { up as refusalsByAddress } from './020-refusals-by-address.js';
import { up as alertWording } from './021-alert-wording.js';
import { up as refusalsByDevice } from './022-refusals-by-device.js';
import { up as erasedSessionTokens } from './023-erased-session-tokens.js';
import { up as erasureLogRefusals } from './024-erasure-log-refusals.js';
import { up as refusalsByStudentAndCode } from './025-refusals-by-student-and-code.js';
import { up as refusalsThenAndAfter } from './026-refusals-then-and-after.js';

/** Numbered in order: migration N brings `PRAGMA user_version` from N-1 to N. Never edit a shipped one. */
export const migrations: ReadonlyArray<(db: Database) => void> = [
  initial,
  xapiIndex,
  rulesAlertsResults,
  playerIndexThroughSessions,
  studentTokenGeneration,
  statementsInBatches,
  noVerbIndex,
  progressOfGame,
  resultsWatermark,
  sessionObjectTypes,
  sessionOrigins,
  repeatedRefusals,
  xapiPlayerNames,
  erasedIds,
  uploadTargetPseudonymized,
  xapiAttachments,
  storedHere,
  refusedStudent,
  sessionsByGameplay,
  refusalsByAddress,
  alertWording,
  refusalsByDevice,
  erasedSessionTokens,
  erasureLogRefusals,
  refusalsByStudentAndCode,
  refusalsThenAndAfter,
];

export const schemaVersion = migrations.length;
