// Types of addin-manifest.mjs (plain JS, so that webpack.config.js can import it without a compiler).
export declare const DEV_URL: string;
export type Refusal = { ok: false; message: string };
export declare function addinBase(value: string | undefined): { ok: true; base: string } | Refusal;
export declare function addinVersion(value: string | undefined): { ok: true; version: string | null } | Refusal;
export declare function manifestFor(xml: string, base: string, version?: string | null): string;
export declare function deploySettings(env: Record<string, string | undefined>): { ok: true; base: string; version: string | null } | Refusal;
