// The pages listening for changes of the data folder (server-sent events).
// A listener that stops reading must not make the server hold its events:
// when a write is refused (write() returns false, the connection's buffer is
// full) nothing more is written to it until it drains, only the latest
// listing is kept for it; and a listener still not drained after stallMs, or
// holding more than maxQueued bytes, is dropped. A page that was only slow
// reconnects (EventSource does) and is greeted with the current listing.
import type { ServerResponse } from 'node:http';

export interface EventLimits {
  /** Listeners at once; more get 503. */
  maxListeners: number;
  /** Bytes queued for one listener before it is dropped. */
  maxQueued: number;
  /** How long a listener may stay undrained. */
  stallMs: number;
}

export const EVENT_LIMITS: EventLimits = { maxListeners: 32, maxQueued: 1024 * 1024, stallMs: 30_000 };

interface Listener {
  res: ServerResponse;
  /** When its last write was refused; null while it keeps up. */
  stalledSince: number | null;
  /** The latest event not yet written because it was stalled. */
  pending: string | null;
}

export class EventHub {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly limits: EventLimits = EVENT_LIMITS) {}

  get size(): number {
    return this.listeners.size;
  }

  /** Bytes queued in the server for all listeners. */
  queuedBytes(): number {
    let n = 0;
    for (const l of this.listeners) n += l.res.writableLength;
    return n;
  }

  /** Whether another listener may join. */
  hasRoom(): boolean {
    return this.listeners.size < this.limits.maxListeners;
  }

  /** Adds a listener (its first event written already); it leaves when its connection closes. */
  add(res: ServerResponse): void {
    const l: Listener = { res, stalledSince: null, pending: null };
    this.listeners.add(l);
    res.on('close', () => this.listeners.delete(l));
    res.on('drain', () => {
      l.stalledSince = null;
      const next = l.pending;
      l.pending = null;
      if (next !== null) this.write(l, next);
    });
  }

  /** Sends an event to every listener that keeps up; a stalled one gets it when it drains (only the latest). */
  send(text: string): void {
    for (const l of this.listeners) {
      if (l.stalledSince !== null) l.pending = text;
      else this.write(l, text);
    }
  }

  private write(l: Listener, text: string): void {
    if (l.res.destroyed) return;
    if (!l.res.write(text)) l.stalledSince ??= Date.now();
    if (l.res.writableLength > this.limits.maxQueued) this.drop(l);
  }

  /**
   * A comment line to every listener that keeps up, now and then: a page
   * that went away without closing its connection is found out (the write
   * fails) instead of holding a place for ever.
   */
  ping(): void {
    for (const l of this.listeners) if (l.stalledSince === null) this.write(l, ': \n\n');
  }

  /** Drops the listeners stalled for longer than allowed. */
  sweep(now = Date.now()): void {
    for (const l of this.listeners) if (l.stalledSince !== null && now - l.stalledSince > this.limits.stallMs) this.drop(l);
  }

  private drop(l: Listener): void {
    this.listeners.delete(l);
    l.res.destroy();
  }

  close(): void {
    for (const l of this.listeners) l.res.end();
    this.listeners.clear();
  }
}
