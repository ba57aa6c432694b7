import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Loading } from '../../components/states';
import { appErrorMessage, type DesktopAppApi, type DesktopSettingsView, desktopAppApi, parsePort } from './desktop-app-api';

/**
 * The desktop app's own settings (port, who can connect, data folder), kept by the app and applied at its next start.
 * Shown only inside the app: in a browser there is no app to ask (window.aula is absent).
 */
export function DesktopAppCard() {
  const api = useMemo(desktopAppApi, []);
  return api ? <DesktopAppSettings api={api} /> : null;
}

/** What the teacher last saved, to say what it means for the games. */
type Saved = { kind: 'port'; port: number } | { kind: 'folder'; dataDir: string };

function DesktopAppSettings({ api }: { api: DesktopAppApi }) {
  const { t } = useTranslation('settings');
  const [version, setVersion] = useState<string>();
  const [view, setView] = useState<DesktopSettingsView>();
  const [portText, setPortText] = useState('');
  const [portInvalid, setPortInvalid] = useState(false);
  const [saved, setSaved] = useState<Saved>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [restarting, setRestarting] = useState(false);

  const shown = (next: DesktopSettingsView) => {
    setView(next);
    setPortText(String(next.saved.port));
  };

  useEffect(() => {
    Promise.all([api.appVersion(), api.getSettings()]).then(
      ([appVersion, settings]) => {
        setVersion(appVersion);
        setView(settings);
        setPortText(String(settings.saved.port));
      },
      (error: unknown) => setProblem(appErrorMessage(error)),
    );
  }, [api]);

  /** One request to the app at a time; what it refuses is said on the card and changes nothing there. */
  const ask = async (request: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await request();
    } catch (error) {
      setProblem(appErrorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const savePort = (event: FormEvent) => {
    event.preventDefault();
    const port = parsePort(portText);
    setPortInvalid(port === undefined);
    if (port === undefined) return;
    void ask(async () => {
      shown(await api.updateSettings({ port }));
      setSaved({ kind: 'port', port });
    });
  };

  const setOnlyThisComputer = (only: boolean) =>
    ask(async () => {
      shown(await api.updateSettings({ exposeOnLan: !only }));
      setSaved(undefined);
    });

  const chooseFolder = () =>
    ask(async () => {
      const choice = await api.chooseDataFolder();
      if (!choice.chosen) return;
      shown(await api.getSettings());
      setSaved({ kind: 'folder', dataDir: choice.dataDir });
    });

  const restart = async () => {
    setRestarting(true);
    setProblem(undefined);
    try {
      await api.relaunch();
    } catch (error) {
      setProblem(appErrorMessage(error));
      setRestarting(false);
    }
  };

  const overriddenBy = view?.overriddenBy ?? {};
  return (
    <section className="card" aria-labelledby="desktop-app-title" data-testid="desktop-app">
      <h2 id="desktop-app-title">{t('desktopApp.title')}</h2>
      {version && <p className="small" data-testid="desktop-app-version">{t('desktopApp.version', { version })}</p>}
      <p className="small muted">{t('desktopApp.intro')}</p>
      {!view && !problem && <Loading />}
      {view && (
        <>
          <form onSubmit={savePort} noValidate>
            <div className="form-row">
              <label>
                {t('desktopApp.port')}
                <input
                  name="port"
                  className="input-narrow"
                  inputMode="numeric"
                  value={portText}
                  aria-invalid={portInvalid}
                  aria-describedby="desktop-port-hint"
                  onChange={(event) => {
                    setPortText(event.target.value);
                    setPortInvalid(false);
                  }}
                />
              </label>
              <button type="submit" className="button-small" disabled={busy}>
                {t('desktopApp.savePort')}
              </button>
            </div>
          </form>
          <p className="small muted" id="desktop-port-hint">
            {t('desktopApp.portHint')}
            {!overriddenBy.port && view.running.port !== view.saved.port && (
              <> {t('desktopApp.portNow', { running: view.running.port, saved: view.saved.port })}</>
            )}
          </p>
          {portInvalid && (
            <p className="error-box small" role="alert">
              {t('desktopApp.portInvalid')}
            </p>
          )}
          {saved?.kind === 'port' && (
            <p className="notice small" role="status">
              {saved.port === view.running.port
                ? t('desktopApp.portKept', { port: saved.port })
                : t('desktopApp.portSaved', { port: saved.port, running: view.running.port })}
            </p>
          )}
          {overriddenBy.port && (
            <p className="warning small">{t('desktopApp.overridden', { variable: overriddenBy.port, value: view.running.port })}</p>
          )}

          <label className="checkbox">
            <input
              type="checkbox"
              name="onlyThisComputer"
              checked={!view.saved.exposeOnLan}
              disabled={busy}
              onChange={(event) => void setOnlyThisComputer(event.target.checked)}
            />
            {t('desktopApp.onlyThisComputer')}
          </label>
          {view.saved.exposeOnLan ? (
            <p className="small muted">{t('desktopApp.lanOpen')}</p>
          ) : (
            <p className="warning small" data-testid="only-this-computer-warning">
              {t('desktopApp.onlyThisComputerWarning')}
            </p>
          )}
          {overriddenBy.exposeOnLan && (
            <p className="warning small">{t('desktopApp.overriddenHost', { variable: overriddenBy.exposeOnLan })}</p>
          )}

          <p className="small">
            <Trans t={t} i18nKey="desktopApp.dataFolder" values={{ folder: view.saved.dataDir }} components={{ code: <code /> }} />
            {view.running.dataDir !== view.saved.dataDir && (
              <>
                {' '}
                <Trans t={t} i18nKey="desktopApp.dataFolderNow" values={{ folder: view.running.dataDir }} components={{ code: <code /> }} />
              </>
            )}
          </p>
          <div className="form-row">
            <button type="button" className="button-small" disabled={busy} onClick={() => void ask(() => api.openDataFolder())}>
              {t('desktopApp.openDataFolder')}
            </button>
            <button type="button" className="button-small" disabled={busy} onClick={() => void chooseFolder()}>
              {t('desktopApp.chooseDataFolder')}
            </button>
          </div>
          {saved?.kind === 'folder' && (
            <p className="notice small" role="status">
              <Trans
                t={t}
                i18nKey={saved.dataDir === view.running.dataDir ? 'desktopApp.folderKept' : 'desktopApp.folderSaved'}
                values={{ folder: saved.dataDir, running: view.running.dataDir }}
                components={{ code: <code /> }}
              />
            </p>
          )}

          {view.restartRequired && (
            <div className="warning small" data-testid="desktop-app-restart">
              <p>{t('desktopApp.restartNeeded')}</p>
              <button type="button" className="button-primary" disabled={restarting} onClick={() => void restart()}>
                {restarting ? t('desktopApp.restarting') : t('desktopApp.restart')}
              </button>
            </div>
          )}
        </>
      )}
      {problem && (
        <div className="error-box" role="alert">
          <strong>{t('desktopApp.appRefused')}</strong> {problem}
        </div>
      )}
    </section>
  );
}
