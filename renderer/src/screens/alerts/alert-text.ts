import { currentLanguage, t } from '../../i18n/setup';
import type { AlertItem, AlertWording } from './types';

// Made once per language (an Intl format costs about a millisecond to make in Chromium).
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number as the server's message writes it ("0.3", "1500"), in the dashboard's language ("0,3"): every digit the
 * rule saw, no grouping, so the English reads word for word as the message.
 */
function shownNumber(n: number): string {
  const language = currentLanguage();
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 20, useGrouping: false });
    numberFormats.set(language, format);
  }
  return format.format(n);
}

/** A rule's minutes as its alert says them: "30 s" under a minute, else "2.5 min" (server/rules/alert-wording.ts). */
function duration(minutes: number): string {
  if (minutes < 1) return t('alerts:wording.seconds', { seconds: shownNumber(Math.round(minutes * 60)) });
  return t('alerts:wording.minutes', { minutes: shownNumber(Number(minutes.toFixed(1))) });
}

const objectOf = (values: { object?: string }): string => values.object ?? t('alerts:wording.something');

function worded(wording: AlertWording): string {
  switch (wording.rule) {
    case 'idle':
      return t('alerts:wording.idle', { duration: duration(wording.values.minutes) });
    case 'noProgress': {
      const { minutes, percent } = wording.values;
      if (percent === undefined) return t('alerts:wording.noProgress', { duration: duration(minutes) });
      return t('alerts:wording.noProgressAt', { duration: duration(minutes), percent: shownNumber(percent) });
    }
    case 'wrongInARow':
    case 'wrongTotal': {
      const { count, response } = wording.values;
      // The game's object and answer as it sent them: only the arrow between them is Aula's.
      const last = `${objectOf(wording.values)}${response ? ` → ${response}` : ''}`;
      return wording.rule === 'wrongInARow' ? t('alerts:wording.wrongInARow', { count, last }) : t('alerts:wording.wrongTotal', { count, last });
    }
    case 'lowScore': {
      const { score, threshold } = wording.values;
      return t('alerts:wording.lowScore', { score: shownNumber(score), object: objectOf(wording.values), threshold: shownNumber(threshold) });
    }
    case 'quit':
      return t('alerts:wording.quit', { object: objectOf(wording.values) });
    case 'quitAnything':
      return t('alerts:wording.quitAnything');
    case 'custom': {
      // The rule's name as the teacher wrote it.
      const { name, count, minutes } = wording.values;
      if (count === 1) return t('alerts:wording.custom', { name });
      if (minutes === undefined) return t('alerts:wording.customTimes', { name, times: shownNumber(count) });
      return t('alerts:wording.customTimesWithin', { name, times: shownNumber(count), duration: duration(minutes) });
    }
    default:
      throw new Error('a wording this dashboard does not know');
  }
}

/**
 * What an alert says, in the dashboard's language, from its wording as data; an alert stored before Aula kept it (or
 * worded by a newer Aula) shows its English message as stored.
 */
export function alertText(item: Pick<AlertItem, 'message' | 'wording'>): string {
  if (!item.wording) return item.message;
  try {
    return worded(item.wording);
  } catch {
    return item.message;
  }
}
