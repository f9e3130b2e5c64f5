import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1366, height: 900 } });
await p.goto('http://127.0.0.1:3135/?year=2024&scheme=ALL');
await p.waitForTimeout(15000);
const out = await p.evaluate(() => {
  const f = document.querySelector('figure.chart-block[data-lazy-plot]');
  const classes = new Set();
  f.querySelectorAll('svg g, svg text').forEach((e) => e.getAttribute('class')?.split(' ').forEach((c) => classes.add(c)));
  const ticks = [...f.querySelectorAll('text')].map((t) => t.textContent);
  return { classes: [...classes].join(' '), ticks };
});
console.log(JSON.stringify(out));
await b.close();
