// shared/report: the documents leaders read and supervision offices send —
// the 工作进展通报 and one 督办单 per lagging unit — as data (bulletin.ts,
// notice.ts, from the core's leadersReport) and as Word files (word.ts).
// Pure: no Node, no DOM; the CLI (kesu report, kesu notices) and the
// dashboard call the same builders.
export type { Block, Cell, CellSpec, ChartSeries, ChartSpec, Column, ReportDocument, TableBlock } from './types';
export type { ReportTask } from './task';
export { buildBulletin, placeOf, periodsOf, asOfOf, unitOrder } from './bulletin';
export type { BulletinOptions } from './bulletin';
export { buildNotice, buildNotices, askOf, askText, noticeFileNames, safeFileName } from './notice';
export type { NoticeDoc, NoticeOptions } from './notice';
export { toDocx } from './word';
export type { ChartRaster, WordOptions } from './word';
export { chartSvg, chartPng, layoutChart, niceScale, CHART_WIDTH } from './chart';
export { encodePng } from './png';
export { FONTS, fontTableXml } from './fonts';
export { W as REPORT_WORDS, ASK, cnNumeral, cnDate } from './words';
export type { Ask } from './words';
