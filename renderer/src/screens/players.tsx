import { useEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PlayerRef, PlayerSummary } from '../api/types';
import { useResource } from '../api/use-resource';
import { PlayerName } from '../components/player-name';
import { ScreenTitle } from '../components/screen-title';
import { EmptyState, ErrorBox, Loading } from '../components/states';
import { useDashboardData } from '../data';
import { formatCount, formatTime } from '../format/time';
import { Link } from '../router';
import { useDebounced } from '../use-debounced';
import { forgetErasedNotice, pendingErasedNotice } from './erased-notice';

/** "students (logged in)" are roster students: a player an xAPI game identified shows under "xAPI players" instead. */
/**
 * Rows drawn at a time: after a term a laptop knows thousands of players, and drawing the 1,000 most recent at once kept
 * the screen blank for a second or more (npm run bench:term); the rest are a "Show more" away, the search finds any.
 */
export const PLAYERS_SHOWN_AT_ONCE = 100;

/** How long the search box waits for the teacher to stop typing before it asks the server. */
const SEARCH_PAUSE_MS = 250;

/** `more`: more players match than the server's limit (the 1,000 seen most recently, an activity's 500). */
type PlayersAnswer = { players: PlayerSummary[]; more?: boolean };

type Kind = 'all' | 'anonymous' | 'identified' | 'xapi';

/**
 * The server chooses the kind (GET /players?kind=, server/admin/player-kind.ts), before its limit: chosen here among the
 * rows it sent, "students" after a term showed only those among the 1,000 players seen most recently. Still applied to
 * the rows on screen, so the last answer's rows do not show under another kind while the new answer loads.
 */
function playersPath(listPath: string, search: string, kind: Kind): string {
  const query = new URLSearchParams();
  if (search) query.set('q', search);
  if (kind !== 'all') query.set('kind', kind);
  const text = query.toString();
  return text ? `${listPath}?${text}` : listPath;
}

function shownForKind(player: PlayerRef, kind: Kind): boolean {
  if (kind === 'all') return true;
  if (kind === 'xapi') return player.xapi;
  return player.kind === kind && !player.xapi;
}

