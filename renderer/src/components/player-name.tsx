import type { PlayerRef } from '../api/types';
import { playerLabel } from '../format/player-name';
import { t } from '../i18n/setup';
import { Link } from '../router';

export function PlayerName({ player, link = true }: { player: PlayerRef; link?: boolean }) {
  const name = <span className="player-name">{playerLabel(player)}</span>;
  return (
    <span className="player">
      {link ? <Link to={`/players/${encodeURIComponent(player.id)}`}>{name}</Link> : name}
      {player.kind === 'anonymous' ? (
        <span className="badge badge-anonymous" title={t('player.anonymousTitle')}>
          {t('player.anonymous')}
        </span>
      ) : player.xapi ? (
        <span className="badge badge-xapi" title={t('player.xapiTitle')}>
          {t('player.xapi')}
        </span>
      ) : (
        <span className="badge badge-student" title={t('player.studentTitle')}>
          {t('player.student')}
        </span>
      )}
    </span>
  );
}
