import { type FormEvent, useState } from 'react';

/**
 * What every form of the Classes screen does on submit: one request at a time (`busy` disables the button), and a
 * refusal shown as the server worded it. `action` does the request and whatever follows a success.
 */
export function useFormSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (problem) {
      setError((problem as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
