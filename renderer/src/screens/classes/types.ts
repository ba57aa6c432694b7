// The classes API's answers (server/admin/classes-routes.ts); those declared in api-types come from there.
import type { ClassRole, ClassStudent } from '../../../../server/admin/api-types.js';

export type { ClassRole, ClassStudent };

export const ROLES: readonly ClassRole[] = ['student', 'assistant', 'teacher'];

export interface ClassSummary {
  id: string;
  name: string;
  created: string;
  students: number;
  activities: number;
}

export interface RosterProblem {
  line: number | null;
  message: string;
}

/** Any account, with every class it is in (GET /admin/api/students); suggested when adding an existing student. */
export interface StudentAccount {
  id: string;
  username: string;
  name: string | null;
  email: string;
  created: string;
  classes: Array<{ name: string; role: ClassRole }>;
}
