// Never lose a ledger: outputs are written to a temporary file beside the
// target and renamed into place (a kill leaves the old copy or the complete
// new one), and an output that is an input under another name (symbolic or
// hard link, /proc/self/cwd/…, dir/../) is refused with the input unchanged.
// The real `kesu` process is run, as a clerk runs it.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, watch, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileIdentity, sameFile, writeFileAtomic } from '../../node';
import { bigLedgerXlsx } from '../../scripts/big-ledger';

const KESU = path.resolve(import.meta.dirname, '../../bin/kesu.mjs');
const root = mkdtempSync(path.join(os.tmpdir(), 'kesu-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const freshDir = (): string => {
  const d = path.join(root, String(++n));
  mkdirSync(d);
  return d;
};
const temps = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.kesu-tmp'));

function kesu(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [KESU, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file', async () => {
    const dir = freshDir();
    await writeFileAtomic(path.join(dir, '合并.xlsx'), new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path.join(dir, '合并.xlsx'))]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['合并.xlsx']);
  });

  it('replaces a file whole, keeping its permissions', async () => {
    const dir = freshDir();
    const f = path.join(dir, 'out.xlsx');
    writeFileSync(f, 'old contents that are longer');
    chmodSync(f, 0o640);
    await writeFileAtomic(f, 'new');
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(temps(dir)).toEqual([]);
  });

  it('writes through a symbolic link to the file it names; the link stays a link', async () => {
    const dir = freshDir();
    mkdirSync(path.join(dir, 'real'));
    const target = path.join(dir, 'real', 'out.xlsx');
    writeFileSync(target, 'old');
    symlinkSync(target, path.join(dir, 'link.xlsx'));
    await writeFileAtomic(path.join(dir, 'link.xlsx'), 'new');
    expect(lstatSync(path.join(dir, 'link.xlsx')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('a failure leaves the old file and no temporary file, and keeps the system code for the message', async () => {
    const dir = freshDir();
    const err = await writeFileAtomic(path.join(dir, 'missing', 'out.xlsx'), 'x').catch((e: NodeJS.ErrnoException) => e);
    expect((err as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('clears temporary files a killed run left behind (its process is gone), not those of a run still going', async () => {
    const dir = freshDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(path.join(dir, `.out.xlsx.${dead}.abcd1234.kesu-tmp`), 'half');
    writeFileSync(path.join(dir, `.out.xlsx.${process.ppid}.abcd1234.kesu-tmp`), 'another run');
    await writeFileAtomic(path.join(dir, 'out.xlsx'), 'whole');
    expect(readdirSync(dir).sort()).toEqual([`.out.xlsx.${process.ppid}.abcd1234.kesu-tmp`, 'out.xlsx']);
  });
});

describe('fileIdentity / sameFile', () => {
  it('knows a file under every name it has; a missing file has none', async () => {
    const dir = freshDir();
    const f = path.join(dir, 'a.xlsx');
    writeFileSync(f, 'x');
    symlinkSync(f, path.join(dir, 'sym.xlsx'));
    linkSync(f, path.join(dir, 'hard.xlsx'));
    writeFileSync(path.join(dir, 'other.xlsx'), 'x');
    for (const alias of ['sym.xlsx', 'hard.xlsx', `../${path.basename(dir)}/a.xlsx`]) expect(await sameFile(f, path.join(dir, alias)), alias).toBe(true);
    expect(await sameFile(f, path.join(dir, 'other.xlsx'))).toBe(false);
    expect(await fileIdentity(path.join(dir, 'none.xlsx'))).toBeNull();
  });
});

describe('an output that is an input under another name is refused, the input unchanged byte for byte', () => {
  const ledger = bigLedgerXlsx(20);
  const plan = '一、提升行动\n（一）实施青少年科学素质提升行动\n1.开展科技活动。每年开展科普活动不少于50场。〔牵头单位:区教育局〕\n';
  const aliases: [string, (dir: string, input: string) => string][] = [
    ['a symbolic link', (dir, input) => (symlinkSync(input, path.join(dir, 'link.xlsx')), 'link.xlsx')],
    ['a relative symbolic link in another folder', (dir, input) => (mkdirSync(path.join(dir, 'sub')), symlinkSync(`../${input}`, path.join(dir, 'sub', 'link.xlsx')), 'sub/link.xlsx')],
    ['a hard link', (dir, input) => (linkSync(path.join(dir, input), path.join(dir, 'hard.xlsx')), 'hard.xlsx')],
    ...(existsSync('/proc/self/cwd') ? ([['/proc/self/cwd/…', (_dir: string, input: string) => `/proc/self/cwd/${input}`]] as [string, (dir: string, input: string) => string][]) : []),
    ['the folder spelled through ..', (dir, input) => `../${path.basename(dir)}/${input}`],
  ];
  it.each(aliases)('kesu enrich, -o %s', (_n, alias) => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'in.xlsx'), ledger);
    const out = alias(dir, 'in.xlsx');
    const r = kesu(['enrich', 'in.xlsx', '-o', out], dir);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/是同一个文件|不能与输入文件相同/);
    expect(r.stdout).not.toContain('已写入');
    expect(readFileSync(path.join(dir, 'in.xlsx')).equals(Buffer.from(ledger))).toBe(true);
    expect(temps(dir)).toEqual([]);
  }, 60_000);

  it('kesu import-plan and kesu merge too', () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'plan.txt'), plan);
    symlinkSync('plan.txt', path.join(dir, 'plan-link.xlsx'));
    const a = kesu(['import-plan', 'plan.txt', '-o', 'plan-link.xlsx'], dir);
    expect(a.status, a.stderr).toBe(2);
    expect(a.stderr).toContain('是同一个文件');
    expect(readFileSync(path.join(dir, 'plan.txt'), 'utf8')).toBe(plan);

    writeFileSync(path.join(dir, 'a.xlsx'), ledger);
    writeFileSync(path.join(dir, 'b.xlsx'), ledger);
    linkSync(path.join(dir, 'b.xlsx'), path.join(dir, 'merged.xlsx'));
    const m = kesu(['merge', 'a.xlsx', 'b.xlsx', '-o', 'merged.xlsx'], dir);
    expect(m.status, m.stderr).toBe(2);
    expect(m.stderr).toContain('是同一个文件');
    expect(readFileSync(path.join(dir, 'b.xlsx')).equals(Buffer.from(ledger))).toBe(true);
  }, 60_000);

  it('kesu merge of a folder leaves out a hard link of its output found inside it, and writes the output alone', () => {
    const dir = freshDir();
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'a.xlsx'), ledger);
    writeFileSync(path.join(dir, 'in', 'old-merge.xlsx'), ledger);
    linkSync(path.join(dir, 'in', 'old-merge.xlsx'), path.join(dir, 'merged.xlsx'));
    const m = kesu(['merge', 'in', '-o', 'merged.xlsx', '--json'], dir);
    expect(m.status, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout).files.map((f: { file: string }) => path.basename(f.file))).toEqual(['a.xlsx']);
    // the rename gave merged.xlsx a new file: the hard-linked name in the folder still has the old bytes
    expect(readFileSync(path.join(dir, 'in', 'old-merge.xlsx')).equals(Buffer.from(ledger))).toBe(true);
  }, 60_000);
});

