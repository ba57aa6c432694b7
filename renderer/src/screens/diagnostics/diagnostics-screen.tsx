import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ScreenTitle } from '../../components/screen-title';
import { EmptyState, ErrorBox, Loading } from '../../components/states';
import { mdnsOffReason } from '../../format/mdns-off';
import { formatCount, formatTime } from '../../format/time';
import { useLocation } from '../../router';
import { FirstRunHelp } from './first-run-help';
import { groupFix, itemFix } from './fixes';
import { SessionHeading, SessionProblem } from './session-heading';
import type { DiagnosticGroup, DiagnosticItem, Diagnostics, MdnsInfo } from './types';
import { detailText, mdnsErrorText, whoText } from './wording';

/** Silent games and the first-run check depend on time passing, not on events: look again this often. */
const REFRESH_MS = 5000;

function MdnsStatus({ mdns }: { mdns: MdnsInfo }) {
  const { t } = useTranslation('diagnostics');
  if (!mdns.enabled) {
    return (
      <p className="muted" data-testid="mdns-status">
        {t('network.off', { reason: mdnsOffReason(mdns.reason) })}
      </p>
    );
  }
  const values = { hostName: mdns.hostName, state: t(`mdnsState.${mdns.state}`), addresses: mdns.addresses.join(', ') };
  return (
    <p data-testid="mdns-status">
      <Trans t={t} i18nKey={mdns.addresses.length > 0 ? 'network.name' : 'network.nameNoNetwork'} values={values} components={{ code: <code /> }} />
      {mdns.conflict && <span className="warning small"> {t('network.conflict', { conflict: mdns.conflict, hostName: mdns.hostName })}</span>}
      {mdns.error && <span className="warning small"> {mdnsErrorText(mdns.error)}</span>}
    </p>
  );
}

/** Whose game a line is about, with the activity that refused it or where it played. */
function ItemPlayer({ kind, item }: { kind: DiagnosticGroup['kind']; item: DiagnosticItem }) {
  const { t } = useTranslation('diagnostics');
  if (!item.player) return null;
  const activity = item.activity;
  return (
    <div className="muted diagnostic-player">
      {whoText(item)}
      {/* A logged-in student refused by an activity of another class: "a18 of 1A — refused by 1B history: not in its class". */}
      {activity ? (kind === 'not-allowed' ? t('refusedBy', { activity }) : t('withActivity', { activity })) : ''}
    </div>
  );
}

interface GroupProps {
  group: DiagnosticGroup;
  onHandled: () => void;
  /** Asks for every line of this group, not only the 20 most recent (`?all=<kind>`). */
  onListAll: (kind: DiagnosticGroup['kind']) => void;
  /**
   * One session's refusals (`?session=<id>`): every one is listed whatever was marked as handled, so "Mark as handled"
   * and "List them all" (the whole screen's) are not offered.
   */
  ofSession?: boolean;
}

