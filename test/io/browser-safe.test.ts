// The dashboard parses files in the page: shared/io must not pull Node
// built-ins (only node.ts may, and nothing else in the core imports it).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.join(__dirname, '..', '..', 'shared', 'io');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'node.ts');

describe('shared/io is browser-safe', () => {
  it.each(files)('%s imports no Node built-in and uses no Buffer', (f) => {
    const src = readFileSync(path.join(dir, f), 'utf8');
    const imports = [...src.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const i of imports) expect(i, `${f} imports ${i}`).toMatch(/^(\.{1,2}\/|exceljs$|fflate$|mammoth$)/);
    expect(src).not.toMatch(/(?<![.\w])Buffer\.|\bprocess\.|\brequire\(/);
    expect(imports).not.toContain('./node');
  });
});
