// What the plan importer reads a file with (shared/plan readPlanFile takes it
// as a parameter rather than importing io): the .docx reader, and the byte
// sniffing and decoding of text files the CSV reader uses too.
import { isCfb } from './cfb';
import { decodeText, looksLikeText } from './csv';
import { readDocx } from './docx';
import { startsWithZipSignature } from './zip';

export const planReader = Object.freeze({
  /** A Word file by its bytes: a zip package (.docx) or an OLE compound file (old .doc, an encrypted .docx). */
  isWordFile: (bytes: Uint8Array): boolean => startsWithZipSignature(bytes) || isCfb(bytes),
  readDocx,
  looksLikeText,
  decodeText,
});
