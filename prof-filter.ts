import { startServer } from '/work/main/server/serve';
import { launch } from '/work/main/test/support/chromium';
import { writeFileSync } from 'node:fs';
const DIR = '/work/main/node_modules/.cache/kesu-bench-dashboard';
const server = await startServer({ root: process.env.ROOT ?? '/tmp/prof/dist-dev', dataDir: DIR });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
await page.goto(server.url);
await page.waitForFunction(() => document.body.dataset.tasks === '100000', null, { timeout: 600_000, polling: 100 });
await page.waitForTimeout(Number(process.env.WAIT ?? 0));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
for (const [key, value] of [['status', '滞后'], ['status', ''], ['population', '青少年'], ['population', '']]) {
  const ms = await page.evaluate(`new Promise((resolve) => {
    const select = document.querySelector('select[data-filter="${key}"]');
    const table = document.querySelector('[data-testid="task-table"]');
    const status = document.querySelector('[data-chart="status"]');
    console.timeStamp('change ${key} ${value}');
    const t = performance.now();
    select.value = ${JSON.stringify(value)};
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const check = () => {
      const n = Number(table.getAttribute('data-count'));
      const sum = JSON.parse(status.getAttribute('data-values')).reduce((a, v) => a + v.value, 0);
      if (sum === n) { console.timeStamp('done'); return resolve(performance.now() - t); }
      requestAnimationFrame(() => setTimeout(check, 0));
    };
    requestAnimationFrame(() => setTimeout(check, 0));
  })`);
  console.log(key, value, Math.round(ms as number));
}
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/prof/filter.cpuprofile', JSON.stringify(profile));
await browser.close(); await server.close();
