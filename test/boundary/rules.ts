// The seams of docs/architecture.md as rules over import specifiers, so a
// test can hold the code to them (imports.test.ts) and a table can show each
// rule refusing what it should (the same test file).
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The faces and the Node adapters: they reach the core only through a
 * module's index.ts. (bench/ and scripts/ may measure a module's internals,
 * such as the exceljs reader kept for comparison, as the tests do.)
 */
export const FACE_DIRS = ['addin', 'dashboard', 'cli', 'server', 'node'] as const;

/** Packages the pure core must not import: Node, the browser's UI stack, Office.js. */
const UI_PACKAGES = /^(react|react-dom|@fluentui\/|recharts|@microsoft\/office-js|office-js|playwright)/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Every module specifier a TypeScript file imports or re-exports (static and dynamic). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  // `import x from '…'`, `import type … from '…'`, `export … from '…'`, `import '…'`, `import('…')`
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g;
  for (const m of source.matchAll(re)) out.push(m[2]!);
  return out;
}

/**
 * Why a face's import reaches past a core module's index.ts, or null when it
 * does not. `file` and the result are paths relative to the repository root.
 * A module of the core is a folder of shared/ (its index.ts is the way in) or
 * one of shared/'s own files (model.ts, text-cache.ts, index.ts).
 */
export function faceImportProblem(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  if (!target.startsWith('shared/')) return null;
  const parts = target.split('/').slice(1);
  if (parts.length === 1) return null;
  if (parts.length === 2 && parts[1] === 'index') return null;
  return `${file} imports ${spec}: past shared/${parts[0]}/index.ts`;
}

/** Why a file of the core may not import `spec`, or null when it may. */
export function coreImportProblem(file: string, spec: string): string | null {
  if (NODE_BUILTINS.has(spec)) return `${file} imports Node's ${spec}: the core runs in browsers and Web Workers (Node adapters live in node/)`;
  if (UI_PACKAGES.test(spec)) return `${file} imports ${spec}: the core has no UI`;
  if (spec.startsWith('.')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    if (!target.startsWith('shared/')) return `${file} imports ${spec}: the core imports nothing outside shared/`;
  }
  return null;
}

/**
 * Modules given their reader (docs/architecture.md "The injected reader"):
 * the merge takes MergeOptions.read, the plan importer readPlanFile's reader.
 * They may import io's types and its pure helpers, not a reader.
 */
export const READER_TAKERS = ['shared/merge/', 'shared/plan/'] as const;
const IO_HELPERS = new Set(['shared/io/a1']);

/** The specifiers a file imports for use at run time (`import type` and `export type` left out). */
export function runtimeImportsOf(source: string): string[] {
  const out: string[] = [];
  const re = /\b(?:import|export)\s+(type\s+)?(?:[^'";]*?\bfrom\s*)?(['"])([^'"\n]+)\2|\bimport\s*\(\s*(['"])([^'"\n]+)\4/g;
  for (const m of source.matchAll(re)) {
    if (m[5]) out.push(m[5]);
    else if (!m[1]) out.push(m[3]!);
  }
  return out;
}

/** Why a module that takes its reader imports `spec` at run time against that, or null. */
export function readerImportProblem(file: string, spec: string): string | null {
  if (!READER_TAKERS.some((d) => file.startsWith(d)) || !spec.startsWith('.')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\/index$/, '');
  if (!target.startsWith('shared/io') || IO_HELPERS.has(target)) return null;
  return `${file} imports ${spec}: it is given its reader, it does not import one from shared/io`;
}

/** The .ts/.tsx files under `dir` (relative to `root`), node_modules and dist left out. */
export function sourceFiles(root: string, dir: string): string[] {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const name of readdirSync(abs)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sourceFiles(root, rel));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Every problem of the tree at `root`: faces past an index.ts, the core reaching out. */
export function boundaryProblems(root: string): string[] {
  const problems: string[] = [];
  const check = (dirs: readonly string[], rule: (file: string, spec: string) => string | null) => {
    for (const dir of dirs)
      for (const file of sourceFiles(root, dir))
        for (const spec of importsOf(readFileSync(path.join(root, file), 'utf8'))) {
          const p = rule(file, spec);
          if (p) problems.push(p);
        }
  };
  check(FACE_DIRS, faceImportProblem);
  check(['shared'], coreImportProblem);
  for (const dir of READER_TAKERS)
    for (const file of sourceFiles(root, dir.slice(0, -1)))
      for (const spec of runtimeImportsOf(readFileSync(path.join(root, file), 'utf8'))) {
        const p = readerImportProblem(file, spec);
        if (p) problems.push(p);
      }
  return problems;
}
