import { type ReactNode, useEffect, useState } from 'react';
import { ApiError, apiGet } from '../../api/client';
import { ErrorBox } from '../../components/states';
import type { CustomRule, RuleSettings, Severity } from './types';

async function putRules(activityId: string, rules: RuleSettings): Promise<{ rules: RuleSettings }> {
  const response = await fetch(`/admin/api/activities/${encodeURIComponent(activityId)}/rules`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rules),
  });
  const json = (await response.json().catch(() => undefined)) as { rules: RuleSettings; error?: { reason: string; message: string } } | undefined;
  if (!response.ok || !json) throw new ApiError(response.status, json?.error?.reason ?? 'http-error', json?.error?.message ?? `Aula answered ${response.status}.`);
  return json;
}

function SeveritySelect({ value, onChange, label }: { value: Severity; onChange: (value: Severity) => void; label: string }) {
  return (
    <label>
      as
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Severity)}>
        <option value="warning">warning</option>
        <option value="alert">alert</option>
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
  name: 'My rule',
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
        <strong>Rules for this activity</strong>
      </summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Rule title="Idle" enabled={rules.idle.enabled} onToggle={(on) => update((d) => { d.idle.enabled = on; })}>
          <span className="field">
            nothing from the game for
            <NumberInput label="Idle minutes" step={0.05} value={rules.idle.minutes} onChange={(v) => update((d) => { d.idle.minutes = v ?? 3; })} />
            minutes
          </span>
          <SeveritySelect label="Idle severity" value={rules.idle.severity} onChange={(v) => update((d) => { d.idle.severity = v; })} />
        </Rule>
        <Rule title="No progress" enabled={rules.noProgress.enabled} onToggle={(on) => update((d) => { d.noProgress.enabled = on; })}>
          <span className="field">
            progress has not moved for
            <NumberInput label="No progress minutes" step={0.05} value={rules.noProgress.minutes} onChange={(v) => update((d) => { d.noProgress.minutes = v ?? 10; })} />
            minutes
          </span>
          <SeveritySelect label="No progress severity" value={rules.noProgress.severity} onChange={(v) => update((d) => { d.noProgress.severity = v; })} />
        </Rule>
        <Rule title="Wrong answers" enabled={rules.wrongAnswers.enabled} onToggle={(on) => update((d) => { d.wrongAnswers.enabled = on; })}>
          <span className="field">
            in a row
            <NumberInput label="Wrong answers in a row" min={1} value={rules.wrongAnswers.inARow} onChange={(v) => update((d) => { d.wrongAnswers.inARow = v; })} />
          </span>
          <span className="field">
            or in total
            <NumberInput label="Wrong answers in total" min={1} value={rules.wrongAnswers.total} onChange={(v) => update((d) => { d.wrongAnswers.total = v; })} />
          </span>
          <SeveritySelect label="Wrong answers severity" value={rules.wrongAnswers.severity} onChange={(v) => update((d) => { d.wrongAnswers.severity = v; })} />
        </Rule>
        <Rule title="Low score" enabled={rules.lowScore.enabled} onToggle={(on) => update((d) => { d.lowScore.enabled = on; })}>
          <span className="field">
            a completed level or quiz scored below
            <NumberInput label="Low score below" step={0.05} value={rules.lowScore.below} onChange={(v) => update((d) => { d.lowScore.below = v ?? 0.5; })} />
          </span>
          <SeveritySelect label="Low score severity" value={rules.lowScore.severity} onChange={(v) => update((d) => { d.lowScore.severity = v; })} />
        </Rule>
        <Rule title="Quit without completing" enabled={rules.quit.enabled} onToggle={(on) => update((d) => { d.quit.enabled = on; })}>
          <span className="muted small">the game ended its session with a level still open</span>
          <SeveritySelect label="Quit severity" value={rules.quit.severity} onChange={(v) => update((d) => { d.quit.severity = v; })} />
        </Rule>
        <h2 className="rules-subhead">Custom rules</h2>
        {rules.custom.map((rule, index) => (
          <fieldset key={rule.id}>
            <legend>
              <label>
                <input type="checkbox" checked={rule.enabled} onChange={(e) => updateCustom(index, (r) => { r.enabled = e.target.checked; })} /> {rule.name}
              </label>
            </legend>
            <div className="form-row">
              <label>
                Name <input aria-label="Custom rule name" value={rule.name} onChange={(e) => updateCustom(index, (r) => { r.name = e.target.value; })} />
              </label>
              <label>
                Verb <input aria-label="Custom rule verb" value={rule.verb} onChange={(e) => updateCustom(index, (r) => { r.verb = e.target.value; })} />
              </label>
              <label>
                Object type <input aria-label="Custom rule object type" value={rule.objectType} onChange={(e) => updateCustom(index, (r) => { r.objectType = e.target.value; })} />
              </label>
              <label>
                Result
                <select aria-label="Custom rule result" value={rule.condition} onChange={(e) => updateCustom(index, (r) => { r.condition = e.target.value as CustomRule['condition']; })}>
                  <option value="any">any</option>
                  <option value="success">success</option>
                  <option value="failure">failure</option>
                  <option value="completed">completed</option>
                  <option value="score-below">score below</option>
                </select>
              </label>
              {rule.condition === 'score-below' && (
                <NumberInput label="Custom rule score" step={0.05} value={rule.score} onChange={(v) => updateCustom(index, (r) => { r.score = v ?? 0.5; })} />
              )}
              <span className="field">
                times
                <NumberInput label="Custom rule count" min={1} value={rule.count} onChange={(v) => updateCustom(index, (r) => { r.count = v ?? 1; })} />
              </span>
              <span className="field">
                within minutes (empty: whole session)
                <NumberInput label="Custom rule window" step={0.5} value={rule.windowMinutes} onChange={(v) => updateCustom(index, (r) => { r.windowMinutes = v; })} />
              </span>
              <SeveritySelect label="Custom rule severity" value={rule.severity} onChange={(v) => updateCustom(index, (r) => { r.severity = v; })} />
              <button type="button" className="button-small" onClick={() => update((d) => void d.custom.splice(index, 1))}>
                Remove
              </button>
            </div>
          </fieldset>
        ))}
        <p>
          <button type="button" className="button-small" onClick={() => update((d) => void d.custom.push(newCustom(d.custom.length)))}>
            Add a custom rule
          </button>
        </p>
        {error && <ErrorBox error={error} />}
        <button type="submit" className="button-primary">
          Save rules
        </button>{' '}
        {saved && (
          <span className="notice" role="status">
            Rules saved.
          </span>
        )}
      </form>
    </details>
  );
}
