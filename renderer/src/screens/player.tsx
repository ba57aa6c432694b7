import { ApiError } from '../api/client';
import type { PlayerDetail } from '../api/types';
import { useResource } from '../api/use-resource';
import { PlayerName } from '../components/player-name';
import { ProgressBar } from '../components/progress-bar';
import { ScreenTitle } from '../components/screen-title';
import { StatementItem } from '../components/statement-item';
import { EmptyState, ErrorBox, Loading } from '../components/states';
import { playerLabel } from '../format/player-name';
import { formatTime } from '../format/time';
import { Link } from '../router';
import { PlayerAlerts } from './player-alerts';
import { ResultCell } from './result-cell';
import { ErasePlayer } from './results/erase-player';

export function PlayerScreen({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const detail = useResource<PlayerDetail>(`/players/${encodeURIComponent(id)}`, {
    staleOn: (changes) => changes.players.includes(id),
    throttleMs: 500,
  });
  const data = detail.data;
  // The heading stands in the same place while the player loads, so the focus it takes after navigation stays.
  return (
    <section>
      <p>
        <Link to="/players">← All players</Link>
      </p>
      <div className="screen-head">
        <ScreenTitle title={data ? `${playerLabel(data.player)} — Players` : 'Player'}>
          {data ? <PlayerName player={data.player} link={false} /> : 'Player'}
        </ScreenTitle>
        {data && <PlayerFacts detail={data} />}
      </div>
      {detail.error && (isGone(detail.error) ? <NoSuchPlayer /> : <ErrorBox error={detail.error} onRetry={detail.reload} />)}
      {!data && !detail.error && <Loading />}
      {data && <PlayerDetails detail={data} onErased={detail.reload} />}
    </section>
  );
}

/** The API's 404: trying again cannot help, as "Something went wrong… Try again" said. */
const isGone = (error: Error): boolean => error instanceof ApiError && error.status === 404;

/** A player erased (here, in another tab or by `aula player erase`), or a link copied wrong. */
function NoSuchPlayer() {
  return (
    <EmptyState title="There is no such player">
      <p>
        Aula holds no player with this id: they were erased, or the link is wrong. Find them among the <Link to="/players">Players</Link>.
      </p>
    </EmptyState>
  );
}

function PlayerFacts({ detail }: { detail: PlayerDetail }) {
  const { player, publicId, statements, sessions, created, lastSeen, classes } = detail;
  return (
        <p className="muted">
          {sessions} session{sessions === 1 ? '' : 's'} · {statements.toLocaleString('en-US')} statements · first seen {formatTime(created)} · last seen{' '}
          {formatTime(lastSeen)}
          {player.kind === 'anonymous' ? ` · animal name ${player.animalName}` : ''}
          {classes && ` · ${classes.length === 0 ? 'in no class' : `${classes.length === 1 ? 'class' : 'classes'} ${classes.join(', ')}`}`}
          {' · player id '}
          <code data-testid="player-public-id">{publicId}</code>
        </p>
  );
}

function PlayerDetails({ detail, onErased }: { detail: PlayerDetail; onErased: () => void }) {
  const { player, publicId, sessionList, timeline, statements } = detail;
  return (
    <>
      <p>
        <Link to={`/data?player=${encodeURIComponent(publicId)}`}>Export this player's statements…</Link>
        {' · '}
        <a href={`/admin/api/players/${encodeURIComponent(player.id)}/access`} download>
          Everything Aula holds about this player (for an access request)
        </a>
      </p>
      <p className="muted small">
        One JSON file: the player and roster record (never the password), sessions, results, answers, alerts, refused requests, uploads to
        an LRS and every statement, with any file an xAPI game attached to it. Backups made before and exports already handed over are not in it.
      </p>
      <ErasePlayer
        playerId={player.id}
        label={playerLabel(player)}
        activities={[...new Map(sessionList.filter((s) => s.activityId).map((s) => [s.activityId as string, { id: s.activityId as string, name: s.activityName ?? '' }])).values()]}
        onErased={onErased}
      />
      <h2>Sessions</h2>
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
      <PlayerAlerts playerId={player.id} />
      <h2>Timeline</h2>
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
    </>
  );
}
