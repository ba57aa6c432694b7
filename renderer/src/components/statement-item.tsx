import type { StatementRow } from '../api/types';
import { definitionNameOf, pickLanguage } from '../format/object-names';
import { resultSummary } from '../format/result';
import { formatTime } from '../format/time';
import { describeAction } from '../format/verbs';
import { PlayerName } from './player-name';

function responseOf(statement: unknown): string | null {
  const response = (statement as { result?: { response?: unknown } } | null)?.result?.response;
  return typeof response === 'string' ? response : null;
}

/** One statement: readable summary line, its full JSON one click away. */
export function StatementItem({ row, showPlayer = true, showActivity = true }: { row: StatementRow; showPlayer?: boolean; showActivity?: boolean }) {
  const result = resultSummary(row.statement);
  return (
    <li className="statement">
      <details>
        <summary>
          <time dateTime={row.stored} className="statement-time">
            {formatTime(row.stored)}
          </time>
          {showPlayer && row.player && <PlayerName player={row.player} link={false} />}
          <span className="statement-action">{describeAction(row.verbId, row.objectId, row.objectType, responseOf(row.statement), pickLanguage(definitionNameOf(row.statement)))}</span>
          {result && <span className="statement-result">{result}</span>}
          {showActivity && row.activityName && <span className="muted statement-activity">{row.activityName}</span>}
        </summary>
        <pre className="json">{JSON.stringify(row.statement, null, 2)}</pre>
      </details>
    </li>
  );
}
