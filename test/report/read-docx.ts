// A Word document read back with mammoth as the lines a reader sees: each
// paragraph a line, each table row one line of cells joined by ' | ', the
// header rows Word repeats on every page marked, images as [图片].
import mammoth from 'mammoth';

export interface DocxText {
  /** Paragraphs and table rows in order. */
  lines: string[];
  /** Every table: its header row (<thead>) and its body rows, cells as text. */
  tables: { head: string[]; rows: string[][] }[];
  /** h1 and h2 headings. */
  headings: { level: number; text: string }[];
  images: number;
  html: string;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const text = (html: string): string => unescape(html.replace(/<\/p><p>/g, '\n').replace(/<[^>]+>/g, '')).trim();
const cells = (row: string): string[] => [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((m) => text(m[1]!));

export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const lines: string[] = [];
  const tables: DocxText['tables'] = [];
  const headings: DocxText['headings'] = [];
  let images = 0;
  // top-level blocks: tables (not nested here) and paragraphs / headings
  for (const m of html.matchAll(/<table>(.*?)<\/table>|<(p|h[1-6])>(.*?)<\/\2>/gs)) {
    if (m[1] !== undefined) {
      const head = /<thead>(.*?)<\/thead>/s.exec(m[1]);
      const body = m[1].replace(/<thead>.*?<\/thead>/s, '');
      const t = { head: head ? cells(head[1]!) : [], rows: [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) => cells(r[1]!)) };
      tables.push(t);
      if (t.head.length) lines.push(t.head.join(' | '));
      for (const r of t.rows) lines.push(r.join(' | ').replace(/\n/g, ' / '));
      continue;
    }
    const inner = m[3]!;
    if (/<img /.test(inner)) {
      images++;
      lines.push('[图片]');
      continue;
    }
    const s = text(inner);
    if (m[2]!.startsWith('h')) headings.push({ level: Number(m[2]![1]), text: s });
    if (s) lines.push(s);
  }
  return { lines, tables, headings, images, html };
}
