import { useState } from 'react';
import type { ConnectInfo } from '../api/types';
import { useResource } from '../api/use-resource';
import { CopyButton } from '../components/copy-button';
import { QrCode } from '../components/qr-code';
import { ScreenTitle } from '../components/screen-title';
import { EmptyState, ErrorBox, Loading } from '../components/states';
import { connectLink } from '../format/connect-link';
import { Link } from '../router';
import { XapiPart } from './connect-xapi';
import { FirstRunNotice, MdnsName, useMdnsHost } from './diagnostics/mdns-name';
import { TrackerSettings } from './tracker-settings';

/**
 * Cards drawn at first, newest first; open activities are always drawn. After a term of 120 activities, a QR code each
 * kept the screen busy half a second (npm run bench:term): the older closed ones are a button away.
 */
export const CONNECT_CARDS_AT_ONCE = 10;

/** 127.x: reaches the laptop Aula runs on, never a student's machine. */
const isThisComputerOnly = (url: string): boolean => new URL(url).hostname.startsWith('127.');

export function ConnectScreen() {
  const info = useResource<ConnectInfo>('/connect', {
    staleOn: (changes) => Object.keys(changes.activities).length > 0 && changes.statements === 0,
  });
  const mdnsHost = useMdnsHost();
  return (
    <section>
      <ScreenTitle title="Connect">Connect the games</ScreenTitle>
      {info.error && <ErrorBox error={info.error} onRetry={info.reload} />}
      {!info.data && !info.error && <Loading />}
      {info.data && <ConnectDetails info={info.data} mdnsHost={mdnsHost} />}
    </section>
  );
}

function ConnectDetails({ info, mdnsHost }: { info: ConnectInfo; mdnsHost: string | undefined }) {
  const { urls, port, reachableFromLan, activities } = info;
  // The LAN name survives IP changes: games and QR codes use it when Aula answers for it.
  const primary = mdnsHost ? `http://${mdnsHost}:${port}/` : (urls[0] ?? `http://127.0.0.1:${port}/`);
  const [everyCard, setEveryCard] = useState(false);
  const newestFirst = [...activities].reverse();
  const drawn = everyCard ? newestFirst : newestFirst.filter((activity, index) => activity.open || index < CONNECT_CARDS_AT_ONCE);
  const olderClosed = newestFirst.length - drawn.length;
  return (
    <>
      <div className="card">
        <h2>This collector's address</h2>
        <ul className="urls">
          {urls.map((url) => (
            <li key={url}>
              <code className="url">{url}</code> <CopyButton text={url} label="Copy address" />
              {isThisComputerOnly(url) && <span className="muted small"> only for a game on this computer</span>}
            </li>
          ))}
        </ul>
        <p className="muted">Port {port}. Give the students' games an address of their network; 127.0.0.1 reaches this computer only.</p>
        <MdnsName port={port} />
        <FirstRunNotice />
        {!reachableFromLan && (
          <p className="warning" role="alert">
            Aula is listening on this computer only, so games on other computers cannot reach it. Start it with{' '}
            <code>aula serve --host 0.0.0.0</code> to accept games from the classroom network.
          </p>
        )}
        <p className="howto">
          <strong>How to point your game here:</strong> in the game's tracker settings set the host to <code>{primary}</code> and the
          tracking code to the activity's code below (or scan its QR code).
        </p>
        <TrackerSettings primary={primary} port={port} />
      </div>
      {activities.length === 0 ? (
        <EmptyState title="No tracking code yet">
          <p>
            Tracking codes belong to activities. <Link to="/activities">Create an activity</Link> and its code and QR code
            appear here.
          </p>
        </EmptyState>
      ) : (
        <div className="cards">
          {drawn.map((activity) => {
            const link = connectLink(primary, activity.trackingCode);
            return (
              <article key={activity.id} className="card connect-card" data-activity-id={activity.id}>
                <h2>{activity.name}</h2>
                <p className="muted small">
                  {activity.game} · {activity.open ? 'open' : 'closed: games cannot start until you open it'}
                </p>
                <p className="big-code">
                  <code className="code tracking-code">{activity.trackingCode}</code>
                </p>
                <QrCode text={link} label={`QR code for ${activity.name}: ${link}`} />
                <p className="small">
                  <code>{link}</code>
                </p>
                <div className="buttons">
                  <CopyButton text={activity.trackingCode} label="Copy code" />
                  <CopyButton text={link} label="Copy link" />
                </div>
                <XapiPart activity={activity} primary={primary} />
              </article>
            );
          })}
        </div>
      )}
      {olderClosed > 0 && (
        <p>
          <button type="button" className="button-small" onClick={() => setEveryCard(true)}>
            Show the {olderClosed === 1 ? 'older closed activity' : `${olderClosed} older closed activities`}
          </button>
        </p>
      )}
    </>
  );
}
