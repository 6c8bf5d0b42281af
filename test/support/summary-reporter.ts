import type { Reporter, SerializedError, TestModule } from "vitest/node";

/**
 * Prints the plain closing line `N passed, N failed` (and skipped) that CI reads.
 * A test file that fails outside its tests (import error, failing hook) and an
 * unhandled error each count as one failure.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failedHere += 1;
        else skipped += 1;
      }
      // A file that failed outside any test (import error, failing beforeAll) is one failure.
      failed += failedHere || (module.state() === "failed" ? 1 : 0);
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
  }
}
