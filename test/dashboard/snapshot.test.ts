// The offline snapshot's file (dashboard/snapshot/html.ts): the figures and the
// script inline, nothing in them can end their script element, and the file's
// own CSP allows no request anywhere.
import { describe, expect, it } from 'vitest';
import { inlineJson, inlineScript, scopeText, SNAPSHOT_CSP, SNAPSHOT_DATA_ID, snapshotHtml } from '../../dashboard/snapshot/html';
import type { SnapshotData } from '../../dashboard/snapshot/html';
import { dashboardSummary, DEFAULT_FILTER, LATEST } from '../../shared/aggregate';

const data = (title: string): SnapshotData => ({
  version: 1,
  made: '2024-01-02T03:04:05.000Z',
  filter: DEFAULT_FILTER,
  scope: title,
  files: 1,
  summary: dashboardSummary([]),
  headlines: [],
  red: [{ unit: '区科协', total: 1, tasks: [{ jurisdiction: '锦江区', period: '2023年', id: '1', title: '</script><script>alert(1)</script><!--', reason: '逾期' }] }],
});

describe('the offline snapshot file', () => {
  it.each([
    ['</script>', '</script>'],
    ['<!-- x', '<!-- x'],
    ['line\u2028sep', 'line\u2028sep'],
  ])('JSON holding %j cannot close its script and parses back', (text) => {
    const out = inlineJson({ text });
    expect(out).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(out)).toEqual({ text });
  });

  it.each([
    ['var s = "</script>";', 's', '</script>'],
    ['var s = "a<!--b";', 's', 'a<!--b'],
    ['var s = "</SCRIPT >";', 's', '</SCRIPT >'],
  ])('script %s keeps its meaning without closing the element', (code, name, value) => {
    const out = inlineScript(code);
    expect(out).not.toMatch(/<\/script|<!--/i);
    expect(new Function(`${out}; return ${name};`)()).toBe(value);
  });

  it('one file: a CSP that forbids every request, the figures, the script; a task title cannot break out', () => {
    const html = snapshotHtml('console.log("</script>")', data('各辖区最新一期'));
    expect(html).toContain(`content="${SNAPSHOT_CSP}"`);
    expect(SNAPSHOT_CSP).toMatch(/default-src 'none'/);
    expect(SNAPSHOT_CSP).not.toMatch(/connect-src|https?:|'self'/);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const json = html.slice(html.indexOf(`id="${SNAPSHOT_DATA_ID}">`) + SNAPSHOT_DATA_ID.length + 6, html.indexOf('</script>'));
    expect((JSON.parse(json) as SnapshotData).red[0]!.tasks[0]!.title).toBe('</script><script>alert(1)</script><!--');
    expect(html).not.toMatch(/\bsrc=|\bhref=/);
  });

  it.each([
    [{ period: LATEST }, LATEST],
    [{}, '全部报告期'],
    [{ period: LATEST, unit: '区科协', change: 'still-red' as const }, `${LATEST} · 区科协 · 连续红灯`],
  ])('scope of %j reads %s', (filter, text) => {
    expect(scopeText(filter)).toBe(text);
  });
});
