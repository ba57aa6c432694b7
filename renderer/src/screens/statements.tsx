import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client';
import type { PlayerSummary, StatementRow } from '../api/types';
import { useResource } from '../api/use-resource';
import { ScreenTitle } from '../components/screen-title';
import { StatementItem } from '../components/statement-item';
import { EmptyState, ErrorBox, Loading } from '../components/states';
import { useDashboardData } from '../data';
import { playerLabel } from '../format/player-name';
import { knownVerbs } from '../format/verbs';
import { t as translate } from '../i18n/setup';
import { useLocation } from '../router';

const PAGE = 50;

type PlayersAnswer = { players: PlayerSummary[] };

export function StatementsScreen() {
  const { t } = useTranslation('players');
  const { activities } = useDashboardData();
  // A link may choose the filters: /statements?activity=<id>&player=<id>&verb=<iri>; another such link, taken while
  // the screen shows, chooses again.
  const { search } = useLocation();
  const [linked, setLinked] = useState(search);
  const fromLink = (name: string) => new URLSearchParams(search).get(name) ?? '';
  const [activity, setActivity] = useState(() => fromLink('activity'));
  const [player, setPlayer] = useState(() => fromLink('player'));
  const [verb, setVerb] = useState(() => fromLink('verb'));
  if (linked !== search) {
    setLinked(search);
    setActivity(fromLink('activity'));
    setPlayer(fromLink('player'));
    setVerb(fromLink('verb'));
  }
  // The Player list offers the chosen activity's players: everyone (the 1,000 most recently seen, 240 kB after a
  // term, npm run bench:term) only when no activity is chosen.
  const players = useResource<PlayersAnswer>(activity ? `/activities/${encodeURIComponent(activity)}/players` : '/players?limit=1000');
  // The chosen player keeps their name in the list when they are not among its players (an older one, another
  // activity's, or the list still loading): a link's player shows as chosen, not as "all players".
  const chosen = useResource<PlayersAnswer>(player ? `/players?q=${encodeURIComponent(player)}&limit=10` : null);
  const chosenRow = chosen.data?.players.find((p) => p.player.id === player);
  const chosenListed = players.data?.players.some((p) => p.player.id === player) ?? false;
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (activity) query.set('activity', activity);
  if (player) query.set('player', player);
  if (verb) query.set('verb', verb);
  const path = `/statements?${query}`;
  const page = useResource<{ statements: StatementRow[] }>(path, {
    staleOn: (changes) =>
      changes.statements > 0 && (!activity || changes.activities[activity] !== undefined) && (!player || changes.players.includes(player)),
    throttleMs: 500,
  });
  const [older, setOlder] = useState<StatementRow[]>([]);
  const [olderError, setOlderError] = useState<Error | null>(null);
  const [exhausted, setExhausted] = useState(false);
  const [pagedPath, setPagedPath] = useState(path);
  if (pagedPath !== path) {
    // New filters: older pages belonged to the old ones.
    setPagedPath(path);
    setOlder([]);
    setExhausted(false);
    setOlderError(null);
  }

  const newest = page.data?.statements ?? [];
  const oldestNew = newest.at(-1)?.seq ?? Number.POSITIVE_INFINITY;
  // The live first page moves on; older pages stay, minus what the first page now holds.
  const rows = [...newest, ...older.filter((row) => row.seq < oldestNew)];
  const loadOlder = async () => {
    const before = rows.at(-1)?.seq;
    if (before === undefined) return;
    const more = new URLSearchParams(query);
    more.set('before', String(before));
    try {
      const { statements } = await apiGet<{ statements: StatementRow[] }>(`/statements?${more}`);
      setOlder((current) => [...current, ...statements]);
      if (statements.length < PAGE) setExhausted(true);
    } catch (problem) {
      setOlderError(problem as Error);
    }
  };

  return (
    <section>
      <div className="screen-head">
        <ScreenTitle title={t('statements.title')}>{t('statements.title')}</ScreenTitle>
        <span className="muted">{t('statements.order')}</span>
      </div>
      <fieldset className="toolbar">
        <legend className="visually-hidden">{t('statements.filtersLegend')}</legend>
        <label>
          {t('filters.activity')}
          <select value={activity} onChange={(event) => setActivity(event.target.value)}>
            <option value="">{t('filters.allActivities')}</option>
            {activities.data?.activities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.player')}
          <select value={player} onChange={(event) => setPlayer(event.target.value)}>
            <option value="">{t('statements.allPlayers')}</option>
            {player && !chosenListed && (
              <option value={player}>
                {chosenRow ? playerOptionLabel(chosenRow) : chosen.loading ? t('statements.chosenPlayer') : t('statements.noSuchPlayer', { id: player })}
              </option>
            )}
            {players.data?.players.map((p) => (
              <option key={p.player.id} value={p.player.id}>
                {playerOptionLabel(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('statements.verb')}
          <select value={verb} onChange={(event) => setVerb(event.target.value)}>
            <option value="">{t('statements.allVerbs')}</option>
            {knownVerbs().map(([iri, label]) => (
              <option key={iri} value={iri}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {page.error && <ErrorBox error={page.error} onRetry={page.reload} />}
      {!page.data && !page.error && <Loading />}
      {page.data && rows.length === 0 && (
        <EmptyState title={activity || player || verb ? t('statements.noMatch') : t('statements.none')}>
          <p>{t('statements.noneHint')}</p>
        </EmptyState>
      )}
      {rows.length > 0 && (
        <>
          <ol className="statements">
            {rows.map((row) => (
              <StatementItem key={row.seq} row={row} showActivity={!activity} />
            ))}
          </ol>
          {olderError && <ErrorBox error={olderError} />}
          {!exhausted && rows.length >= PAGE && (
            <button type="button" className="button-small" onClick={loadOlder}>
              {t('statements.loadOlder')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function playerOptionLabel(row: PlayerSummary): string {
  const name = playerLabel(row.player);
  return row.player.kind === 'anonymous' ? translate('players:statements.anonymousPlayer', { name }) : name;
}
