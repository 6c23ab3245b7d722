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

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const t = newTag();
  const at = { pos: 0 };
  let runs: string[] = [];
  let direct: string | null = null;
  let inRun = false;
  let inSi = false;
  let i = 0;
  while (nextTag(xml, i, t)) {
    i = t.end;
    switch (t.name) {
      case 'si':
        if (t.closing) {
          out.push(runs.length ? runs.join('') : (direct ?? ''));
          inSi = false;
        } else if (t.selfClosing) out.push('');
        else {
          inSi = true;
          runs = [];
          direct = null;
          inRun = false;
        }
        break;
      case 'r':
        inRun = !t.closing && !t.selfClosing;
        break;
      case 'rPh':
        i = skipElement(xml, t, 'rPh');
        break;
      case 't':
        if (!inSi || t.closing) break;
        {
          const text = t.selfClosing ? '' : decodeOoxmlEscapes(readText(xml, t.end, at));
          if (!t.selfClosing) i = at.pos;
          if (inRun) runs.push(text);
          else direct = text;
        }
        break;
    }
  }
  return out;
}
