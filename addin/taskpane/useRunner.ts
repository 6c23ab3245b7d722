// One long-running command at a time, with a status line: what is running,
// then what happened, in Chinese. Excel's refusals become our sentence by
// e.code with Excel's own words in a details line (messages.ts); the
// gateway's notices (merged cells skipped, a note refused …) are added to the
// outcome, which then shows as a warning. A command still running after a
// few seconds shows a hint: Excel holds commands while a cell is being edited.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Outcome } from '../commands/result';
import type { WorkbookGateway } from '../gateway';
import { hostFailure } from '../messages';

export interface Status {
  kind: 'idle' | 'busy' | 'success' | 'error' | 'warning';
  text: string;
  /** Excel's own message for a failure, or the notices behind a warning. */
  details?: string | null;
}

/** How long a command runs before the busy line adds the hint. */
export const HINT_AFTER_MS = 3000;

export function useRunner(gateway?: WorkbookGateway, busyHint?: string) {
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '就绪' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopHint = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stopHint, []);
  const run = useCallback(async <T,>(label: string, fn: () => Promise<Outcome<T>>, done: (v: T) => string | { text: string; warning: boolean }): Promise<T | null> => {
    setStatus({ kind: 'busy', text: `${label}…` });
    stopHint();
    if (busyHint) timer.current = setTimeout(() => setStatus((s) => (s.kind === 'busy' ? { ...s, details: busyHint } : s)), HINT_AFTER_MS);
    const notices = () => gateway?.takeNotices() ?? [];
    try {
      const r = await fn();
      stopHint();
      const extra = notices();
      if (!r.ok) {
        setStatus({ kind: 'error', text: r.message, details: extra.join('') || null });
        return null;
      }
      const d = done(r.value);
      const text = typeof d === 'string' ? d : d.text;
      const warning = (typeof d !== 'string' && d.warning) || extra.length > 0;
      const more = extra.filter((n) => !text.includes(n)).join('');
      setStatus({ kind: warning ? 'warning' : 'success', text, details: more || null });
      return r.value;
    } catch (e) {
      stopHint();
      notices();
      const f = hostFailure(e);
      setStatus({ kind: 'error', text: f.text, details: f.details });
      return null;
    }
  }, [gateway, busyHint]);
  return { status, run, busy: status.kind === 'busy' };
}

export type Runner = ReturnType<typeof useRunner>;
