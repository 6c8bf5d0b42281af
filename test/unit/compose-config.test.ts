/**
 * docker-compose.yml as Compose itself renders it (`config`, which interpolates .env but pulls and starts
 * nothing), read back by the hub's own configuration loader: secrets from the env file only and required ones
 * failing fast, PostgreSQL search by default and Meilisearch by profile, the hub's health check on /readyz with a
 * start period for long migrations, tracing switched by .env. Runs `docker compose` (v2), or `docker-compose`
 * (v1, Debian's package) where only that is installed, and is skipped, saying so, where neither is.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../server/config.js";

const root = path.resolve(import.meta.dirname, "../..");

/** The Compose command of this machine, or null when it has none. */
function composeCommand(): string[] | null {
  for (const command of [["docker", "compose"], ["docker-compose"]]) {
    const probe = spawnSync(command[0], [...command.slice(1), "version"], { stdio: "ignore" });
    if (probe.status === 0) return command;
  }
  return null;
}

const compose = composeCommand();
const dir = mkdtempSync(path.join(os.tmpdir(), "ikz-compose-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** Writes an env file: .env.example with `set` uncommented or filled in. */
function envFile(set: Record<string, string>): string {
  const lines = readFileSync(path.join(root, ".env.example"), "utf8").split("\n");
  const rest = { ...set };
  const written = lines.map((line) => {
    const [, name] = /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line) ?? [];
    if (!name || !(name in rest)) return line;
    const value = rest[name];
    delete rest[name];
    return `${name}=${value}`;
  });
  const file = path.join(dir, `env-${++files}`);
  writeFileSync(file, [...written, ...Object.entries(rest).map(([name, value]) => `${name}=${value}`)].join("\n"));
  return file;
}

/** Runs `config` with only `envFile` as the environment (no .env of the checkout, no variables of the shell). */
function render(file: string, flags: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const [command, ...args] = compose!;
  const result = spawnSync(
    command,
    [
      ...args,
      "--project-directory",
      root,
      "-f",
      path.join(root, "docker-compose.yml"),
      "--env-file",
      file,
      ...flags,
      "config",
    ],
    { env: { PATH: process.env.PATH ?? "", HOME: dir }, encoding: "utf8" },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Service = {
  environment?: Record<string, string | number | boolean | null>;
  healthcheck?: { test: string[]; start_period?: string; interval?: string };
  profiles?: string[];
  depends_on?: Record<string, unknown>;
};

function rendered(file: string, flags: string[] = []): Record<string, Service> {
  const result = render(file, flags);
  expect(result.status, result.stderr).toBe(0);
  return (parse(result.stdout) as { services: Record<string, Service> }).services;
}

/** A service's environment as the process inside sees it. */
function environmentOf(service: Service): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value ?? "")]),
  );
}

