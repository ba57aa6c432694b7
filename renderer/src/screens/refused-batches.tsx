import { useTranslation } from 'react-i18next';
import type { Session } from '../api/types';
import { Link } from '../router';

/**
 * A game whose batches the collector refuses re-sends them for ever, and every later trace queues behind them: the
 * session reads "nothing yet" (or stops moving) while the game is busy sending. This says so, and where to look: the
 * session's own refusals on Diagnostics, every one counted here whatever its age or handled mark (the whole screen
 * lists the last hour's only, not handled, and the student's line could be missing or among dozens).
 */
export function RefusedBatches({ session }: { session: Pick<Session, 'id' | 'refused' | 'lastRefusal'> }) {
  const { t } = useTranslation('live');
  if (session.refused === 0) return null;
  const times = t('refusedBatches', { count: session.refused });
  return (
    <Link to={`/diagnostics?session=${session.id}`} className="refused-batches badge badge-warning" title={session.lastRefusal ?? undefined}>
      {times}
    </Link>
  );
}
