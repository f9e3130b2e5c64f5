import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1366, height: 900 } });
await p.goto('http://127.0.0.1:3135/?year=2024&scheme=ALL');
await p.waitForSelector('figure.chart-block[data-lazy-plot] .recharts-yAxis-tick-labels text');
const out = await p.evaluate(() => [...document.querySelectorAll('figure.chart-block[data-lazy-plot]')].map((f) => ({
  labels: [...f.querySelectorAll('.recharts-yAxis-tick-labels text')].map((t) => t.textContent),
  grid: f.querySelectorAll('.recharts-cartesian-grid-horizontal line').length })));
console.log(JSON.stringify(out));
await b.close();
