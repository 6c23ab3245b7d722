// The local server's data API as both ends see it: the folder's listing, and
// many files in one byte stream, which is how the server hands a data folder to
// the dashboard. A thousand requests for a thousand small ledgers cost the
// page more than reading them (3.4 s of request overhead in Chromium on the
// benchmark's folder); one streamed response costs a few milliseconds, and
// each file can be read as soon as its last byte arrives.
//
// A frame is a 4-byte big-endian header length, the header as UTF-8 JSON
// ({ name, size, mtime } or { name, error }), then `size` bytes of the file.
// The stream starts with a frame { count } (how many files follow, for a
// progress line) and ends with a frame { end: true, count }, so a stream cut
// short (the server stopped) is told apart from a finished one.

/** A workbook of the data folder as the server lists it (GET /api/data). */
export interface DataFile {
  name: string;
  size: number;
  /** Last modification, ISO. */
  mtime: string;
}

/** The data folder's listing, also sent with each change event. */
export interface DataListing {
  sample: boolean;
  /** Folder name shown on the page (never the full path). */
  folder: string | null;
  files: DataFile[];
  /** Changes whenever a file is added, removed or rewritten. */
  version: string;
}

export interface BundleFile {
  name: string;
  /** Last modification (ISO), as the listing gives it. */
  mtime: string;
  bytes: Uint8Array;
}

export interface BundleError {
  name: string;
  /** zh-CN: why the server could not read the file. */
  error: string;
}

export type BundleEntry = BundleFile | BundleError;

interface Header {
  start?: boolean;
  name?: string;
  size?: number;
  mtime?: string;
  error?: string;
  end?: boolean;
  count?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function frameHead(header: Header): Uint8Array {
  const json = encoder.encode(JSON.stringify(header));
  const out = new Uint8Array(4 + json.length);
  new DataView(out.buffer).setUint32(0, json.length);
  out.set(json, 4);
  return out;
}

/** The bytes that start a file's frame (its content follows as is). */
export function fileFrameHead(name: string, size: number, mtime: string): Uint8Array {
  return frameHead({ name, size, mtime });
}

export function errorFrame(name: string, error: string): Uint8Array {
  return frameHead({ name, size: 0, error });
}

export function startFrame(count: number): Uint8Array {
  return frameHead({ start: true, count });
}

export function endFrame(count: number): Uint8Array {
  return frameHead({ end: true, count });
}

/** Header length larger than any name could need: a sign of a stream that is not a bundle. */
const MAX_HEADER = 64 * 1024;
/** A file larger than the reader's own limits (guard.ts) is not worth buffering. */
const MAX_FILE = 1024 * 1024 * 1024;

/**
 * Reads a bundle as its chunks arrive. push() returns the entries completed
 * by the chunk; each file's bytes are its own buffer (transferable to a
 * worker). finish() says whether the stream ended where it should.
 */
export class BundleReader {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private header: Header | null = null;
  private body: Uint8Array | null = null;
  private filled = 0;
  private ended = false;
  private broken: string | null = null;
  /** Files and errors read so far. */
  count = 0;
  /** Files the stream announced (its start frame), null until it has. */
  total: number | null = null;

  push(chunk: Uint8Array): BundleEntry[] {
    const out: BundleEntry[] = [];
    if (this.broken || this.ended) return out;
    let at = 0;
    while (at < chunk.length || (this.body && this.filled === this.body.length)) {
      if (this.body) {
        const n = Math.min(this.body.length - this.filled, chunk.length - at);
        this.body.set(chunk.subarray(at, at + n), this.filled);
        this.filled += n;
        at += n;
        if (this.filled < this.body.length) break;
        out.push({ name: this.header!.name!, mtime: this.header!.mtime ?? '', bytes: this.body });
        this.count++;
        this.body = null;
        this.header = null;
        continue;
      }
      // Header: gather its length and JSON across chunks.
      this.chunks.push(chunk.subarray(at));
      this.buffered += chunk.length - at;
      at = chunk.length;
      const header = this.takeHeader();
      if (header === undefined) break;
      if (header === null) return out;
      if (header.start) {
        this.total = typeof header.count === 'number' ? header.count : null;
        chunk = this.drain();
        at = 0;
        continue;
      }
      if (header.end) {
        this.ended = header.count === this.count;
        if (!this.ended) this.broken = `数据包应有 ${header.count} 个文件，只收到 ${this.count} 个`;
        return out;
      }
      if (header.error !== undefined) {
        out.push({ name: header.name ?? '', error: header.error });
        this.count++;
        // the rest of what was buffered is the next frame
        chunk = this.drain();
        at = 0;
        continue;
      }
      const size = header.size ?? 0;
      if (!Number.isInteger(size) || size < 0 || size > MAX_FILE || typeof header.name !== 'string') {
        this.broken = '数据包格式不对';
        return out;
      }
      this.header = header;
      this.body = new Uint8Array(size);
      this.filled = 0;
      chunk = this.drain();
      at = 0;
    }
    return out;
  }

  /** Whether the stream was whole; otherwise why not (zh-CN). */
  finish(): { complete: true } | { complete: false; reason: string } {
    if (this.ended) return { complete: true };
    return { complete: false, reason: `${this.broken ?? `数据传输中断（已收到 ${this.count} 个文件）`}，请确认本地服务仍在运行后刷新页面` };
  }

  /** The next header from the buffered bytes; undefined when more bytes are needed, null when broken. */
  private takeHeader(): Header | null | undefined {
    if (this.buffered < 4) return undefined;
    const all = this.drain();
    const length = new DataView(all.buffer, all.byteOffset, 4).getUint32(0);
    if (length > MAX_HEADER) {
      this.broken = '数据包格式不对';
      return null;
    }
    if (all.length < 4 + length) {
      this.keep(all);
      return undefined;
    }
    let header: Header;
    try {
      header = JSON.parse(decoder.decode(all.subarray(4, 4 + length))) as Header;
    } catch {
      this.broken = '数据包格式不对';
      return null;
    }
    this.keep(all.subarray(4 + length));
    return header;
  }

  /** Everything buffered, as one array (copied only when it spans chunks); the buffer is emptied. */
  private drain(): Uint8Array {
    let all: Uint8Array;
    if (this.chunks.length === 1) all = this.chunks[0]!;
    else {
      all = new Uint8Array(this.buffered);
      let o = 0;
      for (const c of this.chunks) {
        all.set(c, o);
        o += c.length;
      }
    }
    this.chunks = [];
    this.buffered = 0;
    return all;
  }

  private keep(rest: Uint8Array): void {
    if (rest.length) {
      this.chunks = [rest];
      this.buffered = rest.length;
    }
  }
}
