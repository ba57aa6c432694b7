import type { AlertWording } from '../admin/api-types.js';

export type { AlertWording };

/** A rule's minutes as its alert says them: "30 s" under a minute, else "2.5 min". */
export function minutesText(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  return `${Number(minutes.toFixed(1))} min`;
}

/** The object an answer was about, and the answer: "q6 → D". */
function lastAnswer(values: { object?: string; response?: string }): string {
  return `${values.object ?? 'something'}${values.response ? ` → ${values.response}` : ''}`;
}

/**
 * An alert's message in English, from its wording: what `alerts.message` holds, for the CLI, the exports and scripts
 * (word for word what Aula wrote before it kept the wording). The dashboard's `alerts` namespace words the same data in
 * the teacher's language. Made once per alert raised.
 */
export function englishMessage(wording: AlertWording): string {
  switch (wording.rule) {
    case 'idle':
      return `Idle for ${minutesText(wording.values.minutes)} or more`;
    case 'noProgress': {
      const { minutes, percent } = wording.values;
      return `No progress for ${minutesText(minutes)}${percent === undefined ? '' : ` (at ${percent} %)`}`;
    }
    case 'wrongInARow':
      return `${wording.values.count} wrong answer${wording.values.count === 1 ? '' : 's'} in a row (last: ${lastAnswer(wording.values)})`;
    case 'wrongTotal':
      return `${wording.values.count} wrong answer${wording.values.count === 1 ? '' : 's'} in this session (last: ${lastAnswer(wording.values)})`;
    case 'lowScore':
      return `Scored ${wording.values.score} on ${wording.values.object ?? 'something'} (below ${wording.values.threshold})`;
    case 'quit':
      return `Quit without completing ${wording.values.object ?? 'something'}`;
    case 'quitAnything':
      return 'Quit without completing anything';
    case 'custom': {
      const { name, count, minutes } = wording.values;
      if (count === 1) return name;
      return `${name} ${count} times${minutes === undefined ? '' : ` within ${minutesText(minutes)}`}`;
    }
  }
}

/** The wording naming its object `name` (the game's name for it, found once the alert is raised). */
export function namingObject(wording: AlertWording, name: string): AlertWording {
  return { ...wording, values: { ...wording.values, object: name } } as AlertWording;
}

/** The stored JSON read back; null when absent or unreadable (the dashboard then shows the message). */
export function parseWording(json: string | null): AlertWording | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as unknown;
    return parsed && typeof parsed === 'object' && typeof (parsed as AlertWording).rule === 'string' ? (parsed as AlertWording) : null;
  } catch {
    return null;
  }
}
