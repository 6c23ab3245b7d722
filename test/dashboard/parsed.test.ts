// The page's side of parse once (dashboard/load/parsed.ts): the workers'
// packed streams stored and replayed give the same files back; files no
// longer valid are left out but their strings still serve later messages;
// storing again after a partial reload keeps the valid old files and adds
// the new ones under their own entries.
import { describe, expect, it } from 'vitest';
import { decodeStreams, encodeStreams, replay, withNewFiles } from '../../dashboard/load/parsed';
import type { RecordedStream } from '../../dashboard/load/parsed';
import { Packer } from '../../dashboard/load/wire';
import type { DataFile } from '../../shared/io/bundle';

const fileOf = (name: string, title: string) => ({ report: { file: name, status: 'ok', at: new Date('2024-01-02T00:00:00Z') }, tasks: [{ title, leads: ['区科协'], completion: 0.5 }] });

/** One worker's stream: each file packed in turn with one Packer (strings named once per stream). */
function stream(files: ReturnType<typeof fileOf>[]): RecordedStream {
  const p = new Packer();
  return files.map((f) => ({ name: f.report.file, packed: p.pack(f) }));
}

async function roundTrip(entries: DataFile[], streams: RecordedStream[]): Promise<RecordedStream[]> {
  // as the server gives it back: the payload 8-aligned in a larger response
  const payload = new Uint8Array(await (await encodeStreams(entries, streams, 1)).arrayBuffer());
  const response = new Uint8Array(16 + payload.length);
  response.set(payload, 16);
  return decodeStreams(response.subarray(16), entries);
}

const entry = (name: string): DataFile => ({ name, size: name.length, mtime: '2024-01-01T00:00:00.000Z' });

describe('parse once: the page side', () => {
  const a = fileOf('a.xlsx', '共同的任务');
  const b = fileOf('b.xlsx', '共同的任务');
  const c = fileOf('c.xlsx', '另一项任务');
  const entries = ['a.xlsx', 'b.xlsx', 'c.xlsx'].map(entry);

  it('stored streams replay into the same files', async () => {
    const back = await roundTrip(entries, [stream([a, b]), stream([c])]);
    expect(replay(back, () => true)).toEqual([a, b, c]);
  });

  it('a file no longer valid is left out; a later file of its stream still reads the strings it introduced', async () => {
    const back = await roundTrip(entries, [stream([a, b]), stream([c])]);
    expect(replay(back, (i) => i !== 0)).toEqual([b, c]);
  });

  it('storing again keeps the valid old files and the new ones, each under its own entry', async () => {
    const back = await roundTrip(entries, [stream([a, b]), stream([c])]);
    const a2 = fileOf('a.xlsx', '改过的任务');
    const next = withNewFiles({ entries, valid: [false, true, false], streams: back }, [{ ...entry('a.xlsx'), size: 99 }], [stream([a2])]);
    // the stream of c alone holds no valid file: dropped
    expect(next.streams).toHaveLength(2);
    expect(next.entries.map((e) => [e.name, e.size])).toEqual([
      ['b.xlsx', 6],
      ['a.xlsx', 99],
    ]);
    const again = await roundTrip(next.entries, next.streams);
    expect(replay(again, () => true)).toEqual([b, a2]);
  });
});
