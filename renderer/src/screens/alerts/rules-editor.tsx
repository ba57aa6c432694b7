import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiGet, languageHeaders } from '../../api/client';
import { ErrorBox } from '../../components/states';
import { t } from '../../i18n/setup';
import type { CustomRule, RuleSettings, Severity } from './types';

async function putRules(activityId: string, rules: RuleSettings): Promise<{ rules: RuleSettings }> {
  const response = await fetch(`/admin/api/activities/${encodeURIComponent(activityId)}/rules`, {
    method: 'PUT',
    headers: languageHeaders({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(rules),
  });
  const json = (await response.json().catch(() => undefined)) as { rules: RuleSettings; error?: { reason: string; message: string } } | undefined;
  if (!response.ok || !json) throw new ApiError(response.status, json?.error?.reason ?? 'http-error', json?.error?.message ?? t('alerts:rules.failed', { status: response.status }));
  return json;
}

function SeveritySelect({ value, onChange, label }: { value: Severity; onChange: (value: Severity) => void; label: string }) {
  const { t } = useTranslation('alerts');
  return (
    <label>
      {t('rules.as')}
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Severity)}>
        <option value="warning">{t('rules.severity.warning')}</option>
        <option value="alert">{t('rules.severity.alert')}</option>
      </select>
    </label>
  );
}

/**
 * While the teacher types, the field shows what they typed: a field emptied to type another number stays empty. Shown
 * from the rules, an emptied minutes field came back at once with its default, and "3", Backspace, "1" read 31.
 * Left empty, it shows the rule's value again on leaving it (its default, or nothing where empty means off).
 */
function NumberInput({ label, value, onChange, step = 1, min = 0 }: { label: string; value: number | null; onChange: (value: number | null) => void; step?: number; min?: number }) {
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <input
      type="number"
      aria-label={label}
      step={step}
      min={min}
      value={typed ?? value ?? ''}
      onChange={(e) => {
        setTyped(e.target.value);
        onChange(e.target.value === '' ? null : Number(e.target.value));
      }}
      onBlur={() => setTyped(null)}
    />
  );
}

function Rule({ title, enabled, onToggle, children }: { title: string; enabled: boolean; onToggle: (on: boolean) => void; children: ReactNode }) {
  return (
    <fieldset>
      <legend>
        <label>
          <input type="checkbox" checked={enabled} onChange={(e) => onToggle(e.target.checked)} /> {title}
        </label>
      </legend>
      <div className="form-row">{children}</div>
    </fieldset>
  );
}

const newCustom = (n: number): CustomRule => ({
  id: `rule-${Date.now().toString(36)}-${n}`,
  enabled: true,
  name: t('alerts:rules.custom.newName'),
  verb: 'selected',
  objectType: 'question',
  condition: 'failure',
  score: 0.5,
  count: 3,
  windowMinutes: 5,
  severity: 'warning',
});

