// Memo of a pure text → result function. Ledgers repeat the same texts on
// hundreds of rows (unit names, a plan's task wording, header cells), and a
// batch of ledgers repeats them across files, so normalising each text once
// saves most of the work. Bounded: cleared when full, never grows without end.
export class TextCache<T> {
  private map = new Map<string, T>();
  constructor(
    private fn: (text: string) => T,
    private limit = 50_000,
  ) {}
  get(text: string): T {
    let v = this.map.get(text);
    if (v === undefined) {
      v = this.fn(text);
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(text, v);
    }
    return v;
  }
}
