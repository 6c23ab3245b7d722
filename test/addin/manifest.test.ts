// manifest.xml, checked offline (the official validator needs a network
// service; `npm run validate` stays for that): it parses, has a GUID id and a
// version, every URL is https, every resid resolves, every icon exists at the
// size it claims.
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OfficeAddinManifest } from 'office-addin-manifest';

const PATH = 'manifest.xml';
const text = readFileSync(PATH, 'utf8');

const attrs = (name: string) => [...text.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('manifest.xml', () => {
  it('parses and carries a GUID id, a version, the display name and the task pane URL', async () => {
    const info = await OfficeAddinManifest.readManifestFile(PATH);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.displayName).toBe('科素台账');
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
  });

  it('uses https for every URL', () => {
    const urls = [...text.matchAll(/(?:DefaultValue="|>)\s*(\w+:\/\/[^"<\s]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u, u).toMatch(/^https:\/\//);
  });

  it('defines every resource id it references, and references every one it defines', () => {
    const body = text.replace(/<!--[\s\S]*?-->/g, '');
    const resources = body.slice(body.indexOf('<Resources>'));
    const defined = [...resources.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    const used = attrs('resid');
    expect(new Set(defined).size).toBe(defined.length);
    for (const r of used) expect(defined, r).toContain(r);
    for (const d of defined) expect(used, d).toContain(d);
  });

  it.each([16, 32, 64, 80])('points at an existing %i px icon', (size) => {
    const file = `assets/icon-${size}.png`;
    expect(text).toContain(`https://localhost:3000/${file}`);
    expect(existsSync(file)).toBe(true);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });

  it('asks for ExcelApi 1.9, the lowest set the pane needs, in both places', () => {
    expect(text.match(/Name="ExcelApi" MinVersion="([\d.]+)"/g)).toEqual(['Name="ExcelApi" MinVersion="1.9"', 'Name="ExcelApi" MinVersion="1.9"']);
  });
});
