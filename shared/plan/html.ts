// A plan saved from a government web page (.html / .htm) → plan text: blocks
// become lines, table rows become tab-joined cells (like io/docx), scripts,
// styles and navigation markup are dropped. Regex-level on purpose: the core
// has no DOM, and the text only needs its line structure back.
const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", ldquo: '“', rdquo: '”', mdash: '—', hellip: '…', middot: '·', emsp: ' ', ensp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (/<(p|div|table|br)[\s>/]/i.test(head) && /<\/(p|div|td)>/i.test(text.slice(0, 20000)));
}

/** Marks a line made from a spanned table so its trailing empty cells survive the clean-up below. */
const ROW_MARK = '\u0000';

/** A cell's text on one line: tags and line breaks become spaces. */
const cellText = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * A table with merged cells (rowspan / colspan) as rows of tab-joined cells,
 * the positions a merge covers left '' — the way io/docx writes a Word table's
 * vMerge / gridSpan — so the columns line up under their header. Only tables
 * with no table inside (a layout table keeps its paragraphs).
 */
function spannedTables(html: string): string {
  return html.replace(/<table\b[^>]*>((?:(?!<table\b)[\s\S])*?)<\/table\s*>/gi, (whole, inner: string) => {
    if (!/\b(?:rowspan|colspan)\s*=/i.test(inner)) return whole;
    const carry: number[] = []; // rows a merge still covers, per column
    const lines: string[] = [];
    for (const tr of inner.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi)) {
      const cells: string[] = [];
      let col = 0;
      const covered = () => {
        while ((carry[col] ?? 0) > 0) {
          carry[col]!--;
          cells.push('');
          col++;
        }
      };
      for (const td of tr[1]!.matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi)) {
        covered();
        const attr = (name: string) => Math.max(1, Number(new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(td[2]!)?.[1] ?? 1) || 1);
        const across = Math.min(attr('colspan'), 50);
        const down = Math.min(attr('rowspan'), 500);
        cells.push(cellText(td[3]!));
        for (let k = 0; k < across; k++) {
          if (k > 0) cells.push('');
          carry[col] = down - 1;
          col++;
        }
      }
      covered();
      if (cells.some((c) => c)) lines.push(ROW_MARK + cells.join('\t'));
    }
    return `\n\n${lines.join('\n')}\n\n`;
  });
}

export function htmlToText(html: string): string {
  let s = spannedTables(
    html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|noscript|head|nav|footer|header|select|button)\b[\s\S]*?<\/\1\s*>/gi, '\n'),
  )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(td|th)\s*>/gi, '\t')
    .replace(/<\/tr\s*>/gi, '\n')
    .replace(/<(table|\/table)\b[^>]*>/gi, '\n\n')
    .replace(/<\/?(p|div|li|ul|ol|h[1-6]|section|article|blockquote|pre|dt|dd|tbody|thead)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  return s
    .split('\n')
    .map((l) => {
      if (l.startsWith(ROW_MARK)) return l.slice(1).replace(/[ \u00a0]+/g, ' ');
      return l.includes('\t') ? l.replace(/[ \u00a0]+/g, ' ').replace(/\t[ ]+|[ ]+\t/g, '\t').replace(/\t+$/, '') : l.replace(/[ \t\u00a0]+/g, ' ').trim();
    })
    .join('\n')
    .replace(/\n\s*\n/g, '\n') // block tags leave blank lines; paragraphs are lines
    .trim();
}
