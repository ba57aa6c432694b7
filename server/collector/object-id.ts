import type { GameVersion } from '../store/games-repo.js';

/**
 * Base IRI for a version's statement object ids (contract C-5.10, C-5.11): from the version's link when it has
 * one, otherwise the original's shape under the home page. No trailing slash.
 */
export function objectIdFor(homePage: string, version: Pick<GameVersion, 'gameId' | 'versionId' | 'link'>): string {
  const { link, versionId } = version;
  if (link) {
    if (link.endsWith('/')) return link + versionId;
    if (!link.includes('?')) return `${link}/${versionId}`;
    if (link.endsWith('?')) return `${link}v=${versionId}`;
    return `${link}&v=${versionId}`;
  }
  return `${homePage.replace(/\/+$/, '')}/api/proxy/gleaner/games/${version.gameId}/${versionId}`;
}
