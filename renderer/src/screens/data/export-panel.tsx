import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, downloadHref } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { useDashboardData } from '../../data';
import { lessonCut } from '../../format/lesson-cut';
import { spreadsheetRowsWarning } from '../../format/spreadsheet-rows';
import { formatTime } from '../../format/time';
import { useLocation } from '../../router';
import { classesChangedIn } from '../classes/class-requests';
import { desktopSaveExport } from './desktop-api';
import { TransferBar } from './transfer-bar';
import { EXPORT_FORMATS, type ExportFormat, type ExportProgress } from './types';

const EXTENSIONS: Record<ExportFormat, string> = { ndjson: 'ndjson', json: 'json', csv: 'csv', 'traces-csv': 'traces.csv', zip: 'zip' };

interface Choices {
  format: ExportFormat;
  activity: string;
  /** A class's name: its activities' statements, as `aula export --class`. */
  klass: string;
  player: string;
  since: string;
  until: string;
  actors: 'per-player' | 'as-sent';
  pseudonymize: boolean;
}

/** The same options as `aula export`, as query parameters of /admin/api/data/export. */
function query(choices: Choices): URLSearchParams {
  const params = new URLSearchParams({ format: choices.format, actors: choices.actors });
  if (choices.activity) params.set('activity', choices.activity);
  if (choices.klass) params.set('class', choices.klass);
  if (choices.player.trim()) params.set('player', choices.player.trim());
  if (choices.since) params.set('since', new Date(choices.since).toISOString());
  if (choices.until) params.set('until', new Date(choices.until).toISOString());
  if (choices.pseudonymize) params.set('pseudonymize', '1');
  return params;
}

/** A player's page links here with `?player=`; `?activity=` takes a tracking code, as the CLI does. */
function initialChoices(search: string): Choices {
  const params = new URLSearchParams(search);
  return { format: 'ndjson', activity: params.get('activity') ?? '', klass: '', player: params.get('player') ?? '', since: '', until: '', actors: 'per-player', pseudonymize: false };
}

