// What `npm run build` leaves in dist/ for an office to host: the pages and
// the manifest, whose every URL names a file that is there (the global setup
// built dist/ without ADDIN_URL, so the manifest names the dev address).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { DEV_URL, manifestFor } from '../../scripts/addin-manifest.mjs';

const DIST = 'dist';

describe('dist/ as built', () => {
  it('holds the manifest for the build’s address, which parses', async () => {
    const built = readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');
    expect(built).toBe(manifestFor(readFileSync('manifest.xml', 'utf8'), process.env.ADDIN_URL || DEV_URL));
    const info = await OfficeAddinManifest.readManifestFile(path.join(DIST, 'manifest.xml'));
    expect(info.displayName).toBe('科素台账');
  });

  it('holds every file the manifest names (task pane, icons, demo page)', () => {
    const built = readFileSync(path.join(DIST, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const base = process.env.ADDIN_URL || DEV_URL;
    const files = [...new Set([...built.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => u.startsWith(base)).map((u) => u.slice(base.length)))];
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'demo.html', 'assets/icon-32.png']));
    for (const f of files) expect(existsSync(path.join(DIST, f)), f).toBe(true);
  });
});
