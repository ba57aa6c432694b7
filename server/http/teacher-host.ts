import net from 'node:net';

/**
 * Whether a loopback request's `Host` is a name this computer answers to without the internet's DNS: an IP address,
 * `localhost` or `*.localhost`, a name without dots (this computer's name, an /etc/hosts alias) or `<name>.local`
 * (mDNS, e.g. aula.local). A web page on another site can rename itself to 127.0.0.1 (DNS rebinding): the teacher's
 * browser then sends loopback requests with that site's name as Host and reads the answers as the page's own, so
 * such a request is not taken for the teacher sitting at the laptop. Absent Host: no browser sends that.
 */
export function isLocalHostHeader(host: string | undefined): boolean {
  if (host === undefined) return true;
  const name = hostName(host.trim().toLowerCase());
  if (name === undefined || name === '') return false;
  if (name.startsWith('[')) return name.endsWith(']') && net.isIPv6(name.slice(1, -1).replace(/%.*$/, ''));
  if (net.isIPv4(name)) return true;
  const labels = name.replace(/\.$/, '').split('.');
  if (labels.some((label) => !/^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/.test(label))) return false;
  if (labels.length === 1) return true;
  const last = labels[labels.length - 1];
  if (last === 'localhost') return true;
  return labels.length === 2 && last === 'local';
}

/** The name part of a Host header (`name`, `name:port`, `[v6]`, `[v6]:port`); undefined when it is not one. */
function hostName(host: string): string | undefined {
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    if (end < 0) return undefined;
    const rest = host.slice(end + 1);
    return rest === '' || /^:\d{1,5}$/.test(rest) ? host.slice(0, end + 1) : undefined;
  }
  const colon = host.indexOf(':');
  if (colon < 0) return host;
  return /^\d{1,5}$/.test(host.slice(colon + 1)) ? host.slice(0, colon) : undefined;
}
