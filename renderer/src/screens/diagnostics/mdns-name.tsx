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
  const diagnostics = useResource<Diagnostics>('/diagnostics');
  const mdns = diagnostics.data?.mdns;
  if (!mdns) return null;
  if (!mdns.enabled) {
    return (
      <p className="muted small" data-testid="mdns-name">
        {mdns.reason === 'switched-off'
          ? 'The name on the network (aula.local) is switched off; games use the IP address.'
          : 'Aula listens on this computer only, so it has no name on the network.'}
      </p>
    );
  }
  const url = `http://${mdns.hostName}:${port}/`;
  return (
    <div data-testid="mdns-name">
      <p>
        Name on the network: <code className="url">{url}</code> <CopyButton text={url} label="Copy name address" />
        {mdns.state !== 'announced' && <span className="muted small"> ({mdns.state})</span>}
      </p>
      {mdns.conflict && (
        <p className="warning small" role="status">
          Another device already uses {mdns.conflict}, so Aula took {mdns.hostName}. Games set up with {mdns.conflict} reach the
          other device: give them this name (or the IP address).
        </p>
      )}
      <p className="muted small">
        It stays the same when the IP address changes. Windows 10+, macOS, iOS and most Linux resolve it; if a game cannot,
        use the IP address above.
      </p>
    </div>
  );
}

/** For the Connect screen: the first-run notice links to the Diagnostics screen. */
export function FirstRunNotice() {
  const diagnostics = useResource<Diagnostics>('/diagnostics');
  if (!diagnostics.data?.firstRun) return null;
  return (
    <p className="warning" role="alert" data-testid="first-run-notice">
      No game from another computer has reached Aula yet. <Link to="/diagnostics">See the usual causes and how to fix them</Link>.
    </p>
  );
}
