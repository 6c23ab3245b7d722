// The bytes of an XML part as text, in the encoding the part is written in.
// ECMA-376 Part 2 (2021) §6.2.5 a) allows UTF-8 and UTF-16, and Excel, .NET
// writers and some Java tools do write UTF-16 parts; a few old generators
// declare other encodings (ISO-8859-1, windows-1252) although the standard
// does not allow them. The encoding is found as XML 1.0 Appendix F says:
// byte order mark first, then the first bytes of "<?xml", then the encoding
// declaration; UTF-8 when nothing says otherwise.

const decoders = new Map<string, TextDecoder>();

function decoder(label: string): TextDecoder | null {
  let d = decoders.get(label);
  if (d) return d;
  try {
    d = new TextDecoder(label);
  } catch {
    return null;
  }
  decoders.set(label, d);
  return d;
}

export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The UTF form the first bytes show (XML 1.0 Appendix F.1): a byte order mark,
 * or '<' (and '?') as UTF-16 code units. Null when the bytes are
 * ASCII-compatible (UTF-8 or a declared single-byte encoding).
 */
export function sniffUtf(b: Uint8Array): XmlEncoding | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b.length >= 2 && b[0] === 0x3c && b[1] === 0x00) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0x00 && b[1] === 0x3c) return 'utf-16be';
  return null;
}

/** Whether the part is UTF-16 (the guard's byte scanners look for ASCII and cannot read it). */
export const isUtf16 = (b: Uint8Array): boolean => {
  const u = sniffUtf(b);
  return u === 'utf-16le' || u === 'utf-16be';
};

const latin1 = new TextDecoder('latin1');

/** The encoding named in an ASCII-compatible XML declaration, lower case; null when none or UTF-8. */
function declaredEncoding(b: Uint8Array): string | null {
  if (b.length < 6 || b[0] !== 0x3c || b[1] !== 0x3f) return null;
  const gt = b.subarray(0, 256).indexOf(0x3e);
  const head = latin1.decode(b.subarray(0, gt < 0 ? 256 : gt));
  // Most parts say UTF-8 or nothing: no regular expression for them.
  const at = head.indexOf('encoding');
  if (at < 0) return null;
  const m = /^encoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head.slice(at));
  const label = m ? m[1].toLowerCase() : null;
  return label === 'utf-8' || label === 'utf8' ? null : label;
}

/** The encoding a part is read in: 'utf-8', 'utf-16le', 'utf-16be' or a declared single-byte one (a TextDecoder label). */
export function xmlEncodingOf(b: Uint8Array): string {
  const utf = sniffUtf(b);
  if (utf) return utf;
  const declared = declaredEncoding(b);
  // A declaration of UTF-16 over ASCII-compatible bytes contradicts them; the bytes win (Appendix F).
  if (declared && !declared.startsWith('utf-16') && !declared.startsWith('ucs-') && decoder(declared)) return declared;
  return 'utf-8';
}

/** Decodes an XML part (a byte order mark is dropped). Never throws: bytes that are not valid in the encoding become U+FFFD. */
export function decodeXmlBytes(b: Uint8Array): string {
  return decodeXmlPart(b).text;
}

/** The text of an XML part and the encoding it was read in. */
export function decodeXmlPart(b: Uint8Array): { text: string; encoding: string } {
  const encoding = xmlEncodingOf(b);
  return { text: decoder(encoding)!.decode(b), encoding };
}

/**
 * XML text about to be stored as UTF-8, its declaration saying so: a part
 * read from UTF-16 or a declared single-byte encoding would otherwise keep
 * a declaration its new bytes contradict (XML 1.0 §4.3.3 makes that an error).
 */
export const declaredUtf8 = (xml: string): string => xml.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*/, '$1UTF-8');
