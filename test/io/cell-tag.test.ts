// cellTag reads a cell's r, t and s in place; where it answers, it must give
// what the generic attribute reader gives, and where it cannot (entities,
// odd styles) it must say so, so the reader falls back.
import { describe, expect, it } from 'vitest';
import { cellTag, columnOf } from '../../shared/io/sheet-xml';
import { newTag, nextTag, readAttrs } from '../../shared/io/xml-text';

function both(tag: string) {
  const t = newTag();
  nextTag(tag, 0, t);
  const cell = { col: -1, type: 'x' as string | null, style: -1 };
  const ok = cellTag(tag, t, cell);
  const out: (string | null)[] = [null, null, null];
  readAttrs(tag, t, ['r', 't', 's'], out);
  const [ref, type, s] = out;
  return { ok, cell, generic: { col: ref ? columnOf(ref) : 0, type, style: s ? parseInt(s, 10) : 0 } };
}

describe('cellTag', () => {
  it.each([
    '<c r="B2" s="3" t="s">',
    '<c r="$AB$12" t="str">',
    '<c t="inlineStr" r="XFD1048576" s="12"/>',
    "<c r='C3' s='0'>",
    '<c>',
    '<c r="A1" r="B1" s="1" s="2">',
    '<x:c r="D4" s="7" t="n">',
    '<c r="A1" s="">',
    '<c  r = "E5"   t = "b" >',
    '<c r="ABCD1">',
    '<c r="1A">',
    '<c rr="A1" ss="2" tt="s" r="F6">',
  ])('%s: same as the generic reader', (tag) => {
    const { ok, cell, generic } = both(tag);
    expect(ok).toBe(true);
    expect(cell).toEqual(generic);
  });

  it.each(['<c r="A&#49;" s="1">', '<c r="A1" t="s&amp;">', '<c r="A1" s=" 4">', '<c r="A1" s="-1">', '<c r="A1" s="2x">'])('%s: falls back to the generic reader', (tag) => {
    expect(both(tag).ok).toBe(false);
  });
});
