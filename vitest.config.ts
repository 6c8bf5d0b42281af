import { createRequire } from "node:module";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const require = createRequire(import.meta.url);

/**
 * Files that change what the whole process shares, so that they run in a fresh process each: the cooperation
 * fixture registers its entity and GraphQL type in the global metadata of MikroORM and type-graphql (and extends
 * `Municipality`), which every later ORM and schema of the process would see.
 */
const ISOLATED = [
  "test/integration/record-type-fixture.test.ts",
  "test/integration/plain-export.test.ts",
  "test/search/search-sql.test.ts",
];

/** What both projects share; without `extends`, so that the global setup (one PostgreSQL) runs once. */
function project(name: string, include: string[], exclude: string[], isolate: boolean): TestProjectInlineConfiguration {
  return {
    resolve: {
      // Node loads graphql's CommonJS build for type-graphql and Apollo; Vite would pick the
      // ESM build for our files, and two copies of graphql cannot share a schema.
      alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
    },
    test: {
      name,
      include,
      exclude: ["**/node_modules/**", ...exclude],
      setupFiles: ["test/support/setup-file.ts"],
      pool: "forks",
      // Importing the hub (graphql, MikroORM, Apollo, the schema) costs a process 5–10 s on a busy 2-core machine;
      // the files of `shared` reuse their process and its modules (each file still gets its own database and hub).
      isolate,
      // A hang guard, not a measure: on a 2-core machine at load 20 one seeder run or one CLI process alone takes 20-30 s.
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}

export default defineConfig({
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    reporters: ["default", "./test/support/summary-reporter.ts"],
    projects: [project("shared", ["test/**/*.test.ts"], ISOLATED, false), project("isolated", ISOLATED, [], true)],
  },
});