export function PlayersScreen() {
  const { t } = useTranslation('players');
  const { activities } = useDashboardData();
  // One laptop, several classes: each teacher looks for their own class's players, with that activity's counts.
  const [activity, setActivity] = useState('');
  const [filter, setFilter] = useState('');
  // The server searches: the screen holds only the most recently seen players, and after a term the student to find
  // may have been seen before all of them (GET /players?q=, the name the row shows or a player id).
  const search = useDebounced(filter.trim(), SEARCH_PAUSE_MS);
  const listPath = activity ? `/activities/${encodeURIComponent(activity)}/players` : '/players';
  const [kind, setKind] = useState<Kind>('all');
  const players = useResource<PlayersAnswer>(playersPath(listPath, search, kind), {
    staleOn: (changes) => changes.players.length > 0 && (!activity || changes.activities[activity] !== undefined),
    throttleMs: 1000,
  });
  // While the answer to a new search loads, the rows found before stay: the list does not blank at each pause in the
  // typing, nor the box go away with it (and the keyboard's focus with the box). Another activity starts afresh.
  const [previous, setPrevious] = useState<{ activity: string; search: string; answer: PlayersAnswer }>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: recorded when an answer arrives, for the activity and search asked
  useEffect(() => {
    if (players.data) setPrevious({ activity, search, answer: players.data });
  }, [players.data]);
  const answer = players.data ?? (previous?.activity === activity ? previous.answer : undefined);
  // The rows shown are a search's until the answer without it replaces them: once the box is cleared they are still
  // the last search's for a moment, and read as everyone's, a search that had found nobody showed "Nobody has played
  // yet" instead of the table, and the box went away with the keyboard's focus.
  const shownSearch = answer !== undefined && answer === previous?.answer ? previous.search : search;
  const searching = filter.trim() !== '' || search !== '' || shownSearch !== '';
  // A kind with nobody of it is an empty result of the filters, not "Nobody has played yet" (nor the filters gone).
  const narrowed = searching || kind !== 'all';
  const [shown, setShown] = useState(PLAYERS_SHOWN_AT_ONCE);
  // Another choice starts again from its first rows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on these choices only
  useEffect(() => setShown(PLAYERS_SHOWN_AT_ONCE), [activity, search, kind]);
  const [erased] = useState(pendingErasedNotice);
  useEffect(forgetErasedNotice, []);
  const rows = useMemo(() => (answer?.players ?? []).filter((p) => shownForKind(p.player, kind)), [answer, kind]);
  const filters = (
    <fieldset className="toolbar">
      <legend className="visually-hidden">{t('list.filtersLegend')}</legend>
      <label>
        {t('filters.activity')}
        <select value={activity} onChange={(event) => setActivity(event.target.value)}>
          <option value="">{t('filters.allActivities')}</option>
          {activities.data?.activities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.className ? t('list.activityOfClass', { name: a.name, className: a.className }) : a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('list.find')}
        <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder={t('list.findPlaceholder')} />
      </label>
      <label>
        {t('list.show')}
        <select value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          <option value="all">{t('list.everyone')}</option>
          <option value="identified">{t('list.students')}</option>
          <option value="xapi">{t('list.xapi')}</option>
          <option value="anonymous">{t('list.anonymous')}</option>
        </select>
      </label>
    </fieldset>
  );
  return (
    <section>
      <div className="screen-head">
        <ScreenTitle title={t('list.title')}>{t('list.title')}</ScreenTitle>
      </div>
      {erased && (
        <p className="notice" role="status">
          {erased}
        </p>
      )}
      {/* Kept while another activity's players load, so the Activity list keeps the keyboard's focus. */}
      {(activity || narrowed || (answer && answer.players.length > 0)) && filters}
      {players.error && <ErrorBox error={players.error} onRetry={players.reload} />}
      {!answer && !players.error && <Loading />}
      {answer && answer.players.length === 0 && !narrowed && activity && (
        <EmptyState title={t('list.noneInActivity')}>
          <p>
            <Trans t={t} i18nKey="list.noneInActivityHint" components={{ connect: <Link to="/connect">{null}</Link> }} />
          </p>
        </EmptyState>
      )}
      {answer && answer.players.length === 0 && !narrowed && !activity && (
        <EmptyState title={t('list.none')}>
          <p>
            <Trans t={t} i18nKey="list.noneHint" components={{ connect: <Link to="/connect">{null}</Link> }} />
          </p>
        </EmptyState>
      )}
      {/* The server sent only the players seen most recently: said, with the way to the others. */}
      {answer?.more && (
        <p className="notice" role="status" data-testid="players-cut">
          {t(shownSearch ? 'list.cutSearch' : 'list.cut', { shown: answer.players.length })}
        </p>
      )}
      {answer && (answer.players.length > 0 || narrowed) && (
        <div className="table-wrap" aria-busy={!players.data}>
            <table className="table players-table">
              <thead>
                <tr>
                  <th scope="col">{t('filters.player')}</th>
                  <th scope="col" className="num">
                    {t('list.sessions')}
                  </th>
                  <th scope="col" className="num">
                    {t('list.statements')}
                  </th>
                  <th scope="col">{t('list.firstSeen')}</th>
                  <th scope="col">{t('list.lastSeen')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, shown).map((p) => (
                  <tr key={p.player.id} data-player-id={p.player.id}>
                    <td>
                      <PlayerName player={p.player} />
                    </td>
                    <td className="num">{formatCount(p.sessions)}</td>
                    <td className="num">{formatCount(p.statements)}</td>
                    <td>{formatTime(p.created)}</td>
                    <td>{formatTime(p.lastSeen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 && <p className="muted">{t('list.noMatch')}</p>}
            {rows.length > shown && (
              <p className="muted">
                {t('list.shownOf', { shown, total: rows.length })}{' '}
                <button type="button" className="button-small" onClick={() => setShown((count) => count + PLAYERS_SHOWN_AT_ONCE)}>
                  {t('list.showMore', { more: Math.min(PLAYERS_SHOWN_AT_ONCE, rows.length - shown) })}
                </button>
              </p>
            )}
          </div>
      )}
    </section>
  );
}
