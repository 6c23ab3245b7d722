// A Web Worker running the core's merge over one share of a large batch, so
// parsing uses every core and the page stays responsive. Plain data in and out.
import { mergeLedgers } from '../../shared/merge';

interface Job {
  files: { name: string; bytes: Uint8Array }[];
  asOf: string;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Job>) => void) | null; postMessage(m: unknown): void };

scope.onmessage = async (e) => {
  try {
    const result = await mergeLedgers(e.data.files, {
      asOf: new Date(e.data.asOf),
      asOfPerFile: true,
      onProgress: (done, total, current) => scope.postMessage({ type: 'progress', done, total, current }),
    });
    scope.postMessage({ type: 'done', result });
  } catch (err) {
    scope.postMessage({ type: 'error', message: String((err as Error)?.message ?? err) });
  }
};
