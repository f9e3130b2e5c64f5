import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const [url, name, width] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 390)];
const p = await b.newPage({ viewport: { width, height: 900 } });
await p.goto('http://127.0.0.1:3135' + url);
await p.waitForTimeout(2000);
await p.waitForFunction(() => !document.querySelector('[data-testid="route-loading"]') && !document.querySelector('[role="status"][aria-label="加载中"]'), null, { timeout: 60000 });
await p.waitForTimeout(1500);
const h = await p.evaluate(() => document.documentElement.scrollHeight);
const seg = 1100;
for (let y = 0, i = 0; y < h; y += seg, i++) {
  await p.screenshot({ path: `/tmp/i13shots/${name}-${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(seg, h - y) } });
}
console.log(name, 'height', h, 'parts', Math.ceil(h / seg), 'overflow', await p.evaluate(() => document.documentElement.scrollWidth - innerWidth));
await b.close();
