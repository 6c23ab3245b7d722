// One shape for every message table (checks, 单位名录, plan import, the reader,
// .docx, merge, the add-in pane): code → (params) => zh-CN text. Each entry
// declares its own params, and the table's type is where the codes and their
// params come from, as Zod types its issues: `finding('owners.unknown', where,
// {wrong: 1})` does not compile. A module's fixes, where it has them, are a
// second table of the same codes and params (Fixes<T>). docs/architecture.md
// "Message tables".

/** Params as data: what a Finding or FileProblem carries (JSON, reports). */
export type Params = Readonly<Record<string, string | number | null>>;

/** The params of a code that takes none: `{}` fits, `{wrong: 1}` does not. */
export type NoParams = Readonly<Record<string, never>>;

/** A message table: each code's wording from that code's own params. */
export type MessageTable = { readonly [code: string]: (p: never) => string };

/** The params a code's wording takes (NoParams for `() => …`). */
export type ParamsOf<T extends MessageTable, C extends keyof T> = T[C] extends (p: infer P) => string
  ? unknown extends P
    ? NoParams
    : P
  : never;

/** A call's params argument: optional when the code needs none. */
export type ParamsArg<P> = {} extends P ? [params?: P] : [params: P];

/** A fix for some of a table's codes, from the same params. */
export type Fixes<T extends MessageTable> = { readonly [C in keyof T]?: (p: ParamsOf<T, C>) => string | null };

/** A code with its params, as one value: the union keeps each code's params. */
export type Coded<T extends MessageTable, C extends keyof T = keyof T> = { [K in C]: { code: K; params: ParamsOf<T, K> } }[C];

/**
 * Words a code from data whose params were typed when it was made (a Coded
 * value) or read back (a report): the one place a table is called untyped.
 */
export function word<T extends MessageTable>(table: T, code: keyof T, params: object = {}): string {
  return (table[code] as unknown as (p: object) => string)(params);
}

/** As word(), for a Fixes table: null where the code has no fix. */
export function wordFix<T extends MessageTable>(fixes: Fixes<T>, code: keyof T, params: object = {}): string | null {
  const fix = fixes[code] as unknown as ((p: object) => string | null) | undefined;
  return fix ? fix(params) : null;
}

/** Every code of a table (tests word each one). */
export function codesOf<T extends MessageTable>(table: T): (keyof T & string)[] {
  return Object.keys(table) as (keyof T & string)[];
}
