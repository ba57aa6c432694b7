import type { PlayerRef } from '../api/types';
import { playerLabel } from '../format/player-name';
import { Link } from '../router';

export function PlayerName({ player, link = true }: { player: PlayerRef; link?: boolean }) {
  const name = <span className="player-name">{playerLabel(player)}</span>;
  return (
    <span className="player">
      {link ? <Link to={`/players/${encodeURIComponent(player.id)}`}>{name}</Link> : name}
      {player.kind === 'anonymous' ? (
        <span className="badge badge-anonymous" title="Played without logging in">
          anonymous
        </span>
      ) : player.xapi ? (
        <span className="badge badge-xapi" title="Named by an xAPI game (its name, e-mail or account), not a student of the roster">
          xAPI
        </span>
      ) : (
        <span className="badge badge-student" title="Logged in as a student of the roster">
          student
        </span>
      )}
    </span>
  );
}
