/**
 * What a Connect QR code holds: the collector URL with the tracking code as `code`, e.g.
 * `http://192.168.1.20:3000/?code=ab3cd4ef`. The origin is what a tracker's `host` setting takes (js-tracker ignores
 * any path), and a phone that scans it opens the dashboard's address with the code visible.
 */
export function connectLink(collectorUrl: string, trackingCode: string): string {
  const url = new URL(collectorUrl);
  return `${url.origin}/?code=${encodeURIComponent(trackingCode)}`;
}

/** The inverse, for tests and for games that read the QR code: null when the text is not a connect link. */
export function parseConnectLink(text: string): { collectorUrl: string; trackingCode: string } | null {
  try {
    const url = new URL(text);
    const code = url.searchParams.get('code');
    if (!code || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
    return { collectorUrl: `${url.origin}/`, trackingCode: code };
  } catch {
    return null;
  }
}
