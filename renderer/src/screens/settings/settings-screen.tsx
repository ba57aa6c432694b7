import { useResource } from '../../api/use-resource';
import { ErrorBox, Loading } from '../../components/states';
import { BackupsCard } from './backups-card';
import { TeacherKeyCard } from './teacher-key-card';
import type { Settings } from './types';

function mdnsText(mdns: Settings['mdns']): string {
  if (mdns.enabled) return `On: Aula answers as ${mdns.hostName} (${mdns.state}).`;
  return mdns.reason === 'switched-off'
    ? 'Off (switched off with --no-mdns or AULA_MDNS=0); games use the IP address.'
    : 'Off: Aula listens on this computer only.';
}

/** Settings: the teacher key, where the data lives, how games reach the collector, the LAN name, backups. */
export function SettingsScreen() {
  const settings = useResource<Settings>('/settings');
  const s = settings.data;
  return (
    <section>
      <h2>Settings</h2>
      {settings.error && <ErrorBox error={settings.error} onRetry={settings.reload} />}
      {settings.loading && <Loading />}
      {s && (
        <>
          <TeacherKeyCard teacherKey={s.teacherKey} access={s.access} onChanged={settings.reload} />
          <section className="card" aria-labelledby="collector-title" data-testid="collector-settings">
            <h3 id="collector-title">Collector</h3>
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
                <code>{s.collector.homePage}</code>
              </dd>
              <dt>Name on the network (mDNS)</dt>
              <dd data-testid="mdns-state">{mdnsText(s.mdns)}</dd>
            </dl>
            <p className="muted small">These are set when Aula starts (command-line options or environment variables).</p>
          </section>
        </>
      )}
      <BackupsCard />
    </section>
  );
}
