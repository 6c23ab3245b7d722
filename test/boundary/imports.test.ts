// The core's boundary as a check, not a convention (docs/architecture.md):
// faces import a core module only through its index.ts, and the core imports
// no Node built-in, no UI package and nothing outside shared/.
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/paths';
import { boundaryProblems, coreImportProblem, faceImportProblem, importsOf, readerImportProblem, runtimeImportsOf } from './rules';

describe('import specifiers', () => {
  it.each([
    [`import { a } from '../shared/io';`, ['../shared/io']],
    [`import type { B } from "../../shared/merge/types";`, ['../../shared/merge/types']],
    [`export { c } from './c';\nexport * from './d';`, ['./c', './d']],
    [`import './side-effect';`, ['./side-effect']],
    [`const m = await import('../../shared/io/read');`, ['../../shared/io/read']],
    [`import {\n  a,\n  b,\n} from 'node:fs';`, ['node:fs']],
  ])('%s', (source, expected) => {
    expect(importsOf(source)).toEqual(expected);
  });
});

describe('a face reaches a core module through its index.ts', () => {
  it.each([
    ['cli/commands/merge.ts', '../../shared/merge', null],
    ['cli/commands/merge.ts', '../../shared/model', null],
    ['cli/io.ts', '../shared', null],
    ['cli/io.ts', '../shared/index', null],
    ['cli/io.ts', '../shared/io/index', null],
    ['cli/io.ts', '../node', null],
    ['cli/io.ts', './format', null],
    ['cli/io.ts', 'exceljs', null],
    ['cli/commands/merge.ts', '../../shared/merge/combine', 'cli/commands/merge.ts imports ../../shared/merge/combine: past shared/merge/index.ts'],
    ['dashboard/load/server.ts', '../../shared/io/bundle', 'dashboard/load/server.ts imports ../../shared/io/bundle: past shared/io/index.ts'],
    ['bench/merge.ts', '../shared/ledger/standard', 'bench/merge.ts imports ../shared/ledger/standard: past shared/ledger/index.ts'],
  ])('%s → %s', (file, spec, problem) => {
    expect(faceImportProblem(file, spec)).toBe(problem);
  });
});

describe('the core imports nothing of Node, the UI or the faces', () => {
  it.each([
    ['shared/io/read.ts', './zip', false],
    ['shared/merge/merge.ts', '../io', false],
    ['shared/io/write.ts', 'exceljs', false],
    ['shared/io/read.ts', 'node:fs/promises', true],
    ['shared/io/read.ts', 'fs', true],
    ['shared/io/read.ts', 'path', true],
    ['shared/aggregate/cube.ts', 'react', true],
    ['shared/aggregate/cube.ts', '@fluentui/react-components', true],
    ['shared/io/index.ts', '../../node', true],
    ['shared/checks/validate.ts', '../../cli/format', true],
  ])('%s → %s', (file, spec, refused) => {
    expect(coreImportProblem(file, spec) !== null).toBe(refused);
  });
});

describe('the merge and the plan importer are given their reader', () => {
  it.each([
    [`import type { ReadResult } from '../io/grid';`, []],
    [`export type { SheetSpec } from '../io/spec';`, []],
    [`import { readWorkbook } from '../io/read';`, ['../io/read']],
    [`export { planReader } from '../io';`, ['../io']],
    [`const { readDocx } = await import('../io/docx');`, ['../io/docx']],
    [`import {\n  isCfb,\n} from '../io/cfb';`, ['../io/cfb']],
  ])('%s imports at run time %j', (source, expected) => {
    expect(runtimeImportsOf(source)).toEqual(expected);
  });

  it.each([
    ['shared/merge/merge.ts', '../io/read', true],
    ['shared/merge/merge.ts', '../io', true],
    ['shared/plan/read.ts', '../io/docx', true],
    ['shared/plan/read.ts', '../io/zip', true],
    ['shared/merge/merge.ts', '../io/a1', false],
    ['shared/merge/merge.ts', '../ledger/read', false],
    ['shared/ledger/read.ts', '../io/read', false],
  ])('%s → %s refused: %s', (file, spec, refused) => {
    expect(readerImportProblem(file, spec) !== null).toBe(refused);
  });
});

describe('the repository', () => {
  it('keeps the boundary: no face past an index.ts, no core file reaching out', () => {
    expect(boundaryProblems(REPO)).toEqual([]);
  });
});
