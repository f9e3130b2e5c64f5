// PDF of the report: the report's HTML printed by Chromium (Debian's /usr/bin/chromium through
// playwright-core; Playwright cannot download its own browser here), A4, charts kept as vector SVG,
// page numbers in the footer. One browser serves every edition of a run.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The same launch arguments as playwright.config.ts (headless in containers without a GPU or sandbox).
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Prints a self-contained HTML document to A4 PDF bytes. `header` is the running title at the top of every
 * page; the footer says 第 N 页 / 共 M 页. Throws when Chromium cannot be launched or the page fails.
 */
export async function htmlToPdf(html: string, opts: { header: string; browser?: Browser }): Promise<Buffer> {
  const browser = opts.browser ?? (await launchBrowser());
  try {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const font = "font-family:'Noto Sans CJK SC',sans-serif;font-size:8px;color:#6b7785;width:100%;padding:0 14mm;";
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${font}text-align:right;">${esc(opts.header)}</div>`,
        footerTemplate: `<div style="${font}text-align:center;">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`,
      });
    } finally {
      await page.close();
    }
  } finally {
    if (!opts.browser) await browser.close();
  }
}
