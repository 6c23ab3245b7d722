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

export function htmlToText(html: string): string {
  let s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|head|nav|footer|header|select|button)\b[\s\S]*?<\/\1\s*>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(td|th)\s*>/gi, '\t')
    .replace(/<\/tr\s*>/gi, '\n')
    .replace(/<(table|\/table)\b[^>]*>/gi, '\n\n')
    .replace(/<\/?(p|div|li|ul|ol|h[1-6]|section|article|blockquote|pre|dt|dd|tbody|thead)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  return s
    .split('\n')
    .map((l) => (l.includes('\t') ? l.replace(/[ \u00a0]+/g, ' ').replace(/\t[ ]+|[ ]+\t/g, '\t').replace(/\t+$/, '') : l.replace(/[ \t\u00a0]+/g, ' ').trim()))
    .join('\n')
    .replace(/\n\s*\n/g, '\n') // block tags leave blank lines; paragraphs are lines
    .trim();
}
