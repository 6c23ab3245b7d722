// mergeFile per file and combineFiles over them is what the dashboard does
// (the files read in Web Workers, joined on the page); mergeLedgers is what
// `kesu merge` does. Both must give the same result.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { combineFiles, mergeFile, mergeLedgers, uniqueNamer } from '../../shared/merge';
import { makeSampleData } from '../../scripts/make-sample-data';
import { workbookReader } from '../../shared/io';

describe('combineFiles over mergeFile', () => {
  it('gives what mergeLedgers gives, duplicates included (the sample data twice)', async () => {
    const sample = await makeSampleData();
    const inputs = [...sample.files, ...sample.files.slice(0, 4)].map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(sample.dir, name))) }));
    const opts = { read: workbookReader(), asOf: new Date(2024, 0, 1), asOfPerFile: true };
    const whole = await mergeLedgers(inputs, opts);
    const unique = uniqueNamer();
    const files = [];
    for (const input of inputs) files.push(await mergeFile({ ...input, name: unique(input.name) }, opts));
    const joined = combineFiles(files, opts);
    expect(whole.duplicates.length).toBeGreaterThan(0);
    expect(joined.files.map((f) => f.file)).toContain(`${sample.files[0]} (2)`);
    expect(joined).toEqual(whole);
  });

  it('identities computed while reading equal those computed in the join', async () => {
    const sample = await makeSampleData();
    const opts = { read: workbookReader(), asOf: new Date(2024, 0, 1), asOfPerFile: true };
    const inputs = [...sample.files.slice(0, 3), sample.files[0]!].map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(sample.dir, name))) }));
    const unique = uniqueNamer();
    const files = [];
    for (const input of inputs) files.push(await mergeFile({ ...input, name: unique(input.name) }, opts));
    const withKeys = combineFiles(files, opts);
    const withoutKeys = combineFiles(
      files.map((f) => ({ ...f, identities: { numbered: [], text: [] } })),
      opts,
    );
    expect(withoutKeys.duplicates).toEqual(withKeys.duplicates);
    expect(withoutKeys.tasks.length).toBe(withKeys.tasks.length);
  });
});
