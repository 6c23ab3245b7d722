// A plan file's bytes → its text: .docx through the reader's readDocx, text
// files in UTF-8, UTF-16 or GB18030 (what Chinese Windows saves as "ANSI").
// Sniffs the bytes, so a .docx renamed .txt still reads and a PDF or old .doc
// gets a clear message. The reader is a parameter: each face passes shared/io's
// planReader; this module imports no io.
import type { FileProblem } from '../model';
import { htmlToText, looksLikeHtml } from './html';
import { planProblem } from './messages';

export type PlanText = { ok: true; text: string; encoding: string } | { ok: false; problem: FileProblem };

/** What reading a plan needs of the io layer (shared/io planReader). */
export interface PlanReader {
  /** A Word file by its bytes: a zip package (.docx) or an OLE compound file (old .doc). */
  isWordFile(bytes: Uint8Array): boolean;
  /** A Word document's text; an old .doc, an encrypted or broken file is a problem naming the file. */
  readDocx(bytes: Uint8Array, file: string): Promise<{ ok: true; text: string } | { ok: false; problem: FileProblem }>;
  looksLikeText(bytes: Uint8Array): boolean;
  /** UTF-8, UTF-16 (by BOM) or GB18030, and which. */
  decodeText(bytes: Uint8Array): { text: string; encoding: string };
}

/**
 * Characters a plan may have. The seeds have 10,000–15,000; the importer's
 * memory grows with the text (a 32 MB text took 2.7 GB and printed 380 MB of
 * JSON), so a text many times any real plan is refused, not read.
 */
export const PLAN_TEXT_MAX = 1_000_000;

const tooLong = (file: string, count: number, unit = '个字符'): PlanText => ({
  ok: false,
  problem: planProblem('plan.too-long', file, { count: count.toLocaleString('en-US'), unit, limit: PLAN_TEXT_MAX.toLocaleString('en-US') }),
});

export async function readPlanFile(bytes: Uint8Array, file: string, reader: PlanReader): Promise<PlanText> {
  const read = await readPlanText(bytes, file, reader);
  return read.ok && read.text.length > PLAN_TEXT_MAX ? tooLong(file, read.text.length) : read;
}

async function readPlanText(bytes: Uint8Array, file: string, reader: PlanReader): Promise<PlanText> {
  if (bytes.length === 0) return { ok: false, problem: planProblem('plan.empty', file) };
  const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  if (isPdf) return { ok: false, problem: planProblem('plan.pdf', file) };
  if (/\.docx?$/i.test(file) || reader.isWordFile(bytes)) {
    const r = await reader.readDocx(bytes, file);
    return r.ok ? { ok: true, text: r.text, encoding: 'docx' } : r;
  }
  if (!reader.looksLikeText(bytes)) return { ok: false, problem: planProblem('plan.binary', file) };
  // Every character takes at most 4 bytes: a text this long is over the bound before it is decoded.
  if (bytes.length > 4 * PLAN_TEXT_MAX) return tooLong(file, bytes.length, '字节');
  const { text, encoding } = reader.decodeText(bytes);
  if (/\.html?$/i.test(file) || looksLikeHtml(text)) return { ok: true, text: htmlToText(text), encoding: `${encoding} (HTML)` };
  return { ok: true, text, encoding };
}
