/**
 * The analyst example in client-examples/analyst: its generated types match the
 * committed schema, it compiles with them, and the compiled script prints the
 * comparison table and writes the CSV against a running hub.
 */
import { execFile } from "node:child_process";
import http from "node:http";
import net from "node:net";
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
  return analystWith({}, "--endpoint", hub.url, ...args);
}

/** Runs the compiled example with only PATH and `env` in its environment. */
async function analystWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], {
      cwd: workDir,
      env: { PATH: process.env.PATH ?? "", ...env },
    });
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
    expect(unknown.stderr).toContain(`The hub at ${hub.url} refused: Unknown value in municipalities: "atlantis"`);
    const none = await analyst();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^usage: analyst/);
  });

  it("talks to the hub at HUB_URL, and a failure names the address it tried", async () => {
    const origin = new URL(hub.url).origin;
    const viaEnv = await analystWith({ HUB_URL: origin }, "herten");
    expect(viaEnv.stderr).toBe("");
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.stdout).toMatch(/^topic\s+\| Herten$/m);

    // A port nobody listens on: the one of a server that has just closed.
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const refused = await analystWith({ HUB_URL: `http://127.0.0.1:${closed}` }, "herten");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(
      new RegExp(`^Could not reach the hub at http://127\\.0\\.0\\.1:${closed}/graphql: ECONNREFUSED`),
    );

    // A path the hub does not serve: its JSON refusal, with the address.
    const wrongPath = await analystWith({ HUB_URL: `${origin}/nope` }, "herten");
    expect(wrongPath.code).toBe(1);
    expect(wrongPath.stderr).toContain(`The hub at ${origin}/nope/graphql refused: Not found`);

    // Not a hub at all: a server that answers in plain text.
    const other = http.createServer((_req, res) => res.end("hello"));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const otherUrl = `http://127.0.0.1:${(other.address() as net.AddressInfo).port}`;
      const notHub = await analystWith({ HUB_URL: otherUrl }, "herten");
      expect(notHub.code).toBe(1);
      expect(notHub.stderr).toContain(
        `Could not reach the hub at ${otherUrl}/graphql: HTTP 200 without a GraphQL answer; is this the hub?`,
      );
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }

    for (const bad of ["ftp://hub.example", "localhost:4000", "http://hub.example/?x=1", "nicht eine Adresse"]) {
      const result = await analystWith({ HUB_URL: bad }, "herten");
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain(
        `HUB_URL must be the hub's http(s) address, e.g. http://localhost:4000, got ${JSON.stringify(bad)}`,
      );
    }
  });

  it("prints its usage on stdout for --help and exits 0", async () => {
    const help = await analystWith({}, "--help");
    expect(help.code).toBe(0);
    expect(help.stderr).toBe("");
    expect(help.stdout).toMatch(/^usage: analyst .*\n[\s\S]*HUB_URL \(default http:\/\/localhost:4000\)/);
  });
});
