// The classes API's answers (server/admin/classes-routes.ts); those declared in api-types come from there.
import type { ClassRole, ClassStudent, StudentAccount } from '../../../../server/admin/api-types.js';

export type { ClassRole, ClassStudent, StudentAccount };

export const ROLES: readonly ClassRole[] = ['student', 'assistant', 'teacher'];

export interface ClassSummary {
  id: string;
  name: string;
  created: string;
  /** Members with the role student only; assistants and teachers are counted apart. */
  students: number;
  assistants: number;
  teachers: number;
  /** Everyone in the class, whatever the role. */
  members: number;
  activities: number;
}

export interface RosterProblem {
  line: number | null;
  message: string;
}

