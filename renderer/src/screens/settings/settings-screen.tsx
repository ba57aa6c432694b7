import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ScreenTitle } from '../../components/screen-title';
import { ErrorBox, Loading } from '../../components/states';
import { mdnsOffReason } from '../../format/mdns-off';
import { t } from '../../i18n/setup';
import { BackupsCard } from './backups-card';
import { DesktopAppCard } from './desktop-app-card';
import { ErasureLogCard } from './erasure-log-card';
import { TeacherKeyCard } from './teacher-key-card';
import type { Settings } from './types';

function mdnsText(mdns: Settings['mdns']): string {
  if (mdns.enabled) return t('settings:mdns.on', { hostName: mdns.hostName, state: t(`settings:mdns.states.${mdns.state}`) });
  if (mdns.reason === 'not-on-lan') return t('settings:mdns.offHere');
  return t('settings:mdns.off', { reason: mdnsOffReason(mdns.reason) });
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
        {mdns.enabled ? t('settings:mdns.stop') : t('settings:mdns.again')}
      </button>
      {error && <ErrorBox error={error} />}
    </>
  );
}

/** Settings: the teacher key, where the data lives, how games reach the collector, the LAN name, backups. */
export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const settings = useResource<Settings>('/settings');
  const s = settings.data;
  return (
    <section>
      <ScreenTitle title={t('title')}>{t('title')}</ScreenTitle>
      {settings.error && <ErrorBox error={settings.error} onRetry={settings.reload} />}
      {settings.loading && <Loading />}
      {s && (
        <>
          <TeacherKeyCard teacherKey={s.teacherKey} access={s.access} teacherUrl={teacherUrl(s)} onChanged={settings.reload} />
          <section className="card" aria-labelledby="collector-title" data-testid="collector-settings">
            <h2 id="collector-title">{t('collector.title')}</h2>
            <dl className="small">
              <dt>{t('collector.dataFolder')}</dt>
              <dd>
                <code>{s.dataDir}</code>
              </dd>
              <dt>{t('collector.address')}</dt>
              <dd>
                <Trans
                  t={t}
                  i18nKey="collector.listening"
                  values={{ host: s.collector.host, port: String(s.collector.port) }}
                  components={{ code: <code /> }}
                />
                {s.collector.urls.length > 0 && (
                  <>
                    {' '}
                    {t('collector.gamesUse')}{' '}
                    {s.collector.urls.map((url, index) => (
                      <span key={url}>
                        {index > 0 && ', '}
                        <code>{url}</code>
                      </span>
                    ))}
                  </>
                )}
              </dd>
              <dt>{t('collector.collectorPath')}</dt>
              <dd>
                <code>{s.collector.path}</code>
              </dd>
              <dt>{t('collector.homePage')}</dt>
              <dd>
                <code>{s.collector.homePage}</code>{' '}
                <span className="muted" data-testid="home-page-hint">
                  {t('collector.homePageHint')}
                </span>
              </dd>
              <dt>{t('collector.mdns')}</dt>
              <dd data-testid="mdns-state">
                {mdnsText(s.mdns)} <MdnsSwitch mdns={s.mdns} onChanged={settings.reload} />
              </dd>
            </dl>
            <p className="muted small">{t('collector.footer')}</p>
          </section>
        </>
      )}
      <DesktopAppCard />
      <BackupsCard />
      <ErasureLogCard />
    </section>
  );
}