/** The activity's rules: the built-in ones to switch on and tune, and simple custom ones. */
export function RulesEditor({ activityId, onSaved }: { activityId: string; onSaved: () => void }) {
  const { t } = useTranslation('alerts');
  const [rules, setRules] = useState<RuleSettings | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  // Open at first when nothing is switched on yet; afterwards the teacher decides.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    apiGet<{ rules: RuleSettings }>(`/activities/${encodeURIComponent(activityId)}/rules`).then((r) => {
      setRules(r.rules);
      const on = [r.rules.idle, r.rules.noProgress, r.rules.wrongAnswers, r.rules.lowScore, r.rules.quit, ...r.rules.custom].some((rule) => rule.enabled);
      setOpen(!on);
    }, setError);
  }, [activityId]);
  if (!rules) return error ? <ErrorBox error={error} /> : null;

  const update = (change: (draft: RuleSettings) => void) => {
    const next = structuredClone(rules);
    change(next);
    setRules(next);
    setSaved(false);
  };
  const updateCustom = (index: number, change: (rule: CustomRule) => void) => update((d) => change(d.custom[index] as CustomRule));
  const save = async () => {
    try {
      const answer = await putRules(activityId, rules);
      setRules(answer.rules);
      setError(null);
      setSaved(true);
      onSaved();
    } catch (problem) {
      setError(problem as Error);
    }
  };

  return (
    <details className="card rules-form" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <strong>{t('rules.title')}</strong>
      </summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Rule title={t('rules.idle.title')} enabled={rules.idle.enabled} onToggle={(on) => update((d) => { d.idle.enabled = on; })}>
          <span className="field">
            {t('rules.idle.help')}
            <NumberInput label={t('rules.idle.minutesLabel')} step={0.05} value={rules.idle.minutes} onChange={(v) => update((d) => { d.idle.minutes = v ?? 3; })} />
            {t('rules.minutes')}
          </span>
          <SeveritySelect label={t('rules.idle.severityLabel')} value={rules.idle.severity} onChange={(v) => update((d) => { d.idle.severity = v; })} />
        </Rule>
        <Rule title={t('rules.noProgress.title')} enabled={rules.noProgress.enabled} onToggle={(on) => update((d) => { d.noProgress.enabled = on; })}>
          <span className="field">
            {t('rules.noProgress.help')}
            <NumberInput label={t('rules.noProgress.minutesLabel')} step={0.05} value={rules.noProgress.minutes} onChange={(v) => update((d) => { d.noProgress.minutes = v ?? 10; })} />
            {t('rules.minutes')}
          </span>
          <SeveritySelect label={t('rules.noProgress.severityLabel')} value={rules.noProgress.severity} onChange={(v) => update((d) => { d.noProgress.severity = v; })} />
        </Rule>
        <Rule title={t('rules.wrongAnswers.title')} enabled={rules.wrongAnswers.enabled} onToggle={(on) => update((d) => { d.wrongAnswers.enabled = on; })}>
          <span className="field">
            {t('rules.wrongAnswers.inARow')}
            <NumberInput label={t('rules.wrongAnswers.inARowLabel')} min={1} value={rules.wrongAnswers.inARow} onChange={(v) => update((d) => { d.wrongAnswers.inARow = v; })} />
          </span>
          <span className="field">
            {t('rules.wrongAnswers.total')}
            <NumberInput label={t('rules.wrongAnswers.totalLabel')} min={1} value={rules.wrongAnswers.total} onChange={(v) => update((d) => { d.wrongAnswers.total = v; })} />
          </span>
          <SeveritySelect label={t('rules.wrongAnswers.severityLabel')} value={rules.wrongAnswers.severity} onChange={(v) => update((d) => { d.wrongAnswers.severity = v; })} />
        </Rule>
        <Rule title={t('rules.lowScore.title')} enabled={rules.lowScore.enabled} onToggle={(on) => update((d) => { d.lowScore.enabled = on; })}>
          <span className="field">
            {t('rules.lowScore.help')}
            <NumberInput label={t('rules.lowScore.belowLabel')} step={0.05} value={rules.lowScore.below} onChange={(v) => update((d) => { d.lowScore.below = v ?? 0.5; })} />
          </span>
          <SeveritySelect label={t('rules.lowScore.severityLabel')} value={rules.lowScore.severity} onChange={(v) => update((d) => { d.lowScore.severity = v; })} />
        </Rule>
        <Rule title={t('rules.quit.title')} enabled={rules.quit.enabled} onToggle={(on) => update((d) => { d.quit.enabled = on; })}>
          <span className="muted small">{t('rules.quit.help')}</span>
          <SeveritySelect label={t('rules.quit.severityLabel')} value={rules.quit.severity} onChange={(v) => update((d) => { d.quit.severity = v; })} />
        </Rule>
        <h2 className="rules-subhead">{t('rules.custom.title')}</h2>
        {rules.custom.map((rule, index) => (
          <fieldset key={rule.id}>
            <legend>
              <label>
                <input type="checkbox" checked={rule.enabled} onChange={(e) => updateCustom(index, (r) => { r.enabled = e.target.checked; })} /> {rule.name}
              </label>
            </legend>
            <div className="form-row">
              <label>
                {t('rules.custom.name')} <input aria-label={t('rules.custom.nameLabel')} value={rule.name} onChange={(e) => updateCustom(index, (r) => { r.name = e.target.value; })} />
              </label>
              <label>
                {t('rules.custom.verb')} <input aria-label={t('rules.custom.verbLabel')} value={rule.verb} onChange={(e) => updateCustom(index, (r) => { r.verb = e.target.value; })} />
              </label>
              <label>
                {t('rules.custom.objectType')} <input aria-label={t('rules.custom.objectTypeLabel')} value={rule.objectType} onChange={(e) => updateCustom(index, (r) => { r.objectType = e.target.value; })} />
              </label>
              <label>
                {t('rules.custom.result')}
                <select aria-label={t('rules.custom.resultLabel')} value={rule.condition} onChange={(e) => updateCustom(index, (r) => { r.condition = e.target.value as CustomRule['condition']; })}>
                  <option value="any">{t('rules.custom.conditions.any')}</option>
                  <option value="success">{t('rules.custom.conditions.success')}</option>
                  <option value="failure">{t('rules.custom.conditions.failure')}</option>
                  <option value="completed">{t('rules.custom.conditions.completed')}</option>
                  <option value="score-below">{t('rules.custom.conditions.scoreBelow')}</option>
                </select>
              </label>
              {rule.condition === 'score-below' && (
                <NumberInput label={t('rules.custom.scoreLabel')} step={0.05} value={rule.score} onChange={(v) => updateCustom(index, (r) => { r.score = v ?? 0.5; })} />
              )}
              <span className="field">
                {t('rules.custom.times')}
                <NumberInput label={t('rules.custom.countLabel')} min={1} value={rule.count} onChange={(v) => updateCustom(index, (r) => { r.count = v ?? 1; })} />
              </span>
              <span className="field">
                {t('rules.custom.window')}
                <NumberInput label={t('rules.custom.windowLabel')} step={0.5} value={rule.windowMinutes} onChange={(v) => updateCustom(index, (r) => { r.windowMinutes = v; })} />
              </span>
              <SeveritySelect label={t('rules.custom.severityLabel')} value={rule.severity} onChange={(v) => updateCustom(index, (r) => { r.severity = v; })} />
              <button type="button" className="button-small" onClick={() => update((d) => void d.custom.splice(index, 1))}>
                {t('rules.custom.remove')}
              </button>
            </div>
          </fieldset>
        ))}
        <p>
          <button type="button" className="button-small" onClick={() => update((d) => void d.custom.push(newCustom(d.custom.length)))}>
            {t('rules.custom.add')}
          </button>
        </p>
        {error && <ErrorBox error={error} />}
        <button type="submit" className="button-primary">
          {t('rules.save')}
        </button>{' '}
        {saved && (
          <span className="notice" role="status">
            {t('rules.saved')}
          </span>
        )}
      </form>
    </details>
  );
}
