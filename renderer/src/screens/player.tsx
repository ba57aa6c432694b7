import { Trans, useTranslation } from 'react-i18next';
import { ApiError, playerAccessHref } from '../api/client';
import type { PlayerDetail } from '../api/types';
import { useResource } from '../api/use-resource';
import { PlayerName } from '../components/player-name';
import { ProgressBar } from '../components/progress-bar';
import { ScreenTitle } from '../components/screen-title';
import { StatementItem } from '../components/statement-item';
import { EmptyState, ErrorBox, Loading } from '../components/states';
import { playerLabel } from '../format/player-name';
import { formatCount, formatTime } from '../format/time';
import { Link } from '../router';
import { PlayerAlerts } from './player-alerts';
import { ResultCell } from './result-cell';
import { ErasePlayer } from './results/erase-player';

export function PlayerScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('players');
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
        <Link to="/players">{t('player.allPlayers')}</Link>
      </p>
      <div className="screen-head">
        <ScreenTitle title={data ? t('player.tabTitle', { name: playerLabel(data.player) }) : t('player.title')}>
          {data ? <PlayerName player={data.player} link={false} /> : t('player.title')}
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
  const { t } = useTranslation('players');
  return (
    <EmptyState title={t('player.noSuchPlayer')}>
      <p>
        <Trans t={t} i18nKey="player.noSuchPlayerHint" components={{ players: <Link to="/players">{null}</Link> }} />
      </p>
    </EmptyState>
  );
}

function PlayerFacts({ detail }: { detail: PlayerDetail }) {
  const { t } = useTranslation('players');
  const { player, publicId, statements, sessions, created, lastSeen, classes } = detail;
  const facts = [
    t('player.sessions', { count: sessions }),
    t('player.statements', { count: statements }),
    t('player.firstSeen', { time: formatTime(created) }),
    t('player.lastSeen', { time: formatTime(lastSeen) }),
  ];
  if (player.kind === 'anonymous') facts.push(t('player.animalName', { name: player.animalName }));
  if (classes) facts.push(classes.length === 0 ? t('player.inNoClass') : t('player.classes', { count: classes.length, names: classes.join(', ') }));
  return (
    <p className="muted">
      {facts.join(' · ')}
      {` · ${t('player.playerId')} `}
      <code data-testid="player-public-id">{publicId}</code>
    </p>
  );
}

function PlayerDetails({ detail, onErased }: { detail: PlayerDetail; onErased: () => void }) {
  const { t } = useTranslation('players');
  const { player, publicId, sessionList, timeline, activities, moreSessions, moreStatements } = detail;
  const accessHref = playerAccessHref(player.id);
  const dataHref = `/data?player=${encodeURIComponent(publicId)}`;
  return (
    <>
      <p>
        <Link to={dataHref}>{t('player.exportStatements')}</Link>
        {' · '}
        <a href={accessHref} download>
          {t('player.access')}
        </a>
      </p>
      <p className="muted small">{t('player.accessHint')}</p>
      <ErasePlayer
        playerId={player.id}
        label={playerLabel(player)}
        // Every activity they have data in, as the server reads it: not only those of the 200 sessions listed below.
        activities={activities}
        onErased={onErased}
      />
      <h2>{t('player.sessionsHeading')}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('player.activity')}</th>
              <th scope="col">{t('player.session')}</th>
              <th scope="col">{t('player.started')}</th>
              <th scope="col">{t('player.lastSeenColumn')}</th>
              <th scope="col" className="num">
                {t('player.statementsColumn')}
              </th>
              <th scope="col">{t('player.progress')}</th>
              <th scope="col">{t('player.result')}</th>
            </tr>
          </thead>
          <tbody>
            {sessionList.map((s) => (
              <tr key={s.id}>
                <td>{s.activityName ?? <span className="muted">{t('player.gameVersionCode')}</span>}</td>
                <td className="num">#{s.number}</td>
                <td>{formatTime(s.started)}</td>
                <td>{s.ended ? t('player.ended', { time: formatTime(s.ended) }) : formatTime(s.lastSeen)}</td>
                <td className="num">{formatCount(s.statements)}</td>
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
      {/* The server sends the 200 most recent: a student who played all term has more, all in the access file. */}
      {moreSessions && (
        <p className="notice" role="status" data-testid="player-sessions-cut">
          <Trans
            t={t}
            i18nKey="player.sessionsCut"
            values={{ shown: sessionList.length }}
            // biome-ignore lint/a11y/useAnchorContent: Trans puts the wording's <access> text inside
            components={{ access: <a href={accessHref} download /> }}
          />
        </p>
      )}
      <PlayerAlerts playerId={player.id} />
      <h2>{t('player.timeline')}</h2>
      {timeline.length === 0 ? (
        <EmptyState title={t('player.noStatements')}>
          <p>{t('player.noStatementsHint')}</p>
        </EmptyState>
      ) : (
        <ol className="statements">
          {timeline.map((row) => (
            <StatementItem key={row.seq} row={row} showPlayer={false} />
          ))}
        </ol>
      )}
      {/* The 100 most recent: Statements pages through all of this player's, Data exports them. */}
      {moreStatements && (
        <p className="notice" role="status" data-testid="player-timeline-cut">
          <Trans
            t={t}
            i18nKey="player.statementsCut"
            values={{ shown: timeline.length }}
            components={{ statements: <Link to={`/statements?player=${encodeURIComponent(player.id)}`}>{null}</Link>, data: <Link to={dataHref}>{null}</Link> }}
          />
        </p>
      )}
    </>
  );
}
