import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { CopyButton } from '../../components/copy-button';
import { Link } from '../../router';
import type { Diagnostics } from './types';

/** The collector's LAN name (`aula.local`) when Aula answers for it; otherwise undefined (use the IP address). */
export function useMdnsHost(): string | undefined {
  const diagnostics = useResource<Diagnostics>('/diagnostics');
  const mdns = diagnostics.data?.mdns;
  if (!mdns?.enabled || mdns.state !== 'announced' || mdns.addresses.length === 0) return undefined;
  return mdns.hostName;
}

/** For the Connect screen: the name on the LAN, or why there is none. */
export function MdnsName({ port }: { port: number }) {
  const { t } = useTranslation('diagnostics');
  const diagnostics = useResource<Diagnostics>('/diagnostics');
  const mdns = diagnostics.data?.mdns;
  if (!mdns) return null;
  if (!mdns.enabled) {
    return (
      <p className="muted small" data-testid="mdns-name">
        {mdns.reason === 'switched-off' ? t('connect.nameSwitchedOff') : t('connect.nameLoopback')}
      </p>
    );
  }
  const url = `http://${mdns.hostName}:${port}/`;
  return (
    <div data-testid="mdns-name">
      <p>
        {t('connect.name')} <code className="url">{url}</code> <CopyButton text={url} label={t('connect.copyName')} />
        {mdns.state !== 'announced' && <span className="muted small"> ({t(`mdnsState.${mdns.state}`)})</span>}
      </p>
      {mdns.conflict && (
        <p className="warning small" role="status">
          {t('connect.conflict', { conflict: mdns.conflict, hostName: mdns.hostName })}
        </p>
      )}
      <p className="muted small">
        {t('connect.nameStays')}
      </p>
    </div>
  );
}

/** For the Connect screen: the first-run notice links to the Diagnostics screen. */
export function FirstRunNotice() {
  const { t } = useTranslation('diagnostics');
  const diagnostics = useResource<Diagnostics>('/diagnostics');
  if (!diagnostics.data?.firstRun) return null;
  return (
    <p className="warning" role="alert" data-testid="first-run-notice">
      {t('connect.firstRunNotice')} <Link to="/diagnostics">{t('connect.firstRunLink')}</Link>.
    </p>
  );
}
