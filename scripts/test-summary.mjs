// Prints one closing line for the whole suite ("tests: N passed, N failed"), adding up the Vitest
// and Playwright JSON reports (the demo city's and the demo province's runs), so CI reads one total.
import fs from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
const [vitestFile, ...playwrightFiles] = process.argv.slice(2);
if (fs.existsSync(vitestFile)) {
  const v = JSON.parse(fs.readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  // A file that failed without a failing test (an import error, a failing hook) still counts once.
  // So does an error outside any test (an unhandled rejection after a test ended): Vitest then exits 1
  // with every test passed, and the closing line must not say otherwise.
  if (!v.numFailedTests && (v.numFailedTestSuites || v.success === false)) failed += 1;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
} else failed += 1;
for (const playwrightFile of playwrightFiles) {
  if (fs.existsSync(playwrightFile)) {
    const report = JSON.parse(fs.readFileSync(playwrightFile, 'utf8'));
    const s = report.stats ?? {};
    passed += s.expected ?? 0;
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
    // Errors outside tests (global setup, the web server, a file that does not load).
    if (!s.unexpected && (report.errors ?? []).length) failed += 1;
    skipped += s.skipped ?? 0;
  } else failed += 1;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
