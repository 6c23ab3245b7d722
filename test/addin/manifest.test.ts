// manifest.xml and the manifest a build hands out (scripts/addin-manifest.mjs,
// written to dist/manifest.xml by webpack), checked offline with the same
// checks (the official validator, `npm run validate` / `npm run
// validate:dist`, needs Microsoft's network service): it parses, has a GUID
// id and a version, every URL is https and under the add-in's address, every
// resid resolves, every icon exists at the size it claims. Also: the build
// reads ADDIN_URL, and refuses a bad one with a message in Chinese.
import { readFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { DEV_URL, addinBase, addinVersion, deploySettings, manifestFor } from '../../scripts/addin-manifest.mjs';

const SOURCE = readFileSync('manifest.xml', 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'kesu-manifest-'));

/** The manifests a user may be handed: the dev one, and builds for an intranet host and for a sub-folder. */
const manifests: [string, string, string][] = [
  ['manifest.xml (dev)', DEV_URL, SOURCE],
  ['built for https://kesu.example.gov.cn/', 'https://kesu.example.gov.cn/', manifestFor(SOURCE, 'https://kesu.example.gov.cn/')],
  ['built for https://oa.example.gov.cn:8443/apps/kesu/', 'https://oa.example.gov.cn:8443/apps/kesu/', manifestFor(SOURCE, 'https://oa.example.gov.cn:8443/apps/kesu/', '1.0.3.0')],
];

describe.each(manifests)('%s', (label, base, text) => {
  const file = path.join(dir, `${label.replace(/[^a-z0-9]+/gi, '_')}.xml`);
  writeFileSync(file, text);
  const attrs = (name: string) => [...text.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
  const urls = [...text.replace(/<!--[\s\S]*?-->/g, '').matchAll(/(?:DefaultValue="|>)\s*(\w+:\/\/[^"<\s]+)/g)].map((m) => m[1]);

  it('parses and carries a GUID id, a version, the display name and the task pane URL', async () => {
    const info = await OfficeAddinManifest.readManifestFile(file);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.displayName).toBe('科素台账');
    expect(info.defaultSettings?.sourceLocation).toBe(`${base}taskpane.html`);
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
  });

  it('uses https for every URL, each under the add-in’s address (AppDomain: its origin)', () => {
    expect(urls.length).toBeGreaterThan(5);
    const origin = new URL(base).origin;
    for (const u of urls) {
      expect(u, u).toMatch(/^https:\/\//);
      expect(u === origin || u.startsWith(base), u).toBe(true);
    }
    expect(text).toContain(`<AppDomain>${origin}</AppDomain>`);
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
    expect(text).toContain(`${base}${file}`);
    expect(existsSync(file)).toBe(true);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });

  it('asks for ExcelApi 1.9, the lowest set the pane needs, in both places', () => {
    expect(text.match(/Name="ExcelApi" MinVersion="([\d.]+)"/g)).toEqual(['Name="ExcelApi" MinVersion="1.9"', 'Name="ExcelApi" MinVersion="1.9"']);
  });
});

describe('ADDIN_URL and ADDIN_VERSION', () => {
  it.each([
    [undefined, DEV_URL],
    ['', DEV_URL],
    ['https://kesu.example.gov.cn', 'https://kesu.example.gov.cn/'],
    ['https://kesu.example.gov.cn/', 'https://kesu.example.gov.cn/'],
    ['  https://oa.example.gov.cn:8443/apps/kesu  ', 'https://oa.example.gov.cn:8443/apps/kesu/'],
  ])('%j → %s', (value, base) => {
    expect(addinBase(value)).toEqual({ ok: true, base });
  });

  it.each([
    ['http://kesu.example.gov.cn/', '不是 https 地址'],
    ['kesu.example.gov.cn', '不是有效的网址'],
    ['https://kesu.example.gov.cn/?v=1', '查询参数'],
    ['https://user:pw@kesu.example.gov.cn/', '用户名'],
  ])('%j is refused: %s', (value, why) => {
    const r = addinBase(value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(why);
      expect(r.message).toContain(value);
      expect(r.message).toMatch(/请/);
    }
  });

  it('a version is four numbers', () => {
    expect(addinVersion('1.0.3.0')).toEqual({ ok: true, version: '1.0.3.0' });
    expect(addinVersion('1.0.3').ok).toBe(false);
    expect(manifestFor(SOURCE, 'https://a.example.gov.cn/', '2.1.0.7')).toContain('<Version>2.1.0.7</Version>');
    expect(deploySettings({ ADDIN_URL: 'https://a.example.gov.cn/', ADDIN_VERSION: 'x' }).ok).toBe(false);
  });

  it('webpack writes the manifest for the address in ADDIN_URL', async () => {
    const before = process.env.ADDIN_URL;
    process.env.ADDIN_URL = 'https://kesu.example.gov.cn/';
    try {
      const { default: config } = await import('../../webpack.config.js');
      const built = config({}, { mode: 'production' });
      const plugin = built.plugins.find((p) => p.name === 'kesu-manifest');
      expect(plugin?.manifest?.()).toBe(manifestFor(SOURCE, 'https://kesu.example.gov.cn/'));
      expect(plugin?.manifest?.()).not.toContain('localhost');
    } finally {
      if (before === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = before;
    }
  });

  it('npm run build refuses a non-https ADDIN_URL before writing anything, in Chinese', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'kesu-build-'));
    const r = spawnSync('npx', ['webpack', '--mode', 'production', '--output-path', out], {
      env: { ...process.env, ADDIN_URL: 'http://kesu.example.gov.cn/' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toContain('ADDIN_URL「http://kesu.example.gov.cn/」不是 https 地址');
    expect(existsSync(path.join(out, 'manifest.xml'))).toBe(false);
  });
});
