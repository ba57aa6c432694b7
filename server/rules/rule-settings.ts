import { z } from 'zod';

export const SEVERITIES = ['warning', 'alert'] as const;
export type Severity = (typeof SEVERITIES)[number];

const severity = z.enum(SEVERITIES);
/** Minutes may be fractional (0.5 = 30 s): handy for a short lesson, and for trying a rule out. */
const minutes = z.number().min(0.05).max(24 * 60);

export const CUSTOM_CONDITIONS = ['any', 'success', 'failure', 'completed', 'score-below'] as const;
export type CustomCondition = (typeof CUSTOM_CONDITIONS)[number];

export const customRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'id: lowercase letters, digits and dashes'),
  enabled: z.boolean().default(true),
  name: z.string().trim().min(1).max(80),
  /** A verb IRI, or its last part ("selected"). */
  verb: z.string().trim().min(1).max(300),
  /** An object type IRI or its last part ("question"); empty = any type. */
  objectType: z.string().trim().max(300).default(''),
  condition: z.enum(CUSTOM_CONDITIONS).default('any'),
  /** For `score-below`. */
  score: z.number().finite().default(0.5),
  /** Fires when this many matching statements arrive… */
  count: z.number().int().min(1).max(1000).default(1),
  /** …within this many minutes (null = anywhere in the session). */
  windowMinutes: minutes.nullable().default(null),
  severity: severity.default('warning'),
});
export type CustomRule = z.output<typeof customRuleSchema>;

/** Built-in rules a teacher switches on and tunes, plus custom ones; all off until switched on. */
export const ruleSettingsSchema = z.object({
  idle: z.object({ enabled: z.boolean().default(false), minutes: minutes.default(3), severity: severity.default('warning') }).prefault({}),
  noProgress: z
    .object({ enabled: z.boolean().default(false), minutes: minutes.default(10), severity: severity.default('warning') })
    .prefault({}),
  wrongAnswers: z
    .object({
      enabled: z.boolean().default(false),
      /** K wrong answers in a row (null = not checked). */
      inARow: z.number().int().min(1).max(1000).nullable().default(3),
      /** K wrong answers in the session (null = not checked). */
      total: z.number().int().min(1).max(10000).nullable().default(null),
      severity: severity.default('alert'),
    })
    .prefault({}),
  lowScore: z
    .object({ enabled: z.boolean().default(false), below: z.number().finite().default(0.5), severity: severity.default('alert') })
    .prefault({}),
  quit: z.object({ enabled: z.boolean().default(false), severity: severity.default('warning') }).prefault({}),
  custom: z.array(customRuleSchema).max(50).default([]),
});

export type RuleSettings = z.output<typeof ruleSettingsSchema>;
export type RuleSettingsInput = z.input<typeof ruleSettingsSchema>;

export function defaultRuleSettings(): RuleSettings {
  return ruleSettingsSchema.parse({});
}

/** The stored JSON, tolerant: settings written by another version fall back to defaults field by field. */
export function parseStoredRules(json: string | null): RuleSettings {
  if (!json) return defaultRuleSettings();
  try {
    const parsed = ruleSettingsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : defaultRuleSettings();
  } catch {
    return defaultRuleSettings();
  }
}

export function enabledRuleCount(settings: RuleSettings): number {
  const builtIn = [settings.idle, settings.noProgress, settings.wrongAnswers, settings.lowScore, settings.quit].filter((r) => r.enabled).length;
  return builtIn + settings.custom.filter((r) => r.enabled).length;
}

/** Whether any rule needs the clock (checked by the engine's timer, not by statements). */
export function needsClock(settings: RuleSettings): boolean {
  return settings.idle.enabled || settings.noProgress.enabled || settings.custom.some((r) => r.enabled && r.windowMinutes !== null);
}
