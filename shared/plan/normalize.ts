// Text normalisation for plan documents. Two layers:
// - clean(): what the user sees (content, titles). Only changes that no reader
//   would call an edit: line endings, odd spaces, full-width digits and letters.
// - fold(): a 1:1 character mapping used only for matching, so offsets found on
//   the folded line are valid on the clean line. Full-width punctuation becomes
//   ASCII (（）→(), ：→:, ，→,, ．→.), 〔〕【】→[], every dash → '-'.

const FULLWIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05]/g;

/** Cleans the whole text: one string of lines separated by '\n', tabs kept (tables). */
export function clean(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\u2028|\u2029|\u000B|\u000C/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u00A0\u2002-\u200A\u202F\u205F]/g, ' ')
    .replace(FULLWIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .split('\n')
    .map((l) => l.replace(/[ \u3000]+$/g, ''))
    .join('\n');
}

const FOLD: Record<string, string> = {
  '〔': '[',
  '〕': ']',
  '【': '[',
  '】': ']',
  '［': '[',
  '］': ']',
  '\u3000': ' ',
  '\u2014': '-',
  '\u2015': '-',
  '\u2013': '-',
  '\u2012': '-',
  '\u2500': '-',
  '\uFE58': '-',
  '\u2212': '-',
  '~': '-',
  '～': '-',
};

const FOLDABLE = /[\uFF01-\uFF5E〔〕【】\u3000\u2012-\u2015\u2500\uFE58\u2212~]/g;

/** Same length as the input, character by character. */
export function fold(s: string): string {
  return s.replace(FOLDABLE, (ch) => FOLD[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Trim spaces (not tabs) and ideographic spaces at both ends. */
export function trimLine(s: string): string {
  return s.replace(/^[ \u3000]+|[ \u3000]+$/g, '');
}

// Page furniture: lines a web page or PDF export adds around the document.
// Each pattern is tested on the folded, trimmed line.
const FURNITURE: RegExp[] = [
  /^当前位置/,
  /^您(现在)?的位置/,
  /\d+\s*次(浏览|阅读|访问)/,
  /(浏览|阅读|访问)(次数|量)\s*[:：]/,
  /^第\s*\d+\s*页\s*[/,]?\s*(共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页/,
  /第\s*\d+\s*页\s*[/,]?\s*共\s*\d+\s*页/,
  /^-\s*\d+\s*-$/,
  /^\d+\s*\/\s*\d+$/,
  /分享到/,
  /扫一扫/,
  /在手机(上)?打开/,
  /^(首页|网站首页|主页)\s*[>»›]/,
  /\S\s*>\s*\S+\s*>\s*\S/, // breadcrumbs: 首页 > 政务公开 > 通知公告
  /^\[?(打印(本页)?|关闭(窗口|本页)?|收藏|返回顶部|上一篇|下一篇|相关链接)\]?/,
  /^(字号|字体)\s*[:：]?\s*\[?\s*大\s*中\s*小/,
  /^\[?\s*大\s*中\s*小\s*\]?$/,
  /^(附件)?下载\s*[:：]?/,
  /^相关(附件|文件)\s*[:：]?$/,
  /^(来源|信息来源|文章来源|责任编辑|编辑|审核|发布时间|发布日期|发布机构|政策来源)\s*[:：]/,
  /(版权所有|ICP备|网站标识码|主办单位\s*[:：]|技术支持\s*[:：])/,
  /^(\(|（)此件(公开发布|主动公开|不公开)(\)|）)$/,
];

/** A short line naming a downloadable file (the "download box" of a site). */
const DOWNLOAD_BOX = /^[^。]{0,60}\.(docx?|pdf|wps|xlsx?|ofd|zip|rar)\s*(\(\s*\d+(\.\d+)?\s*[KMG]?B\s*\))?$/i;

export function isFurniture(foldedTrimmed: string): boolean {
  if (!foldedTrimmed) return false;
  if (foldedTrimmed.length > 120) return false;
  return FURNITURE.some((re) => re.test(foldedTrimmed)) || DOWNLOAD_BOX.test(foldedTrimmed);
}

/** Pasted text that is Markdown: headings (# …) or a pipe table with its |---| row. */
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split('\n');
  const headings = lines.filter((l) => /^#{1,6}\s+\S/.test(l)).length;
  const tableRule = lines.some((l) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(l));
  return headings >= 2 || tableRule;
}

/**
 * Markdown to plain plan text: headings, list bullets, emphasis and tables
 * (| a | b | rows become tab-joined cells, like a Word table).
 */
export function fromMarkdown(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(l))
    .map((l) => {
      let s = l;
      if (/^\s*\|.*\|\s*$/.test(s)) {
        s = s
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => c.trim())
          .join('\t');
      }
      s = s.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/^\s{0,3}>\s?/, '');
      s = s.replace(/^\s{0,3}[-*+]\s+(?=\S)/, '');
      s = s.replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2').replace(/`([^`]*)`/g, '$1');
      return s;
    })
    .join('\n');
}

/** Ends a sentence, a bracket or a quote: a line ending so is not cut mid-sentence. */
const LINE_END = /[。；;：:！!？?”」』）)〕】\]]\s*$/;
const STARTS_ITEM = /^\s*([(（]\s*)?([一二三四五六七八九十]{1,3}|\d{1,3})\s*([)）]|[、.．,，])|^\s*(附件|附表)/;

/**
 * Text copied from a PDF is cut into lines of one width, mid-sentence (and mid
 * owner bracket). When most lines share one width, a full-width line that does
 * not end a sentence is joined with the next one. Web copies (one paragraph
 * per line, widths all different) are left alone.
 */
export function unwrap<L extends { no: number; text: string }>(lines: L[]): L[] {
  const lens = lines.map((l) => l.text.trim().length).filter((n) => n > 0);
  if (lens.length < 8) return lines;
  const sorted = [...lens].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)]!;
  if (width < 20) return lines;
  const full = (n: number) => n >= width * 0.9 && n <= width + 2;
  if (lens.filter(full).length < lens.length * 0.3) return lines;
  const out: L[] = [];
  let lastLen = 0; // width of the last physical line (not of the joined text)
  let lastEnd = '';
  for (const l of lines) {
    const prev = out[out.length - 1];
    const t = l.text.trim();
    if (prev && t && !t.includes('\t') && !prev.text.trim().includes('\t') && full(lastLen) && !LINE_END.test(lastEnd) && !STARTS_ITEM.test(t)) {
      out[out.length - 1] = { ...prev, text: prev.text.trimEnd() + t };
    } else out.push(l);
    lastLen = t.length;
    lastEnd = l.text;
  }
  return out;
}
