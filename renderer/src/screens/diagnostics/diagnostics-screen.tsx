import { useEffect, useState } from 'react';
import { apiPost } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { EmptyState, ErrorBox, Loading } from '../../components/states';
import { mdnsOffReason } from '../../format/mdns-off';
import { FirstRunHelp } from './first-run-help';
import { groupFix, itemFix } from './fixes';
import type { DiagnosticGroup, Diagnostics, MdnsInfo } from './types';

/** Silent games and the first-run check depend on time passing, not on events: look again this often. */
const REFRESH_MS = 5000;

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString();
}

function MdnsStatus({ mdns }: { mdns: MdnsInfo }) {
  if (!mdns.enabled) {
    return (
      <p className="muted" data-testid="mdns-status">
        Name on the network: off ({mdnsOffReason(mdns.reason)}).
      </p>
    );
  }
  return (
    <p data-testid="mdns-status">
      Name on the network: <code>{mdns.hostName}</code> ({mdns.state}
      {mdns.addresses.length > 0 ? `, ${mdns.addresses.join(', ')}` : ', no network yet'})
      {mdns.conflict && <span className="warning small"> {mdns.conflict} is used by another device, so Aula took {mdns.hostName}.</span>}
      {mdns.error && <span className="warning small"> {mdns.error}</span>}
    </p>
  );
}

function Group({ group, onHandled }: { group: DiagnosticGroup; onHandled: () => void }) {
  const [busy, setBusy] = useState(false);
  // A silent game is one session each: its activity stands where refusals show the address, and there is nothing to count.
  const silent = group.kind === 'silent-games';
  const handled = () => {
    setBusy(true);
    apiPost('/diagnostics/clear', { kind: group.kind })
      .then(onHandled, onHandled)
      .finally(() => setBusy(false));
  };
  return (
    <article className="card diagnostic" data-kind={group.kind}>
      <h3>
        {group.title} <span className="badge">{group.count}</span>
      </h3>
      <p className="fix">{groupFix(group)}</p>
      <table className="small">
        <thead>
          <tr>
            <th>{silent ? 'Last seen' : 'Last'}</th>
            <th>{silent ? 'Player' : group.kind.endsWith('code') || group.kind === 'activity-closed' || group.kind === 'not-allowed' ? 'Code tried' : 'Message'}</th>
            <th>{silent ? 'Activity' : 'From'}</th>
            <th>{silent ? '' : 'Times'}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {group.items.map((item) => (
            <tr key={`${item.detail}|${item.address}|${item.sessionId}`} className="diagnostic-item">
              <td>{time(item.time)}</td>
              <td>
                <code>{item.detail}</code>
                {item.sample && (
                  <details>
                    <summary>Sample sent</summary>
                    <pre className="sample">{item.sample}</pre>
                  </details>
                )}
              </td>
              <td>
                {item.address ?? (item.activity ? item.activity : '')}
                {!silent && item.player && (
                  <div className="muted diagnostic-player">
                    {item.player}
                    {item.activity ? ` · ${item.activity}` : ''}
                  </div>
                )}
              </td>
              <td>{silent ? '' : item.count}</td>
              <td className="item-fix">{itemFix(group, item)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button-small" onClick={handled} disabled={busy}>
        Mark as handled
      </button>
    </article>
  );
}

/** Why games do not reach Aula, live: refused requests grouped with a fix each, silent games, first-run help. */
export function DiagnosticsScreen() {
  const diagnostics = useResource<Diagnostics>('/diagnostics', {
    staleOn: (changes) => changes.rejectedCount > 0 || changes.sessions.length > 0 || Object.keys(changes.activities).length > 0,
    throttleMs: 500,
  });
  const { reload } = diagnostics;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  if (diagnostics.error) return <ErrorBox error={diagnostics.error} onRetry={reload} />;
  if (!diagnostics.data) return <Loading />;
  const { mdns, firstRun, groups, lastLanClient } = diagnostics.data;
  return (
    <section>
      <h2>Diagnostics</h2>
      <div className="card">
        <MdnsStatus mdns={mdns} />
        <p className="muted small" data-testid="last-lan-client">
          {lastLanClient
            ? `Last game or browser from another computer: ${lastLanClient.address} at ${time(lastLanClient.time)}.`
            : 'No other computer has connected since Aula started.'}
        </p>
      </div>
      {firstRun && <FirstRunHelp port={firstRun.port} addresses={firstRun.addresses} />}
      {groups.length === 0 ? (
        <EmptyState title="No connection problems">
          <p>Refused requests and games that go silent appear here as they happen, each with what to do.</p>
        </EmptyState>
      ) : (
        groups.map((group) => <Group key={group.kind} group={group} onHandled={reload} />)
      )}
    </section>
  );
}
