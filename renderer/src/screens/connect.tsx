import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('activities');
  return (
    <section>
      <ScreenTitle title={t('connect.title')}>{t('connect.heading')}</ScreenTitle>
      {info.error && <ErrorBox error={info.error} onRetry={info.reload} />}
      {!info.data && !info.error && <Loading />}
      {info.data && <ConnectDetails info={info.data} mdnsHost={mdnsHost} />}
    </section>
  );
}

function ConnectDetails({ info, mdnsHost }: { info: ConnectInfo; mdnsHost: string | undefined }) {
  const { t } = useTranslation('activities');
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
        <h2>{t('connect.address')}</h2>
        <ul className="urls">
          {urls.map((url) => (
            <li key={url}>
              <code className="url">{url}</code> <CopyButton text={url} label={t('connect.copyAddress')} />
              {isThisComputerOnly(url) && <span className="muted small"> {t('connect.thisComputerOnly')}</span>}
            </li>
          ))}
        </ul>
        <p className="muted">{t('connect.port', { port })}</p>
        <MdnsName port={port} />
        <FirstRunNotice />
        {!reachableFromLan && (
          <p className="warning" role="alert">
            <Trans t={t} i18nKey="connect.notReachable" values={{ command: 'aula serve --host 0.0.0.0' }} components={{ code: <code /> }} />
          </p>
        )}
        <p className="howto">
          <Trans t={t} i18nKey="connect.howTo" values={{ host: primary }} components={{ strong: <strong />, code: <code /> }} />
        </p>
        <TrackerSettings primary={primary} port={port} />
      </div>
      {activities.length === 0 ? (
        <EmptyState title={t('connect.emptyTitle')}>
          <p>
            <Trans t={t} i18nKey="connect.emptyBody" components={{ go: <Link to="/activities">{null}</Link> }} />
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
                  {activity.game} · {activity.open ? t('connect.open') : t('connect.closed')}
                </p>
                <p className="big-code">
                  <code className="code tracking-code">{activity.trackingCode}</code>
                </p>
                <QrCode text={link} label={t('connect.qrLabel', { name: activity.name, link })} />
                <p className="small">
                  <code>{link}</code>
                </p>
                <div className="buttons">
                  <CopyButton text={activity.trackingCode} label={t('connect.copyCode')} />
                  <CopyButton text={link} label={t('connect.copyLink')} />
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
            {t('connect.showOlder', { count: olderClosed })}
          </button>
        </p>
      )}
    </>
  );
}
