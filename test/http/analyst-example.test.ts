/**
 * The analyst example in client-examples/analyst: its generated types match the
 * committed schema, it compiles with them, and the compiled script prints the
 * comparison table and writes the CSV against a running hub.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { generate, loadCodegenConfig } from "@graphql-codegen/cli";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedData } from "../../seeds/data/index.js";
import { startTestHub, type TestHub } from "../support/hub.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCRIPT = path.join(ROOT, "dist/examples/client-examples/analyst/compare.js");

let hub: TestHub;
let workDir: string;
beforeAll(async () => {
  hub = await startTestHub();
  workDir = await mkdtemp(path.join(tmpdir(), "ikz-analyst-"));
  // Compiling is part of what is tested: a schema change that breaks the typed query fails here.
  await run(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "client-examples/analyst/tsconfig.json"],
    { cwd: ROOT },
  );
}, 120_000);
afterAll(async () => {
  await hub?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function analyst(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, "--endpoint", hub.url, ...args], { cwd: workDir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("client-examples/analyst", () => {
  it("its generated types are up to date with schema/schema.graphql (run `npm run codegen:analyst`)", async () => {
    const { config } = await loadCodegenConfig({
      configFilePath: path.join(ROOT, "client-examples/analyst/codegen.yml"),
    });
    const outputs = await generate({ ...config, cwd: ROOT, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = await readFile(path.resolve(ROOT, output.filename), "utf8");
      expect(committed, output.filename).toBe(output.content);
    }
  });

  it("prints the comparison table and writes a CSV for German Excel", async () => {
    const { code, stdout, stderr } = await analyst(
      "--topics",
      "childcare,schools",
      "--csv",
      "kita.csv",
      "herten",
      "kelsterbach",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^topic\s+\| Herten\s+\| Kelsterbach$/);
    expect(lines.find((line) => line.startsWith("childcare"))).toMatch(
      /^childcare\s+\| planned \(1\)\s+\| in progress \(1\)$/,
    );
    expect(lines.find((line) => line.startsWith("schools"))).toMatch(/^schools\s+\| –\s+\| –$/);
    const herten = seedData.cities.find((c) => c.municipality.slug === "herten")!;
    expect(lines.find((line) => line.startsWith("fields of action"))).toMatch(
      new RegExp(`\\| ${herten.strategies[0].fieldsOfAction.length}\\s+\\| 0$`),
    );
    expect(stdout).toContain("wrote kita.csv");

    const bytes = await readFile(path.join(workDir, "kita.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString("utf8"), { delimiter: ";", columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => [r.topic, r.municipality, r.coverage])).toEqual([
      ["childcare", "herten", "PLANNED"],
      ["childcare", "kelsterbach", "IN_PROGRESS"],
      ["schools", "herten", "NONE"],
      ["schools", "kelsterbach", "NONE"],
    ]);
    expect(rows[0].projects).toBe(herten.projects.find((p) => p.slug === "herten-kita-online")!.title);
  });

  it("passes the hub's refusal on: unknown cities exit 1 with the message, missing cities exit 2 with the usage", async () => {
    const unknown = await analyst("herten", "atlantis");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/The hub refused: Unknown value in municipalities: "atlantis"/);
    const none = await analyst();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^usage: analyst/);
  });
});
