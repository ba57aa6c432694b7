import type { PlayerDetail } from '../api/types';
import { useResource } from '../api/use-resource';
import { PlayerName } from '../components/player-name';
import { ProgressBar } from '../components/progress-bar';
import { StatementItem } from '../components/statement-item';
import { EmptyState, ErrorBox, Loading } from '../components/states';
import { playerLabel } from '../format/player-name';
import { formatTime } from '../format/time';
import { Link } from '../router';
import { ResultCell } from './result-cell';
import { ErasePlayer } from './results/erase-player';

export function PlayerScreen({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const detail = useResource<PlayerDetail>(`/players/${encodeURIComponent(id)}`, {
    staleOn: (changes) => changes.players.includes(id),
    throttleMs: 500,
  });
  if (detail.error) {
    return (
      <section>
        <p>
          <Link to="/players">← All players</Link>
        </p>
        <ErrorBox error={detail.error} onRetry={detail.reload} />
      </section>
    );
  }
  if (!detail.data) return <Loading />;
  const { player, publicId, sessionList, timeline, statements, sessions, created, lastSeen } = detail.data;
  return (
    <section>
      <p>
        <Link to="/players">← All players</Link>
      </p>
      <div className="screen-head">
        <h2>
          <PlayerName player={player} link={false} />
        </h2>
        <p className="muted">
          {sessions} session{sessions === 1 ? '' : 's'} · {statements.toLocaleString('en-US')} statements · first seen {formatTime(created)} · last seen{' '}
          {formatTime(lastSeen)}
          {player.kind === 'anonymous' ? ` · animal name ${player.animalName}` : ''}
          {' · player id '}
          <code data-testid="player-public-id">{publicId}</code>
        </p>
      </div>
      <p>
        <Link to={`/data?player=${encodeURIComponent(publicId)}`}>Export this player's statements…</Link>
      </p>
      <ErasePlayer
        playerId={player.id}
        label={playerLabel(player)}
        activities={[...new Map(sessionList.filter((s) => s.activityId).map((s) => [s.activityId as string, { id: s.activityId as string, name: s.activityName ?? '' }])).values()]}
        onErased={detail.reload}
      />
      <h3>Sessions</h3>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Activity</th>
              <th scope="col">Session</th>
              <th scope="col">Started</th>
              <th scope="col">Last seen</th>
              <th scope="col" className="num">
                Statements
              </th>
              <th scope="col">Progress</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {sessionList.map((s) => (
              <tr key={s.id}>
                <td>{s.activityName ?? <span className="muted">game version code</span>}</td>
                <td className="num">#{s.number}</td>
                <td>{formatTime(s.started)}</td>
                <td>{s.ended ? `ended ${formatTime(s.ended)}` : formatTime(s.lastSeen)}</td>
                <td className="num">{s.statements.toLocaleString('en-US')}</td>
                <td>
                  <ProgressBar progress={s.progress} completion={s.completion} />
                </td>
                <td>
                  <ResultCell session={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Timeline</h3>
      {timeline.length === 0 ? (
        <EmptyState title="No statements yet">
          <p>The game has started but not sent anything yet; trackers send in batches, usually within seconds.</p>
        </EmptyState>
      ) : (
        <ol className="statements">
          {timeline.map((row) => (
            <StatementItem key={row.seq} row={row} showPlayer={false} />
          ))}
        </ol>
      )}
      {timeline.length < statements && <p className="muted">Showing the latest {timeline.length}; see Statements for more.</p>}
    </section>
  );
}
