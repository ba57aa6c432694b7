// The classes API's answers (server/admin/classes-routes.ts); the renderer never imports server code.

export type ClassRole = 'student' | 'assistant' | 'teacher';

export const ROLES: readonly ClassRole[] = ['student', 'assistant', 'teacher'];

export interface ClassSummary {
  id: string;
  name: string;
  created: string;
  students: number;
  activities: number;
}

/** A member of one class; the server never sends a password or its hash. */
export interface ClassStudent {
  id: string;
  username: string;
  name: string | null;
  email: string;
  role: ClassRole;
  created: string;
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
