// The commands over many files (merge, report, notices) start alike: --help
// prints their usage and succeeds, no file given is a usage error that says
// what the files are for; nothing is read or written either way.
import { describe, expect, it } from 'vitest';
import { run as merge } from '../../cli/commands/merge';
import { run as report } from '../../cli/commands/report';
import { run as notices } from '../../cli/commands/notices';
import { USAGE } from '../../cli/usage';
import { fakeIO } from './fake-io';

const commands = [
  { name: 'merge', run: merge, usage: USAGE.merge, missing: '请给出要合并的台账文件或文件夹。' },
  { name: 'report', run: report, usage: USAGE.report, missing: '请给出要汇总的台账文件或文件夹。' },
  { name: 'notices', run: notices, usage: USAGE.notices, missing: '请给出要汇总的台账文件或文件夹。' },
] as const;

describe.each(commands)('kesu $name', ({ run, usage, missing }) => {
  it.each([['--help'], ['-h']])('%s prints the usage and exits 0', async (flag) => {
    const io = fakeIO();
    expect(await run([flag], io)).toBe(0);
    expect(io.stdout).toBe(`用法: ${usage}\n`);
    expect(io.stderr).toBe('');
  });

  it('with no file or folder says what to give and exits 2', async () => {
    const io = fakeIO();
    expect(await run(['-o', 'out.docx'], io)).toBe(2);
    expect(io.stderr).toBe(`${missing}\n用法: ${usage}\n`);
    expect(io.stdout).toBe('');
    expect(io.files.size).toBe(0);
    expect(io.dirs.size).toBe(0);
  });
});
