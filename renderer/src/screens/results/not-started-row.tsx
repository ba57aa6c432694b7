import { useTranslation } from 'react-i18next';
import type { NotStartedStudent } from '../../../../server/admin/api-types.js';
import { studentLabel } from '../../format/not-started';

/** The figures a student who has not played has: none (the Sessions column says 0, as the CSV). */
const EMPTY_FIGURES = ['time', 'progress', 'completed', 'correct', 'incorrect', 'best', 'last'];

/**
 * A student of the class with no session in the activity yet, after those who played: named as Live's Not started yet
 * names them, marked, and with no figures, so a missing student is not read as one who scored nothing.
 */
export function NotStartedRow({ student }: { student: NotStartedStudent }) {
  const { t } = useTranslation('results');
  return (
    <tr className="not-started-row">
      <td>
        <span className="player">
          <span className="player-name">{studentLabel(student)}</span>
          <span className="badge badge-warning" title={t('notStartedTitle')}>
            {t('notStartedBadge')}
          </span>
        </span>
      </td>
      <td className="num">0</td>
      {EMPTY_FIGURES.map((figure) => (
        <td className="num" key={figure}>
          <span className="muted">—</span>
        </td>
      ))}
    </tr>
  );
}
