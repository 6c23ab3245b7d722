// sharedStrings.xml → the table `t="s"` cells index into. Rich-text runs are
// joined; phonetic guides (<rPh>, the furigana/pinyin Excel stores beside the
// text) are left out, as Excel shows them only on request.
import { decodeOoxmlEscapes, newTag, nextTag, readText, type Tag } from './xml-text';

/** Moves past the closing tag of the element `name` opened at `t`; returns the index after it. */
export function skipElement(s: string, t: Tag, name: string): number {
  if (t.selfClosing) return t.end;
  let depth = 1;
  let i = t.end;
  const u = newTag();
  while (nextTag(s, i, u)) {
    i = u.end;
    if (u.name !== name) continue;
    if (u.closing) {
      if (--depth === 0) return i;
    } else if (!u.selfClosing) depth++;
  }
  return s.length;
}

/**
 * The shared string table (Part 1 §18.4.9 sst): one string per <si>. An <si>
 * (CT_Rst, §18.4.8) may hold a <t> and rich-text runs <r> after it; all their
 * <t>s are joined in order (a plain <t> before the runs is text too).
 * Excel's _xHHHH_ escapes are undone (ST_Xstring, §22.9.2.19).
 */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const t = newTag();
  const at = { pos: 0 };
  let pieces: string[] = [];
  let inSi = false;
  let i = 0;
  while (nextTag(xml, i, t)) {
    i = t.end;
    switch (t.name) {
      case 'si':
        if (t.closing) {
          if (inSi) out.push(pieces.length === 1 ? pieces[0] : pieces.join(''));
          inSi = false;
        } else if (t.selfClosing) out.push('');
        else {
          inSi = true;
          pieces = [];
        }
        break;
      case 'rPh':
        i = skipElement(xml, t, 'rPh');
        break;
      case 't':
        if (!inSi || t.closing || t.selfClosing) break;
        pieces.push(decodeOoxmlEscapes(readText(xml, t.end, at)));
        i = at.pos;
        break;
    }
  }
  return out;
}
