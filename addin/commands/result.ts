// Commands return their outcome as data: ok with a value, or a zh-CN message.
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(message: string): Outcome<T> => ({ ok: false, message });
