import { useState } from 'react';
import { apiPost } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ScreenTitle } from '../../components/screen-title';
import { ErrorBox, Loading } from '../../components/states';
import { mdnsOffReason } from '../../format/mdns-off';
import { BackupsCard } from './backups-card';
import { TeacherKeyCard } from './teacher-key-card';
import type { Settings } from './types';

function mdnsText(mdns: Settings['mdns']): string {
  if (mdns.enabled) return `On: Aula answers as ${mdns.hostName} (${mdns.state}).`;
  if (mdns.reason === 'not-on-lan') return 'Off: Aula listens on this computer only.';
  return `Off (${mdnsOffReason(mdns.reason)}); games use the IP address.`;
}

/** Where another device opens the dashboard: the LAN name when Aula answers for it, else the first network address. */
function teacherUrl(s: Settings): string | null {
  if (s.mdns.enabled) return `http://${s.mdns.hostName}:${s.collector.port}/teacher`;
  const [first] = s.collector.urls;
  return first ? new URL('teacher', first).href : null;
}

/** The switch for the LAN name; the command-line switch (--no-mdns) wins, so it is not offered then. */
function MdnsSwitch({ mdns, onChanged }: { mdns: Settings['mdns']; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  if (!mdns.enabled && mdns.reason !== 'off-in-settings') return null;
  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await apiPost('/settings/mdns', { enabled: !mdns.enabled });
      onChanged();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" data-testid="mdns-switch" disabled={busy} onClick={() => void toggle()}>
        {mdns.enabled ? 'Stop answering for this name' : 'Answer for the name again'}
      </button>
      {error && <ErrorBox error={error} />}
    </>
  );
}

/** Settings: the teacher key, where the data lives, how games reach the collector, the LAN name, backups. */
export function SettingsScreen() {
  const settings = useResource<Settings>('/settings');
  const s = settings.data;
  return (
    <section>
      <ScreenTitle title="Settings">Settings</ScreenTitle>
      {settings.error && <ErrorBox error={settings.error} onRetry={settings.reload} />}
      {settings.loading && <Loading />}
      {s && (
        <>
          <TeacherKeyCard teacherKey={s.teacherKey} access={s.access} teacherUrl={teacherUrl(s)} onChanged={settings.reload} />
          <section className="card" aria-labelledby="collector-title" data-testid="collector-settings">
            <h2 id="collector-title">Collector</h2>
            <dl className="small">
              <dt>Data folder</dt>
              <dd>
                <code>{s.dataDir}</code>
              </dd>
              <dt>Address and port</dt>
              <dd>
                Listening on <code>{s.collector.host}</code>, port <code>{s.collector.port}</code>
                {s.collector.urls.length > 0 && (
                  <>
                    {' '}
                    — games use{' '}
                    {s.collector.urls.map((url, index) => (
                      <span key={url}>
                        {index > 0 && ', '}
                        <code>{url}</code>
                      </span>
                    ))}
                  </>
                )}
              </dd>
              <dt>Collector path (for trackers that ask for it)</dt>
              <dd>
                <code>{s.collector.path}</code>
              </dd>
              <dt>Home page of players' accounts</dt>
              <dd>
                <code>{s.collector.homePage}</code>{' '}
                <span className="muted" data-testid="home-page-hint">
                  — not an address to open: a name in every statement's player account and object ids, fixed when Aula first ran so
                  that they never change (port 3000 when it started with --port 0; --home-page sets another). Games connect to the address and port above.
                </span>
              </dd>
              <dt>Name on the network (mDNS)</dt>
              <dd data-testid="mdns-state">
                {mdnsText(s.mdns)} <MdnsSwitch mdns={s.mdns} onChanged={settings.reload} />
              </dd>
            </dl>
            <p className="muted small">
              These are set when Aula starts (command-line options or environment variables); the name on the network
              can also be switched here.
            </p>
          </section>
        </>
      )}
      <BackupsCard />
    </section>
  );
}
