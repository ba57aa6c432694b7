import { useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Activity, ConnectInfo } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { ErrorBox, Loading } from '../../components/states';
import { useDialogFocus } from '../../components/use-dialog-focus';
import { useMdnsHost } from '../diagnostics/mdns-name';
import './login-slips.css';

/**
 * One student's slip: the password exists only in the dashboard's memory, from the roster file just imported or as
 * the teacher has just typed it (Add student, Reset password…).
 */
export interface SlipStudent {
  username: string;
  password: string;
  name: string | null;
}

interface Props {
  classId: string;
  className: string;
  students: SlipStudent[];
  /** The page's heading; by default, the class's slips. */
  title?: string;
  onBack: () => void;
}

/**
 * A page of login slips to print and cut, one per student: what a game asks for (username, password), the tracking
 * code of the class's open activities and the address games use, as the Connect screen shows them. Drawn over the
 * whole page (a portal on <body>), so the print stylesheet can leave out the dashboard around it.
 */
export function LoginSlips({ classId, className, students, title, onBack }: Props) {
  const { t } = useTranslation('classes');
  const view = useRef<HTMLDivElement>(null);
  const onKeyDown = useDialogFocus(view, { onEscape: onBack });
  // The Connect screen's answers: the collector's addresses, and its activities; /activities says which class each is for.
  const connect = useResource<ConnectInfo>('/connect');
  const activities = useResource<{ activities: Activity[] }>('/activities');
  const mdnsHost = useMdnsHost();
  const error = connect.error ?? activities.error;
  const retry = () => {
    connect.reload();
    activities.reload();
  };
  return createPortal(
    <div ref={view} className="login-slips-view" role="dialog" aria-modal="true" aria-labelledby="login-slips-title" onKeyDown={onKeyDown}>
      <div className="login-slips-toolbar">
        <h1 id="login-slips-title">{title ?? t('slips.title', { className })}</h1>
        <p className="muted small">{t('slips.onlyNow', { count: students.length })}</p>
        <p className="buttons">
          <button type="button" className="button-primary" onClick={() => window.print()} disabled={!connect.data || !activities.data}>
            {t('slips.print')}
          </button>{' '}
          <button type="button" onClick={onBack}>
            {t('slips.back')}
          </button>
        </p>
        {connect.data && !connect.data.reachableFromLan && (
          <p className="warning" role="alert">
            {t('slips.thisComputerOnly')}
          </p>
        )}
      </div>
      {error && <ErrorBox error={error} onRetry={retry} />}
      {!error && (!connect.data || !activities.data) && <Loading />}
      {connect.data && activities.data && (
        <SlipList
          className={className}
          students={students}
          address={gameAddress(connect.data, mdnsHost)}
          open={activities.data.activities.filter((activity) => activity.classId === classId && activity.open)}
        />
      )}
    </div>,
    document.body,
  );
}

/** The address the Connect screen tells games to use: the LAN name when Aula answers for it, else its first URL. */
function gameAddress({ urls, port }: ConnectInfo, mdnsHost: string | undefined): string {
  return mdnsHost ? `http://${mdnsHost}:${port}/` : (urls[0] ?? `http://127.0.0.1:${port}/`);
}

function SlipList({ className, students, address, open }: { className: string; students: SlipStudent[]; address: string; open: Activity[] }) {
  const { t } = useTranslation('classes');
  return (
    <ul className="login-slips">
      {students.map((student) => (
        <li key={student.username} className="login-slip" data-username={student.username}>
          <p className="login-slip-class">{t('slips.class', { className })}</p>
          {student.name && <p className="login-slip-name">{student.name}</p>}
          <dl>
            <dt>{t('slips.username')}</dt>
            <dd>
              <code className="login-slip-username">{student.username}</code>
            </dd>
            <dt>{t('slips.password')}</dt>
            <dd>
              <code className="login-slip-password">{student.password}</code>
            </dd>
            <dt>{t('slips.address')}</dt>
            <dd>
              <code className="login-slip-address">{address}</code>
            </dd>
            {/* Without an open activity, the slip asks for one code: the singular. */}
            <dt>{t('slips.trackingCode', { count: Math.max(open.length, 1) })}</dt>
            {open.length === 0 ? (
              <dd className="login-slip-no-code">{t('slips.askForCode')}</dd>
            ) : (
              open.map((activity) => (
                <dd key={activity.id} className="login-slip-code">
                  <code>{activity.trackingCode}</code> {t('slips.forActivity', { name: activity.name })}
                </dd>
              ))
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
