// Which Host header the local server answers. A page on another site can
// point its own name at 127.0.0.1 (DNS rebinding) and then read whatever the
// server hands out as if it were its own origin; the browser still sends that
// name as Host, so answering only the loopback names (and an address the user
// configures on purpose) closes the door. A request without Host is refused
// too: every browser sends one.

/** The names that always mean this machine. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The host part of a Host header value, lowercased ("[::1]:3000" → "[::1]",
 * "LocalHost:80" → "localhost"); null when it is not a plain host[:port].
 */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const v = header.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/.exec(v);
  return m ? m[1]! : null;
}

/**
 * The extra names the user allows (--allow-host, KESU_ALLOW_HOSTS), from a
 * comma- or space-separated list; an IPv6 address may be given with or
 * without brackets. Empty items are dropped.
 */
export function parseAllowedHosts(list: string | undefined): string[] {
  return (list ?? '')
    .split(/[\s,]+/)
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
    .map((h) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h));
}

/** Whether a request with this Host header is answered. */
export function allowedHost(header: string | undefined, extra: readonly string[] = []): boolean {
  const name = hostName(header);
  return name !== null && (LOOPBACK.includes(name) || extra.includes(name));
}
