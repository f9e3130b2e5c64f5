import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 390, height: 844 } });
const url = process.argv[2];
const r = await p.goto('http://127.0.0.1:3135' + url);
console.log('status', r.status());
await p.waitForTimeout(4000);
const out = await p.evaluate(() => {
  const W = window.innerWidth; const res = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > W + 1) {
      // skip ones inside a scroll container
      let a = el.parentElement, inside = false;
      while (a) { const s = getComputedStyle(a); if (/(auto|scroll|hidden)/.test(s.overflowX) ) { inside = true; break; } a = a.parentElement; }
      if (!inside) res.push(el.tagName + '.' + el.className.toString().slice(0,60) + ' right=' + Math.round(r.right) + ' ' + (el.textContent||'').slice(0,40));
    }
  }
  return [document.documentElement.scrollWidth, res.slice(0, 15)];
});
console.log(JSON.stringify(out, null, 1));
await b.close();
