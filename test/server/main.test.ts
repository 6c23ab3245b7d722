// The server's command line (bin/serve.mjs → server/main.ts): argument errors
// and a missing build or data folder end with a Chinese message and exit code,
// before anything listens.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../server/main';

const repo = mkdtempSync(path.join(tmpdir(), 'kesu-main-'));
mkdirSync(path.join(repo, 'dist'));
writeFileSync(path.join(repo, 'dist', 'index.html'), '<!doctype html>');
const empty = mkdtempSync(path.join(tmpdir(), 'kesu-nodist-'));

describe('server main', () => {
  it.each([
    [['--bogus'], repo, 2, '未知参数'],
    [['--port', 'abc'], repo, 2, '端口无效'],
    [['--allow-host'], repo, 2, '--allow-host 后缺少地址'],
    [['--allow-host='], repo, 2, '--allow-host 后缺少地址'],
    [['--data', path.join(repo, 'no-such-folder')], repo, 1, '数据文件夹不存在'],
    [[], empty, 1, 'npm run build'],
  ])('%j → exit %i', async (argv, root, code, message) => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(String(m)));
    try {
      expect(await main(argv, { repo: root })).toBe(code);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('\n')).toContain(message);
  });

  it('--help prints the usage in Chinese', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(String(m)));
    try {
      expect(await main(['--help'], { repo })).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(out.join('\n')).toContain('--data');
    expect(out.join('\n')).toContain('--allow-host');
    expect(out.join('\n')).toContain('KESU_ALLOW_HOSTS');
  });
});
