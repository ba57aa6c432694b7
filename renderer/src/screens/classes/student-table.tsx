import { formatTime } from '../../format/time';
import type { ClassStudent } from './types';

export function StudentTable({ students }: { students: ClassStudent[] }) {
  if (students.length === 0) {
    return (
      <p className="empty" role="status">
        No students in this class yet: add them below, one by one or from a roster file.
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table class-students">
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Added</th>
          </tr>
        </thead>
        <tbody>
          {students.map((student) => (
            <tr key={student.id} data-username={student.username}>
              <td>
                <code className="code">{student.username}</code>
              </td>
              <td>
                {student.name ?? <span className="muted">—</span>}
                {student.email && <div className="muted small">{student.email}</div>}
              </td>
              <td>
                <span className="badge badge-student">{student.role}</span>
              </td>
              <td>{formatTime(student.created)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
