// Thinning a sheet "formatted to the bottom": rows without a value are
// dropped, as are stray values far below the data, before any parser
// allocates a million row objects.

const VALUE_RE = /<(?:\w+:)?(?:v|is|f)\b/;

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Visits each <row> element: where it starts and ends, its attribute text and
 * its body (undefined for <row/>). Linear in the text: the next </row> is
 * looked up once and reused, so a sheet of unterminated rows cannot make it
 * quadratic (as a lazy `<row>[\s\S]*?</row>` regex would be). A <row> with no
 * </row> after it is left in place, unvisited.
 */
function eachRow(xml: string, visit: (start: number, end: number, attrs: string, body: string | undefined) => void): void {
  let close = -2;
  let i = xml.indexOf('<row');
  while (i >= 0) {
    if (isWordChar(xml.charCodeAt(i + 4))) {
      i = xml.indexOf('<row', i + 4);
      continue;
    }
    const gt = xml.indexOf('>', i + 4);
    if (gt < 0) return;
    if (xml.charCodeAt(gt - 1) === 47 /* / */ && gt - 1 >= i + 4) {
      visit(i, gt + 1, xml.slice(i + 4, gt - 1), undefined);
      i = xml.indexOf('<row', gt + 1);
      continue;
    }
    if (close !== -1 && close < gt + 1) close = xml.indexOf('</row>', gt + 1);
    if (close === -1) {
      i = xml.indexOf('<row', i + 4);
      continue;
    }
    visit(i, close + 6, xml.slice(i + 4, gt), xml.slice(gt + 1, close));
    i = xml.indexOf('<row', close + 6);
  }
}

/**
 * Keeps rows that hold a value (or formula) at or above the cap; counts what it
 * drops, and the value rows (empty formatted rows do not count).
 */
export function thinSheetXml(xml: string, maxRows: number): { xml: string; valueRows: number; strayRows: number; emptyRows: number; firstStray?: number } {
  let prev = 0;
  let emptyRows = 0;
  let valueRows = 0;
  let strayRows = 0;
  let firstStray: number | undefined;
  const out: string[] = [];
  let last = 0;
  eachRow(xml, (start, end, attrs, body) => {
    const m = /\br\s*=\s*"(\d+)"/.exec(attrs);
    const r = m ? Number(m[1]) : prev + 1;
    prev = r;
    let keep = true;
    if (!body || !VALUE_RE.test(body)) {
      emptyRows++;
      keep = false;
    } else {
      valueRows++;
      if (r > maxRows) {
        strayRows++;
        firstStray ??= r;
        keep = false;
      }
    }
    if (!keep) {
      out.push(xml.slice(last, start));
      last = end;
    }
  });
  out.push(xml.slice(last));
  return { xml: out.join(''), valueRows, strayRows, emptyRows, firstStray };
}