/** Compose writes durations as `300s` or, v1, `5m`; in seconds. */
function seconds(duration: string | undefined): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(duration ?? "");
  if (!duration || !match) throw new Error(`not a duration: ${duration}`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/** Whether `up` would start the service: present (v2 drops inactive ones) and in no profile, or in an active one. */
function starts(services: Record<string, Service>, name: string, active: string[] = []): boolean {
  const service = services[name];
  if (!service) return false;
  return !service.profiles?.length || service.profiles.some((profile) => active.includes(profile));
}

const password = "0f3c9a7d5e1b2c4a6d8e0f1a3b5c7d9e";
const masterKey = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";

describe.skipIf(!compose)(
  `docker-compose.yml rendered by ${compose?.join(" ") ?? "Compose (skipped: neither `docker compose` nor `docker-compose` is installed)"}`,
  () => {
    it("stops with the message naming POSTGRES_PASSWORD when the env file does not set it", () => {
      for (const file of [envFile({}), envFile({ POSTGRES_PASSWORD: "" })]) {
        const result = render(file);
        expect(result.status).not.toBe(0);
        expect(result.stderr).toContain("set POSTGRES_PASSWORD in .env (see .env.example)");
        expect(result.stdout).toBe("");
      }
    });

    it("passes the password, written once in the env file, to PostgreSQL and to the hub", () => {
      const services = rendered(envFile({ POSTGRES_PASSWORD: password }));
      expect(readFileSync(path.join(root, "docker-compose.yml"), "utf8")).not.toContain(password);
      expect(environmentOf(services.postgres).POSTGRES_PASSWORD).toBe(password);
      const hub = loadConfig(environmentOf(services.hub), false);
      const url = new URL(hub.databaseUrl!);
      expect(url.password).toBe(password);
      expect(url.username).toBe(environmentOf(services.postgres).POSTGRES_USER);
      expect(url.pathname).toBe(`/${environmentOf(services.postgres).POSTGRES_DB}`);
      expect(url.host).toBe("postgres:5432");
    });

    it("searches with PostgreSQL by default: no Meilisearch started, none configured in the hub", () => {
      const services = rendered(envFile({ POSTGRES_PASSWORD: password }));
      expect(starts(services, "postgres")).toBe(true);
      expect(starts(services, "hub")).toBe(true);
      expect(starts(services, "meilisearch")).toBe(false);
      expect(Object.keys(services.hub.depends_on ?? {})).toEqual(["postgres"]);
      const hub = loadConfig(environmentOf(services.hub), false);
      expect(hub.meilisearch).toBeNull();
      expect(hub.tracing).toBeNull();
      expect(hub.environment).toBe("production");
      expect(hub.metricsPort).toBe(9464);
    });

    it("adds Meilisearch with its profile, and the hub's MEILI_* settings from the env file", () => {
      const file = envFile({
        POSTGRES_PASSWORD: password,
        MEILI_HOST: "http://meilisearch:7700",
        MEILI_MASTER_KEY: masterKey,
      });
      const byFlag = rendered(file, ["--profile", "meilisearch"]);
      const byEnv = rendered(
        envFile({
          POSTGRES_PASSWORD: password,
          COMPOSE_PROFILES: "meilisearch",
          MEILI_HOST: "http://meilisearch:7700",
          MEILI_MASTER_KEY: masterKey,
        }),
      );
      for (const services of [byFlag, byEnv]) {
        expect(starts(services, "meilisearch", ["meilisearch"])).toBe(true);
        expect(environmentOf(services.meilisearch).MEILI_MASTER_KEY).toBe(masterKey);
        expect(environmentOf(services.meilisearch).MEILI_ENV).toBe("production");
        const hub = loadConfig(environmentOf(services.hub), false);
        expect(hub.meilisearch).toEqual({
          host: "http://meilisearch:7700",
          apiKey: masterKey,
          index: "ikz-hub-documents",
        });
      }
    });

    it("a master key without MEILI_HOST stops the hub with a message instead of searching half-configured", () => {
      const services = rendered(envFile({ POSTGRES_PASSWORD: password, MEILI_MASTER_KEY: masterKey }), [
        "--profile",
        "meilisearch",
      ]);
      expect(() => loadConfig(environmentOf(services.hub), false)).toThrow(
        /MEILI_API_KEY is set but MEILI_HOST is not/,
      );
    });

    it("checks the hub's /readyz on its port, with a start period long enough for migrations", () => {
      const services = rendered(envFile({ POSTGRES_PASSWORD: password }));
      const check = services.hub.healthcheck!;
      expect(check.test.slice(0, 3)).toEqual(["CMD", "node", "-e"]);
      expect(check.test[3]).toContain(`http://127.0.0.1:${environmentOf(services.hub).PORT}/readyz`);
      // The first start migrates before it listens; a start period only ignores failures, it kills nothing.
      expect(seconds(check.start_period)).toBeGreaterThanOrEqual(300);
      expect(seconds(services.postgres.healthcheck!.start_period)).toBeGreaterThanOrEqual(30);
    });

    it("turns tracing on from the env file (blank variables, the default, leave it off)", () => {
      const services = rendered(
        envFile({ POSTGRES_PASSWORD: password, OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }),
      );
      expect(loadConfig(environmentOf(services.hub), false).tracing).toEqual({
        exporters: ["otlp"],
        protocol: "http/protobuf",
      });
    });
  },
);
