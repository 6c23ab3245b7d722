// One long-running command at a time, with a status line: what is running,
// then what happened, in Chinese. Unexpected failures become a message too.
import { useCallback, useState } from 'react';
import type { Outcome } from '../commands/result';
import { failureText } from '../messages';

export interface Status {
  kind: 'idle' | 'busy' | 'success' | 'error' | 'warning';
  text: string;
}

export function useRunner() {
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '就绪' });
  const run = useCallback(async <T,>(label: string, fn: () => Promise<Outcome<T>>, done: (v: T) => string | { text: string; warning: boolean }): Promise<T | null> => {
    setStatus({ kind: 'busy', text: `${label}…` });
    try {
      const r = await fn();
      if (!r.ok) {
        setStatus({ kind: 'error', text: r.message });
        return null;
      }
      const d = done(r.value);
      setStatus(typeof d === 'string' ? { kind: 'success', text: d } : { kind: d.warning ? 'warning' : 'success', text: d.text });
      return r.value;
    } catch (e) {
      setStatus({ kind: 'error', text: failureText(e) });
      return null;
    }
  }, []);
  return { status, run, busy: status.kind === 'busy' };
}

export type Runner = ReturnType<typeof useRunner>;
