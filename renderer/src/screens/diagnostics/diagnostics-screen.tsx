import { useEffect, useState } from 'react';
import { apiPost } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ScreenTitle } from '../../components/screen-title';
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
    <article className="card diagnostic" data-kind={group.kind} aria-labelledby={`diagnostic-${group.kind}`}>
      <h2 id={`diagnostic-${group.kind}`}>
        {group.title} <span className="badge">{group.count}</span>
      </h2>
      <p className="fix">{groupFix(group)}</p>
      <table className="small">
        <thead>
          <tr>
            <th scope="col">{silent ? 'Last seen' : 'Last'}</th>
            <th scope="col">{silent ? 'Player' : group.kind.endsWith('code') || group.kind === 'activity-closed' || group.kind === 'not-allowed' ? 'Code tried' : 'Message'}</th>
            <th scope="col">{silent ? 'Activity' : 'From'}</th>
            {/* Every column has a name for a screen reader, also those with nothing to show. */}
            <th scope="col">{silent ? <span className="visually-hidden">Times</span> : 'Times'}</th>
            <th scope="col">
              <span className="visually-hidden">What to do</span>
            </th>
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
                    {/* A logged-in student refused by an activity of another class: "a18 of 1A — refused by 1B history: not in its class". */}
                    {item.activity ? (group.kind === 'not-allowed' ? ` — refused by ${item.activity}: not in its class` : ` · ${item.activity}`) : ''}
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
        Mark as handled<span className="visually-hidden">: {group.title}</span>
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
  return (
    <section>
      <ScreenTitle title="Diagnostics">Diagnostics</ScreenTitle>
      {diagnostics.error && <ErrorBox error={diagnostics.error} onRetry={reload} />}
      {!diagnostics.data && !diagnostics.error && <Loading />}
      {diagnostics.data && <DiagnosticsDetails diagnostics={diagnostics.data} onHandled={reload} />}
    </section>
  );
}

function DiagnosticsDetails({ diagnostics, onHandled }: { diagnostics: Diagnostics; onHandled: () => void }) {
  const { mdns, firstRun, groups, lastLanClient } = diagnostics;
  return (
    <>
      <section className="card" aria-labelledby="network-title">
        <h2 id="network-title">This computer on the network</h2>
        <MdnsStatus mdns={mdns} />
        <p className="muted small" data-testid="last-lan-client">
          {lastLanClient
            ? `Last game or browser from another computer: ${lastLanClient.address} at ${time(lastLanClient.time)}.`
            : 'No other computer has connected since Aula started.'}
        </p>
      </section>
      {firstRun && <FirstRunHelp port={firstRun.port} addresses={firstRun.addresses} />}
      {groups.length === 0 ? (
        <EmptyState title="No connection problems">
          <p>Refused requests and games that go silent appear here as they happen, each with what to do.</p>
        </EmptyState>
      ) : (
        groups.map((group) => <Group key={group.kind} group={group} onHandled={onHandled} />)
      )}
    </>
  );
}
