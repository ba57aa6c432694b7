import { authCases } from './auth-cases.js';
import { jsonCases } from './json-cases.js';
import { pathCases } from './path-cases.js';
import { slowCases } from './slow-cases.js';
import { statementCases } from './statement-cases.js';
import { textCases } from './text-cases.js';
import type { HostileCase } from './types.js';

export { BODY_LIMIT } from './json-cases.js';
export type { Answer, Env, Expectation, HostileCase } from './types.js';
export { exchange } from './wire.js';

/** The whole corpus, grouped; each group is followed by a health check in the test. */
export function hostileCorpus(): HostileCase[] {
  return [...jsonCases(), ...statementCases(), ...textCases(), ...authCases(), ...pathCases(), ...slowCases()];
}
