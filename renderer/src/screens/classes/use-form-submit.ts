import { type FormEvent, useState } from 'react';

/**
 * What every form of the Classes screen does on submit: one request at a time (`busy` disables the button), and a
 * refusal shown as the server worded it (`error`; `problem` is the error itself, whose reason says which field it is
 * about). `action` does the request and whatever follows a success.
 */
export function useFormSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Error | null>(null);
  const error = problem?.message ?? null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (caught) {
      setProblem(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, problem, submit };
}
