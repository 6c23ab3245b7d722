// Security headers of every response. The policy lets a page talk to its own
// origin only, so no ledger can leave the machine; the task pane alone may load
// Office's script from Microsoft's CDN (Office.js cannot be bundled).
export const OFFICE_SCRIPT = 'https://appsforoffice.microsoft.com';

export function contentSecurityPolicy(page: string): string {
  const office = /(^|\/)taskpane\.html$/.test(page);
  return [
    "default-src 'self'",
    office ? `script-src 'self' ${OFFICE_SCRIPT}` : "script-src 'self'",
    // Fluent UI (Griffel) and recharts set inline styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export function securityHeaders(page: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(page),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
