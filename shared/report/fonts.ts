// The fonts of a 公文 and what Word should use where a machine lacks one.
// OOXML has no list of fallbacks per run: a reader that lacks a font picks a
// substitute from the font table's description of it (ECMA-376 Part 1
// §17.8.3: w:altName 17.8.3.1, w:charset 17.8.3.2, w:family 17.8.3.9,
// w:panose1 17.8.3.13, w:pitch 17.8.3.15, w:sig 17.8.3.16). So each font is
// described as the Chinese face it is — GB2312 character set (86), its PANOSE
// class — and names its common stand-in as altName: 仿宋_GB2312 → 仿宋,
// 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体 (Windows ships 仿宋, 楷体, 黑体, 宋体;
// government machines and WPS add the _GB2312 faces and 方正小标宋).
export interface FontSpec {
  name: string;
  altName: string;
  panose: string;
  family: 'auto' | 'modern' | 'roman' | 'swiss' | 'script';
  pitch: 'fixed' | 'variable';
}

// Code pages (csb0 bit 18: GB2312) and Unicode ranges (CJK ideographs) of the Chinese faces, as Word records them.
const CJK_SIG = 'w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" w:csb0="00040000" w:csb1="00000000"';

export const FONTS = {
  /** The title: 方正小标宋简体, else 宋体. */
  title: { name: '方正小标宋简体', altName: '宋体', panose: '03000509000000000000', family: 'script', pitch: 'fixed' },
  /** The text and tables. */
  fangsong: { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  /** Second-level headings (（一）) and the lines under the title. */
  kai: { name: '楷体_GB2312', altName: '楷体', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  /** First-level headings (一、), table headers, the notice's labels. */
  hei: { name: '黑体', altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  /** Page numbers. */
  song: { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
} as const satisfies Record<string, FontSpec>;

const LATIN = '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>';

/** word/fontTable.xml describing the document's fonts. */
export function fontTableXml(): string {
  const fonts = Object.values(FONTS as Record<string, FontSpec>).map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/><w:sig ${CJK_SIG}/></w:font>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    [...fonts, LATIN].join('') +
    '</w:fonts>'
  );
}
