/**
 * A student's classes by name, in name order, as a JSON array, for `studentId`, an SQL expression of the student's id:
 * a subquery, so a list of students reads everyone's classes in its own query rather than one query per student. The
 * one definition of "their classes" now for the player's page and Live's and Results' students of another class
 * (Diagnostics' refused student is named with the classes they were in then: rejections-repo.ts).
 */
export function classNamesSql(studentId: string): string {
  return `(SELECT json_group_array(name) FROM (SELECT c.name FROM class_members cm JOIN classes c ON c.id = cm.class_id
     WHERE cm.student_id = ${studentId} ORDER BY c.name))`;
}

/** The array classNamesSql read, as names. */
export function classNames(json: string): string[] {
  return JSON.parse(json) as string[];
}
