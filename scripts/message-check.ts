// What a message shown to the user must not be: without the file's name,
// without Chinese, or carrying a library's internals (fflate's `invalid
// distance`, `central directory`, a JS engine's `Maximum call stack size
// exceeded`, `16385 is out of bounds`, a stack line …). Internals belong in the
// problem's `detail`, for support. Used by the conformance run and the
// reader's fuzz test.

const INTERNALS: RegExp[] = [
  /invalid (?:distance|block|length|literal|code|zip|stored|huffman)/i,
  /central directory/i,
  /end of (?:data|central|stream)/i,
  /unexpected (?:EOF|end|token|character)/i,
  /stream (?:finished|finishing)/i,
  /Maximum call stack/i,
  /out of (?:bounds|range|memory)/i,
  /Cannot read propert/i,
  /is not (?:a function|defined|iterable)/i,
  /\b(?:undefined|null|NaN)\b/,
  /\b(?:Type|Range|Syntax|Reference)Error\b/,
  /\bError:/,
  /xmldom|\bsax\b|JSZip|fflate|exceljs/i,
  /Bug :/,
  /\bzip64\b/i,
  /\bat [\w.<>]+ \(/,
];

/**
 * Faults of one message about `file` (empty when it is fine). Names the
 * user chose (the file's, a sheet's, an entry's) are quoted 「…」 and not
 * searched for English.
 */
export function messageFaults(message: string, file: string): string[] {
  const faults: string[] = [];
  if (!message.includes(`「${file}」`)) faults.push('没有写出文件名');
  if (!/[\u4e00-\u9fff]/.test(message)) faults.push('没有中文');
  const own = message.replace(/「[^」]*」/g, '「」');
  for (const re of INTERNALS) if (re.test(own)) faults.push(`含程序内部信息 ${re.source}`);
  // An English sentence: three words in a row (part names like xl/worksheets/sheet1.xml are not words).
  const words = own.replace(/[\w.-]*\/[\w./-]*/g, ' ');
  if (/\b[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,}){2,}\b/.test(words)) faults.push('含英文语句');
  return faults;
}