function Group({ group, onHandled, onListAll, ofSession = false }: GroupProps) {
  const { t } = useTranslation('diagnostics');
  const [busy, setBusy] = useState(false);
  const title = t(`groups.${group.kind}`);
  // A silent game is one session each: its activity stands where refusals show the address, and there is nothing to count.
  const silent = group.kind === 'silent-games';
  const handled = () => {
    setBusy(true);
    apiPost('/diagnostics/clear', { kind: group.kind })
      .then(onHandled, onHandled)
      .finally(() => setBusy(false));
  };
  return (
    <article className="card diagnostic" data-kind={group.kind} aria-labelledby={`diagnostic-${group.kind}`}>
      <h2 id={`diagnostic-${group.kind}`}>
        {title} <span className="badge">{formatCount(group.count)}</span>
      </h2>
      <p className="fix">{groupFix(group)}</p>
      <table className="small">
        <thead>
          <tr>
            <th scope="col">{silent ? t('columns.lastSeen') : t('columns.last')}</th>
            <th scope="col">
              {silent
                ? t('columns.player')
                : group.kind.endsWith('code') || group.kind === 'activity-closed' || group.kind === 'not-allowed'
                  ? t('columns.codeTried')
                  : t('columns.message')}
            </th>
            <th scope="col">{silent ? t('columns.activity') : t('columns.from')}</th>
            {/* Every column has a name for a screen reader, also those with nothing to show. */}
            <th scope="col">{silent ? <span className="visually-hidden">{t('columns.times')}</span> : t('columns.times')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('columns.whatToDo')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {group.items.map((item) => (
            <tr key={`${item.detail}|${item.address}|${item.sessionId}|${item.player}`} className="diagnostic-item">
              <td>{formatTime(item.time)}</td>
              <td>
                <code>{silent ? whoText(item) : detailText(item.detail)}</code>
                {item.sample && (
                  <details>
                    <summary>{t('sampleSent')}</summary>
                    <pre className="sample">{item.sample}</pre>
                  </details>
                )}
              </td>
              <td>
                {item.address ?? (item.activity ? item.activity : '')}
                {!silent && <ItemPlayer kind={group.kind} item={item} />}
              </td>
              <td>{silent ? '' : formatCount(item.count)}</td>
              <td className="item-fix">{itemFix(group, item)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* The lines past those listed are said, with how to reach them: 30 games silent, 20 names shown, and no word of 10. */}
      {group.more > 0 && (
        <p className="muted small" data-testid="diagnostic-more">
          {t(silent ? 'moreSilent' : 'more', { count: group.more })}
        </p>
      )}
      {/* Silent games are all listed already (up to 500): Live holds the rest. */}
      {group.more > 0 && !silent && !ofSession && (
        <button type="button" className="button-small" onClick={() => onListAll(group.kind)}>
          {t('listAll')}
          <span className="visually-hidden">: {title}</span>
        </button>
      )}
      {!ofSession && (
        <button type="button" className="button-small" onClick={handled} disabled={busy}>
          {t('markHandled')}
          <span className="visually-hidden">: {title}</span>
        </button>
      )}
    </article>
  );
}

/** Why games do not reach Aula, live: refused requests grouped with a fix each, silent games, first-run help. */
export function DiagnosticsScreen() {
  const { t } = useTranslation('diagnostics');
  // The one group the teacher asked to see whole: every line of the hour's refusals, not the 20 most recent.
  const [listAll, setListAll] = useState<DiagnosticGroup['kind'] | null>(null);
  // Live's "N batches refused" names its session: that session's refusals, whatever their age or handled mark.
  const session = new URLSearchParams(useLocation().search).get('session');
  const path =
    session !== null ? `/diagnostics?session=${encodeURIComponent(session)}` : listAll ? `/diagnostics?all=${listAll}` : '/diagnostics';
  const diagnostics = useResource<Diagnostics>(path, {
    staleOn: (changes) => changes.rejectedCount > 0 || changes.sessions.length > 0 || Object.keys(changes.activities).length > 0,
    throttleMs: 500,
  });
  const { reload } = diagnostics;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <section>
      <ScreenTitle title={t('title')}>{t('title')}</ScreenTitle>
      {diagnostics.error &&
        (session !== null ? <SessionProblem error={diagnostics.error} onRetry={reload} /> : <ErrorBox error={diagnostics.error} onRetry={reload} />)}
      {!diagnostics.data && !diagnostics.error && <Loading />}
      {diagnostics.data && <DiagnosticsDetails diagnostics={diagnostics.data} onHandled={reload} onListAll={setListAll} />}
    </section>
  );
}

function DiagnosticsDetails({ diagnostics, onHandled, onListAll }: { diagnostics: Diagnostics } & Omit<GroupProps, 'group'>) {
  const { t } = useTranslation('diagnostics');
  const { mdns, firstRun, groups, lastLanClient, session } = diagnostics;
  if (session) {
    return (
      <>
        <SessionHeading session={session} />
        {groups.length === 0 ? (
          <EmptyState title={t('session.none')}>
            <p>{t('session.noneBody')}</p>
          </EmptyState>
        ) : (
          groups.map((group) => <Group key={group.kind} group={group} onHandled={onHandled} onListAll={onListAll} ofSession />)
        )}
      </>
    );
  }
  return (
    <>
      <section className="card" aria-labelledby="network-title">
        <h2 id="network-title">{t('network.title')}</h2>
        <MdnsStatus mdns={mdns} />
        <p className="muted small" data-testid="last-lan-client">
          {lastLanClient
            ? t('network.lastClient', { address: lastLanClient.address, time: formatTime(lastLanClient.time) })
            : t('network.noClient')}
        </p>
      </section>
      {firstRun && <FirstRunHelp port={firstRun.port} addresses={firstRun.addresses} />}
      {groups.length === 0 ? (
        <EmptyState title={t('empty.title')}>
          <p>{t('empty.body')}</p>
        </EmptyState>
      ) : (
        groups.map((group) => <Group key={group.kind} group={group} onHandled={onHandled} onListAll={onListAll} />)
      )}
    </>
  );
}