export function ExportPanel() {
  const { t } = useTranslation('data');
  const { activities } = useDashboardData();
  const { search } = useLocation();
  const [choices, setChoices] = useState<Choices>(() => initialChoices(search));
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const set = <Key extends keyof Choices>(key: Key, value: Choices[Key]) => setChoices((current) => ({ ...current, [key]: value }));
  // Several classes share the laptop: a researcher exports one class's activities, or cuts one at its lessons.
  const classes = useResource<{ classes: Array<{ id: string; name: string }> }>('/classes', {
    staleOn: (changes) => classesChangedIn(changes).length > 0,
  });
  const chosenActivity = activities.data?.activities.find((a) => a.trackingCode === choices.activity);
  const cut = chosenActivity ? lessonCut(chosenActivity) : null;
  const filters = query({ ...choices, format: 'ndjson' }).toString();
  // Kept current while games send: the count is what an export started now would hold.
  const counted = useResource<{ statements: number }>(`/data/export/count?${filters}`, {
    staleOn: (changes) => changes.statements > 0,
    throttleMs: 1000,
  });
  const count = counted.data?.statements ?? null;
  const problem = counted.error?.message ?? null;
  // Before the download, while the filters can still be narrowed: Excel would drop the rows past its last.
  const rowsWarning = spreadsheetRowsWarning(choices.format, count);
  const countText = problem ?? (count === null ? t('export.counting') : t('export.match', { count }));
  // A screen reader hears the count once after the teacher changes a filter, not each time a game sends. Only from an
  // answer not seen before: in the render where a filter changes, the count is still the previous filters' (it was
  // then heard for the new ones, and the new count never).
  const [heard, setHeard] = useState<{ filters: string; text: string }>({ filters: '', text: '' });
  const answer = counted.error ?? counted.data;
  const [lastAnswer, setLastAnswer] = useState<unknown>(undefined);
  if (answer !== undefined && answer !== lastAnswer) {
    setLastAnswer(answer);
    if (heard.filters !== filters) setHeard({ filters, text: countText });
  }

  // Follows the download on the server's side: exact for every format, in the browser and in the desktop app.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      apiGet<ExportProgress>(`/data/export/progress/${running}`).then(
        (answer) => {
          setProgress(answer);
          if (answer.finished) setRunning(null);
        },
        () => undefined,
      );
    }, 250);
    return () => clearInterval(timer);
  }, [running]);

  const start = async () => {
    const id = `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const params = query(choices);
    params.set('progress', id);
    const path = downloadHref(`/data/export?${params}`);
    const code = activities.data?.activities.find((a) => a.trackingCode === choices.activity)?.trackingCode;
    const suggestedName = `aula-${new Date().toISOString().slice(0, 10)}${code ? `-${code}` : ''}.${EXTENSIONS[choices.format]}`;
    setProgress({ done: 0, total: count ?? 0, finished: false, failed: false });
    setRunning(id);
    const save = desktopSaveExport();
    if (save) {
      const saved = await save({ suggestedName, path });
      if (!saved.saved) setRunning(null);
      return;
    }
    // A plain link: the browser streams the file to disk, however large.
    const link = document.createElement('a');
    link.href = path;
    link.download = suggestedName;
    document.body.append(link);
    link.click();
    link.remove();
  };

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <div className="form-row">
        <label>
          {t('export.format')}
          <select value={choices.format} onChange={(e) => set('format', e.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((format) => (
              <option key={format.value} value={format.value}>
                {t(format.label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('export.activity')}
          <select aria-label={t('export.activityLabel')} value={choices.activity} onChange={(e) => set('activity', e.target.value)}>
            <option value="">{t('export.allActivities')}</option>
            {(activities.data?.activities ?? []).map((activity) => (
              <option key={activity.id} value={activity.trackingCode}>
                {t('export.activityOption', { name: activity.name, code: activity.trackingCode })}
              </option>
            ))}
          </select>
        </label>
        {(classes.data?.classes.length ?? 0) > 0 && (
          <label>
            {t('export.class')}
            <select aria-label={t('export.classLabel')} value={choices.klass} onChange={(e) => set('klass', e.target.value)}>
              <option value="">{t('export.allClasses')}</option>
              {(classes.data?.classes ?? []).map((found) => (
                <option key={found.id} value={found.name}>
                  {found.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('export.player')}
          <input value={choices.player} onChange={(e) => set('player', e.target.value)} placeholder={t('export.playerPlaceholder')} title={t('export.playerTitle')} />
        </label>
        {/* The period's two ends wrap together: "until" alone on a line of its own read as a filter of its own. */}
        <div className="date-range">
          <label>
            {t('export.storedFrom')}
            <input type="datetime-local" step={1} value={choices.since} onChange={(e) => set('since', e.target.value)} />
          </label>
          <label>
            {t('export.until')}
            <input type="datetime-local" step={1} value={choices.until} onChange={(e) => set('until', e.target.value)} />
          </label>
        </div>
      </div>
      {chosenActivity && cut && (
        <p className="small lesson-cut">
          {t(cut.reopened ? 'export.reopened' : 'export.lastOpened', {
            name: chosenActivity.name,
            closed: formatTime(chosenActivity.closed),
            opened: formatTime(chosenActivity.opened),
          })}
          <button type="button" onClick={() => setChoices((current) => ({ ...current, since: '', until: cut.at }))}>
            {t(cut.reopened ? 'export.beforeReopening' : 'export.beforeLastOpening')}
          </button>{' '}
          <button type="button" onClick={() => setChoices((current) => ({ ...current, since: cut.at, until: '' }))}>
            {t(cut.reopened ? 'export.sinceReopening' : 'export.sinceLastOpening')}
          </button>
        </p>
      )}
      <div className="form-row">
        <label>
          {t('export.actors')}
          <select value={choices.actors} onChange={(e) => set('actors', e.target.value as Choices['actors'])}>
            <option value="per-player">{t('export.perPlayer')}</option>
            <option value="as-sent">{t('export.asSent')}</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={choices.pseudonymize} onChange={(e) => set('pseudonymize', e.target.checked)} />
          {t('export.pseudonymise')}
        </label>
        <button type="button" className="button-primary" onClick={start} disabled={running !== null || problem !== null}>
          {t('export.export')}
        </button>
      </div>
      <p className="small" data-testid="export-count">
        {countText}
      </p>
      {rowsWarning && (
        <p className="warning" data-testid="export-rows-warning">
          {rowsWarning}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {heard.text}
      </p>
      {progress && (
        <div data-testid="export-progress">
          <TransferBar done={progress.done} total={progress.total} label={t('export.progress')} />
          {progress.finished && (
            <p className={progress.failed ? 'warning' : 'notice'} role="status">
              {progress.failed ? t('export.stopped') : t('export.exported', { done: progress.done, total: progress.total })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
