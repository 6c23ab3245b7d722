// The documents leaders read (工作进展通报) and supervision offices send
// (督办单), as plain data: headings, paragraphs, tables, charts and the
// notice's form. The builders (bulletin.ts, notice.ts) fill it from the
// judged tasks; word.ts lays it out as a Word file. Nothing here knows Word,
// so the CLI, the dashboard and the tests read the same content.

/** A light's colour in a cell, or a plain cell. */
export interface CellSpec {
  text: string;
  /** Background fill, #rrggbb (a light's cell). */
  fill?: string;
  /** Text colour, #rrggbb. */
  color?: string;
  bold?: boolean;
}

export type Cell = string | CellSpec;

export interface Column {
  title: string;
  /** Share of the table's width, relative to the other columns. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableBlock {
  kind: 'table';
  columns: Column[];
  rows: Cell[][];
  /** A 合计 row after the body, set in bold. */
  total?: Cell[];
}

export interface ChartSeries {
  name: string;
  /** #rrggbb */
  color: string;
  values: number[];
}

/**
 * A horizontal bar chart: one bar per category, each series a segment of it
 * (stacked) or the only one. Counts of tasks, so values are whole numbers.
 */
export interface ChartSpec {
  categories: string[];
  series: ChartSeries[];
  /** One colour per category instead of the series' (a single-series chart of statuses). */
  categoryColors?: string[];
  /** What a value counts (项). */
  unit: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  /** Body text; indent: the first line indented two characters, as 公文 body text is. */
  | { kind: 'paragraph'; text: string; indent?: boolean; align?: 'left' | 'center' | 'right'; bold?: boolean }
  | TableBlock
  /** A chart drawn as an image, its caption below (图1 …). */
  | { kind: 'chart'; chart: ChartSpec; caption: string }
  /** The notice's form: a label column and its value (督办事项 | …). */
  | { kind: 'form'; rows: { label: string; value: string[] }[] };

export interface ReportDocument {
  /** The document's title, as printed (方正小标宋, centred). */
  title: string;
  /** Lines under the title (the period, the date), centred. */
  subtitle: string[];
  blocks: Block[];
  /** Lines after the body, right-aligned (the issuer and the date). */
  signature: string[];
}
