// Prints the one closing line CI reads: `N passed, N failed`, over the unit tests (Vitest JSON) and the
// journeys (Playwright JSON). A step that failed before its tests could report (typecheck, lint, build)
// counts as one failure, so a red run never prints `0 failed`.
import { existsSync, readFileSync } from 'node:fs';

const [status, unitFile, e2eFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;

if (existsSync(unitFile)) {
  const unit = JSON.parse(readFileSync(unitFile, 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
if (existsSync(e2eFile)) {
  const { stats } = JSON.parse(readFileSync(e2eFile, 'utf8'));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky;
}
if (Number(status) !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed`);