describe('a kill while kesu enrich writes leaves the old copy or the complete new one', () => {
  it('SIGKILL at several points: never a truncated file; the next run cleans up after the killed ones', async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'in.xlsx'), bigLedgerXlsx(2_000));
    const input = readFileSync(path.join(dir, 'in.xlsx'));
    // The good copy already there, and what a finished run writes over it (another as-of date: other statuses).
    expect(kesu(['enrich', 'in.xlsx', '-o', 'out.xlsx', '--as-of', '2024-06-30'], dir).status).toBe(0);
    const old = readFileSync(path.join(dir, 'out.xlsx'));
    const started = Date.now();
    expect(kesu(['enrich', 'in.xlsx', '-o', 'new.xlsx', '--as-of', '2025-06-30'], dir).status).toBe(0);
    const full = Date.now() - started;
    const fresh = readFileSync(path.join(dir, 'new.xlsx'));
    expect(fresh.equals(old)).toBe(false);

    // Kill points: spread over a run's length, and the moment the temporary file appears (the write itself).
    const points: ('temp' | number)[] = ['temp', 'temp', 0.6, 0.9, 1.1];
    const outcomes: string[] = [];
    for (const point of points) {
      const child = spawn(process.execPath, [KESU, 'enrich', 'in.xlsx', '-o', 'out.xlsx', '--as-of', '2025-06-30'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      if (point === 'temp') {
        // killed as soon as the folder shows its temporary file: while the new copy is being written
        const watcher = watch(dir, (_e, name) => {
          if (String(name).includes(`.${child.pid}.`)) child.kill('SIGKILL');
        });
        await exited;
        watcher.close();
      } else await new Promise((r) => setTimeout(r, point * full));
      child.kill('SIGKILL');
      await exited;
      const now = readFileSync(path.join(dir, 'out.xlsx'));
      outcomes.push(now.equals(old) ? 'old' : now.equals(fresh) ? 'new' : `damaged (${now.length} bytes)`);
      expect(readFileSync(path.join(dir, 'in.xlsx')).equals(input)).toBe(true);
    }
    expect(outcomes.filter((o) => o !== 'old' && o !== 'new'), outcomes.join(', ')).toEqual([]);

    // A normal run afterwards: the complete new copy, and nothing left beside it.
    expect(kesu(['enrich', 'in.xlsx', '-o', 'out.xlsx', '--as-of', '2025-06-30'], dir).status).toBe(0);
    expect(readFileSync(path.join(dir, 'out.xlsx')).equals(fresh)).toBe(true);
    expect(temps(dir)).toEqual([]);
    expect(readlinkSafe(path.join(dir, 'out.xlsx'))).toBeNull();
  }, 180_000);
});

function readlinkSafe(p: string): string | null {
  try {
    return readlinkSync(p);
  } catch {
    return null;
  }
}
