import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { useLiveSignal, useLiveStatus } from '../../api/live';
import { useResource } from '../../api/use-resource';
import type { StorageState } from './types';

const bannerStyle = {
  background: '#a3261b',
  color: '#fff',
  padding: '10px 20px',
  fontWeight: 600,
} as const;

/**
 * Shown above every screen: the full disk (from the overview at first, then from live changes, so it appears and
 * goes without a reload), a database the start-up check found damaged (with the way out), and a device whose
 * access ended because the teacher key changed.
 */
export function DashboardBanners() {
  const { t } = useTranslation('settings');
  const overview = useResource<StorageState>('/overview', { staleOn: (changes) => (changes as StorageState).storage !== undefined });
  const [live, setLive] = useState<boolean | undefined>();
  useLiveSignal((signal) => {
    if (signal.kind === 'changes') {
      const storage = (signal.changes as StorageState).storage;
      if (storage) setLive(storage.full);
    } else setLive(undefined);
  });
  // A stream the server refused for good (the key changed): ask again, so the reason shows.
  const status = useLiveStatus();
  const { reload } = overview;
  useEffect(() => {
    if (status === 'offline') reload();
  }, [status, reload]);
  const full = live ?? overview.data?.storage?.full ?? false;
  const damaged = overview.data?.storage?.damaged ?? null;
  const error = overview.error as ApiError | undefined;
  const lockedOut = error?.status === 401 || error?.status === 403;
  // The region is always in the page (in the header, a landmark), so a banner that comes into it is read out at once:
  // a live region added together with its text often is not.
  return (
    <div className="dashboard-banners" role="alert" data-testid="dashboard-banners">
      {full && (
        <div data-testid="disk-full-banner" style={bannerStyle}>
          {t('banners.diskFull')}
        </div>
      )}
      {damaged && (
        <div data-testid="database-damaged-banner" style={bannerStyle}>
          {damaged}
        </div>
      )}
      {lockedOut && (
        <div data-testid="access-banner" style={bannerStyle}>
          {t('banners.lockedOut')}{' '}
          <a href="/teacher" style={{ color: '#fff' }}>
            {t('banners.enterKey')}
          </a>
        </div>
      )}
    </div>
  );
}
