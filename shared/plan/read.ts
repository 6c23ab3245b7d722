// A plan file's bytes → its text: .docx through io/docx, text files in UTF-8,
// UTF-16 or GB18030 (what Chinese Windows saves as "ANSI"). Sniffs the bytes, so
// a .docx renamed .txt still reads and a PDF or old .doc gets a clear message.
import type { FileProblem } from '../model';
import { isCfb } from '../io/cfb';
import { decodeText, looksLikeText } from '../io/csv';
import { readDocx } from '../io/docx';
import { startsWithZipSignature } from '../io/zip';
import { htmlToText, looksLikeHtml } from './html';
import { planProblem } from './messages';

export type PlanText = { ok: true; text: string; encoding: string } | { ok: false; problem: FileProblem };

export async function readPlanFile(bytes: Uint8Array, file: string): Promise<PlanText> {
  if (bytes.length === 0) return { ok: false, problem: planProblem('plan.empty', file) };
  const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  if (isPdf) return { ok: false, problem: planProblem('plan.pdf', file) };
  if (/\.docx?$/i.test(file) || startsWithZipSignature(bytes) || isCfb(bytes)) {
    const r = await readDocx(bytes, file);
    return r.ok ? { ok: true, text: r.text, encoding: 'docx' } : r;
  }
  if (!looksLikeText(bytes)) return { ok: false, problem: planProblem('plan.binary', file) };
  const { text, encoding } = decodeText(bytes);
  if (/\.html?$/i.test(file) || looksLikeHtml(text)) return { ok: true, text: htmlToText(text), encoding: `${encoding} (HTML)` };
  return { ok: true, text, encoding };
}
