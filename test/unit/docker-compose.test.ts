/**
 * Static checks of docker-compose.yml, Dockerfile and .dockerignore. No Docker engine is
 * needed: the files are read as text. docker-compose.yml is parsed by the small reader
 * below, which understands the YAML subset the file uses (block mappings, block
 * sequences, flow sequences of scalars, quoted and plain scalars, comments) and throws on
 * anything else, so a construct it does not know fails this test instead of being misread.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

// ---- a reader for the YAML subset of docker-compose.yml --------------------------------

type Yaml = string | null | Yaml[] | { [key: string]: Yaml };
type YamlMap = { [key: string]: Yaml };

interface Line {
  number: number;
  indent: number;
  text: string;
}

/** Removes a trailing comment: a `#` outside quotes that starts the line or follows a space. */
function stripComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (quote === '"' && c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) {
      return text.slice(0, i);
    }
  }
  return text;
}

function scalar(raw: string, line: number): string | null {
  const text = raw.trim();
  if (text === "" || text === "~" || text === "null") return null;
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) throw new Error(`line ${line}: bad double-quoted string ${text}`);
    return JSON.parse(text) as string;
  }
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) throw new Error(`line ${line}: bad single-quoted string ${text}`);
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[&*!|>{[@`%]/.test(text)) throw new Error(`line ${line}: unsupported YAML construct: ${text}`);
  return text;
}

/** `[a, "b", 'c']` → its items; quoted items may contain commas. */
function flowSequence(raw: string, line: number): string[] {
  const inner = raw.trim().slice(1, -1);
  const items: string[] = [];
  const item = /\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,"'\][{}]*?)\s*(,|$)/y;
  while (item.lastIndex < inner.length) {
    const match = item.exec(inner);
    if (!match) throw new Error(`line ${line}: unsupported flow sequence ${raw}`);
    const value = scalar(match[1], line);
    if (value === null) throw new Error(`line ${line}: empty item in flow sequence ${raw}`);
    items.push(value);
    if (match[2] === "") break;
  }
  return items;
}

function value(raw: string, line: number): Yaml {
  const text = raw.trim();
  if (text.startsWith("[")) {
    if (!text.endsWith("]")) throw new Error(`line ${line}: flow sequence must end on its line: ${text}`);
    return flowSequence(text, line);
  }
  return scalar(text, line);
}

/** Splits `key: rest` (the key plain or quoted); null when the text is no mapping entry. */
function mappingEntry(text: string): { key: string; rest: string } | null {
  const match = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'#:[\]{},-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s+(.*))?$/.exec(text);
  if (!match) return null;
  const key = match[1].startsWith('"') ? (JSON.parse(match[1]) as string) : match[1].replace(/^'(.*)'$/, "$1");
  return { key, rest: match[2] ?? "" };
}

function parseYaml(source: string): Yaml {
  if (source.includes("\t")) throw new Error("tabs are not allowed in YAML indentation");
  const lines: Line[] = [];
  source.split(/\r?\n/).forEach((rawLine, index) => {
    const text = stripComment(rawLine).trimEnd();
    if (text.trim() === "") return;
    if (text.trim() === "---") throw new Error(`line ${index + 1}: multiple documents are not supported`);
    lines.push({ number: index + 1, indent: text.length - text.trimStart().length, text: text.trimStart() });
  });
  let position = 0;

  function block(indent: number): Yaml {
    const first = lines[position];
    if (!first || first.indent < indent) return null;
    if (first.indent !== indent) throw new Error(`line ${first.number}: unexpected indentation`);
    return first.text.startsWith("- ") || first.text === "-" ? sequence(indent) : mapping(indent);
  }

  /** The value after `key:` or `- `: inline, or the more-indented block that follows. */
  function nested(rest: string, parentIndent: number, lineNumber: number): Yaml {
    if (rest.trim() !== "") return value(rest, lineNumber);
    const next = lines[position];
    if (!next || next.indent < parentIndent) return null;
    // A block sequence may sit at its key's own indentation (`key:\n- item`).
    if (next.indent === parentIndent) return next.text.startsWith("- ") ? sequence(parentIndent) : null;
    return block(next.indent);
  }

  function mapping(indent: number): YamlMap {
    const result: YamlMap = {};
    while (position < lines.length && lines[position].indent === indent && !lines[position].text.startsWith("- ")) {
      const line = lines[position];
      const entry = mappingEntry(line.text);
      if (!entry) throw new Error(`line ${line.number}: expected "key: value", got ${line.text}`);
      if (Object.hasOwn(result, entry.key)) throw new Error(`line ${line.number}: duplicate key ${entry.key}`);
      position++;
      result[entry.key] = nested(entry.rest, indent, line.number);
    }
    const stray = lines[position];
    if (stray && stray.indent > indent) throw new Error(`line ${stray.number}: unexpected indentation`);
    return result;
  }

  function sequence(indent: number): Yaml[] {
    const result: Yaml[] = [];
    while (position < lines.length && lines[position].indent === indent && /^-(\s|$)/.test(lines[position].text)) {
      const line = lines[position];
      const rest = line.text.slice(1).trimStart();
      if (mappingEntry(rest)) throw new Error(`line ${line.number}: mappings inside sequences are not supported`);
      position++;
      result.push(nested(rest, indent + 1, line.number));
    }
    const stray = lines[position];
    if (stray && stray.indent > indent) throw new Error(`line ${stray.number}: unexpected indentation`);
    return result;
  }

  const document = block(0);
  if (position < lines.length) throw new Error(`line ${lines[position].number}: could not be read`);
  return document;
}

function isMap(node: Yaml | undefined): node is YamlMap {
  return typeof node === "object" && node !== null && !Array.isArray(node);
}

function map(node: Yaml | undefined, what: string): YamlMap {
  if (!isMap(node)) throw new Error(`${what} is not a mapping`);
  return node;
}

/** A service's `environment`, in either of compose's forms (mapping or `KEY=value` list). */
function environment(service: YamlMap): Record<string, string> {
  const env = service.environment;
  if (env === undefined || env === null) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((item) => {
        if (typeof item !== "string" || !item.includes("="))
          throw new Error(`environment item ${String(item)} is not KEY=value`);
        return [item.slice(0, item.indexOf("=")), item.slice(item.indexOf("=") + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(map(env, "environment")).map(([key, v]) => [key, v === null ? "" : String(v)]),
  );
}

/** A healthcheck's `test`, as the argument list it runs. */
function healthcheckTest(service: YamlMap, name: string): string[] {
  const test = map(service.healthcheck, `${name}.healthcheck`).test;
  if (Array.isArray(test)) return test.map(String);
  if (typeof test === "string") return ["CMD-SHELL", test];
  throw new Error(`${name}.healthcheck.test is missing`);
}

// ---- the reader itself ------------------------------------------------------------------

describe("the compose file reader", () => {
  it("reads mappings, sequences, flow sequences, quotes and comments", () => {
    const parsed = parseYaml(
      [
        "# comment",
        "a:",
        "  b: plain value # trailing comment",
        '  c: "quoted # not a comment"',
        "  d: ['x', \"y, z\", w]",
        "  e:",
        '    - "1:2"',
        "    - three",
        "  f:",
        "  - at key indent",
        "g:",
      ].join("\n"),
    );
    expect(parsed).toEqual({
      a: {
        b: "plain value",
        c: "quoted # not a comment",
        d: ["x", "y, z", "w"],
        e: ["1:2", "three"],
        f: ["at key indent"],
      },
      g: null,
    });
  });

  it("refuses what it does not understand instead of misreading it", () => {
    expect(() => parseYaml("a: &anchor 1")).toThrow(/unsupported/);
    expect(() => parseYaml("a: |\n  text")).toThrow(/unsupported/);
    expect(() => parseYaml("a:\n  - b: 1")).toThrow(/not supported/);
    expect(() => parseYaml("a: 1\na: 2")).toThrow(/duplicate/);
    expect(() => parseYaml("a:\n    b: 1\n  c: 2")).toThrow(/indentation/);
  });
});

// ---- docker-compose.yml, Dockerfile, .dockerignore -------------------------------------

const compose = map(parseYaml(read("docker-compose.yml")), "docker-compose.yml");
const services = map(compose.services, "services");
const postgres = map(services.postgres, "services.postgres");
const hub = map(services.hub, "services.hub");
const meilisearch = map(services.meilisearch, "services.meilisearch");
const hubEnv = environment(hub);
const postgresEnv = environment(postgres);

const dockerfile = read("Dockerfile")
  .replace(/\\\r?\n/g, " ") // line continuations
  .split(/\r?\n/)
  .filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"));
const instructions = dockerfile.map((line) => {
  const [, keyword, args] = /^\s*(\w+)\s+(.*)$/.exec(line) ?? [];
  if (!keyword) throw new Error(`Dockerfile line is no instruction: ${line}`);
  return { keyword: keyword.toUpperCase(), args: args.trim() };
});
const stages = instructions.reduce<(typeof instructions)[]>((all, instruction) => {
  if (instruction.keyword === "FROM") all.push([]);
  all.at(-1)?.push(instruction);
  return all;
}, []);
const finalStage = stages.at(-1) ?? [];

/** An exec-form (`["a", "b"]`) instruction's arguments. */
function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === "string")) throw new Error(`not exec form: ${args}`);
  return parsed;
}

describe("docker-compose.yml", () => {
  it("defines the postgres, meilisearch and hub services", () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(["postgres", "meilisearch", "hub"]));
  });

  it("runs a pinned Meilisearch on a named volume, only in its profile, with the master key from .env, checked at /health", () => {
    expect(meilisearch.image).toMatch(/^getmeili\/meilisearch:v1\.\d+/);
    const volumes = (meilisearch.volumes as Yaml[]).map(String);
    const data = volumes.find((v) => v.endsWith(":/meili_data"));
    expect(data, "a volume mounted at /meili_data").toBeDefined();
    expect(Object.keys(map(compose.volumes, "volumes"))).toContain(data!.split(":")[0]);
    expect(meilisearch.profiles).toEqual(["meilisearch"]);
    const env = environment(meilisearch);
    // Production refuses a missing or short master key, so the unset default fails fast in Meilisearch itself.
    expect(env.MEILI_ENV).toBe("production");
    expect(env.MEILI_MASTER_KEY).toBe("${MEILI_MASTER_KEY:-}");
    const test = healthcheckTest(meilisearch, "meilisearch");
    expect(test[0]).toBe("CMD");
    expect(test.join(" ")).toContain("http://127.0.0.1:7700/health");
    expect(meilisearch.ports, "Meilisearch stays on the compose network").toBeUndefined();
  });

  it("takes the hub's Meilisearch settings from .env (unset: PostgreSQL search), the key the one Meilisearch gets", () => {
    expect(hubEnv.MEILI_HOST).toBe("${MEILI_HOST:-}");
    expect(hubEnv.MEILI_API_KEY).toBe(environment(meilisearch).MEILI_MASTER_KEY);
    // Meilisearch is in a profile: a dependency on it would make the default stack invalid.
    expect(Object.keys(map(hub.depends_on, "hub.depends_on"))).toEqual(["postgres"]);
  });

  it("writes no secret: passwords and keys are ${…} references to .env, and the required one fails fast", () => {
    const secrets = Object.entries({ ...environment(postgres), ...environment(meilisearch), ...hubEnv }).filter(
      ([name]) => /PASSWORD|KEY|SECRET|TOKEN/.test(name),
    );
    expect(secrets.map(([name]) => name).sort()).toEqual(["MEILI_API_KEY", "MEILI_MASTER_KEY", "POSTGRES_PASSWORD"]);
    for (const [name, value] of secrets) expect(value, name).toMatch(/^\$\{[A-Z_]+:[-?][^}]*\}$/);
    expect(postgresEnv.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?.+\}$/);
    const [, password] = /^postgres:\/\/[^:]+:(.*)@postgres:5432\/[^/]+$/.exec(hubEnv.DATABASE_URL) ?? [];
    expect(password).toBe(postgresEnv.POSTGRES_PASSWORD);
  });

  it("runs the official PostgreSQL 16 or 17 image on a named volume", () => {
    expect(postgres.image).toMatch(/^postgres:1[67](\b|$)/);
    const volumes = postgres.volumes;
    expect(Array.isArray(volumes)).toBe(true);
    const data = (volumes as Yaml[]).map(String).find((v) => v.endsWith(":/var/lib/postgresql/data"));
    expect(data, "a volume mounted at /var/lib/postgresql/data").toBeDefined();
    const volumeName = data!.split(":")[0];
    expect(volumeName).toMatch(/^[a-zA-Z0-9][\w.-]*$/); // a name, not a host path
    expect(Object.keys(map(compose.volumes, "volumes"))).toContain(volumeName);
  });

  it("checks PostgreSQL with pg_isready for the database the hub uses", () => {
    const test = healthcheckTest(postgres, "postgres");
    expect(["CMD", "CMD-SHELL"]).toContain(test[0]);
    expect(test.slice(1).join(" ")).toMatch(/\bpg_isready\b/);
    const command = test.slice(1).join(" ");
    expect(command).toContain(`-U ${postgresEnv.POSTGRES_USER}`);
    expect(command).toContain(`-d ${postgresEnv.POSTGRES_DB}`);
  });

  it("checks the hub's /readyz with node on the port the hub listens on, long enough for migrations", () => {
    const test = healthcheckTest(hub, "hub");
    expect(test[0]).toBe("CMD");
    expect(test[1]).toBe("node");
    const script = test.slice(2).join(" ");
    expect(script).toContain(`:${hubEnv.PORT ?? "4000"}/readyz`);
    expect(map(hub.healthcheck, "hub.healthcheck").start_period).toBe("300s");
    expect(script).toMatch(/process\.exit\(r\.ok\s*\?\s*0\s*:\s*1\)/);
    expect(script).toMatch(/catch\(/);
    // `$` would be interpolated by compose.
    expect(script).not.toContain("$");
  });

  it("starts the hub only once PostgreSQL is healthy", () => {
    const dependsOn = map(hub.depends_on, "hub.depends_on");
    expect(map(dependsOn.postgres, "hub.depends_on.postgres").condition).toBe("service_healthy");
  });

  it("points the hub's DATABASE_URL at the postgres service with its user and database", () => {
    const url = new URL(hubEnv.DATABASE_URL.replace(postgresEnv.POSTGRES_PASSWORD, "password"));
    expect(["postgres:", "postgresql:"]).toContain(url.protocol);
    expect(url.hostname).toBe("postgres");
    expect(url.port === "" || url.port === "5432").toBe(true);
    expect(decodeURIComponent(url.username)).toBe(postgresEnv.POSTGRES_USER);
    expect(decodeURIComponent(url.pathname.slice(1))).toBe(postgresEnv.POSTGRES_DB);
    for (const name of ["POSTGRES_USER", "POSTGRES_DB"]) expect(postgresEnv[name], name).toMatch(/^[^$]+$/);
  });

  it("runs the hub in production with JSON logs", () => {
    expect(hubEnv.NODE_ENV).toBe("production");
    expect(hubEnv.LOG_FORMAT).toBe("json");
  });

  it("sets only environment variables that server/config.ts (with its tracing part) reads", () => {
    const configSource = read("server/config.ts") + read("server/telemetry/tracing-config.ts");
    // Keys of the zod schema (`  NAME: ...`) and any direct `env.NAME` / `env["NAME"]` reads.
    const known = new Set([
      ...[...configSource.matchAll(/^\s+"(OTEL_[A-Z0-9_]+)",$/gm)].map((m) => m[1]),
      ...[...configSource.matchAll(/^\s+([A-Z][A-Z0-9_]*)\s*:/gm)].map((m) => m[1]),
      ...[...configSource.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[["']([A-Z][A-Z0-9_]*)["']\])/g)].map(
        (m) => m[1] ?? m[2],
      ),
    ]);
    expect(known).toContain("DATABASE_URL"); // the extraction itself works
    expect(Object.keys(hubEnv).length).toBeGreaterThan(0);
    for (const name of Object.keys(hubEnv)) {
      expect(known, `${name} is set for the hub but server/config.ts does not read it`).toContain(name);
    }
  });

  it("publishes the hub's port 4000 and restarts both services", () => {
    expect(hub.ports).toEqual(expect.arrayContaining([`4000:${hubEnv.PORT ?? "4000"}`]));
    expect(postgres.ports, "PostgreSQL stays on the compose network").toBeUndefined();
    for (const [name, service] of [
      ["postgres", postgres],
      ["meilisearch", meilisearch],
      ["hub", hub],
    ] as const) {
      expect(["always", "unless-stopped", "on-failure"], `${name}.restart`).toContain(service.restart);
    }
  });

  it("builds the hub from the Dockerfile", () => {
    const build = hub.build;
    const context = isMap(build) ? build.context : build;
    expect(context).toBe(".");
    if (isMap(build) && build.dockerfile !== undefined) expect(build.dockerfile).toBe("Dockerfile");
  });
});

describe("Dockerfile", () => {
  it("builds in stages on node:20-bookworm-slim", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0].args).toMatch(/^node:20-bookworm-slim(\s+AS\s+\w+)?$/i);
    const buildRuns = stages[0].filter((i) => i.keyword === "RUN").map((i) => i.args);
    expect(buildRuns.some((r) => /\bnpm ci\b/.test(r) && !r.includes("--omit=dev"))).toBe(true);
    expect(buildRuns.some((r) => /\bnpm run build\b/.test(r))).toBe(true);
  });

  it("installs only production dependencies at run time and copies the build output", () => {
    const runs = finalStage.filter((i) => i.keyword === "RUN").map((i) => i.args);
    expect(runs.some((r) => /\bnpm ci\b.*--omit=dev/.test(r))).toBe(true);
    // The runtime image has no use for the embedded PostgreSQL: DATABASE_URL is required there.
    expect(runs.some((r) => /\bnpm ci\b.*--omit=optional/.test(r))).toBe(true);
    expect(finalStage.some((i) => i.keyword === "COPY" && /--from=\w+\s+\S*\/dist\s+\.?\/?dist\/?$/.test(i.args))).toBe(
      true,
    );
    // "type": "module" in package.json makes dist/*.js ES modules.
    expect(finalStage.some((i) => i.keyword === "COPY" && /\bpackage\.json\b/.test(i.args))).toBe(true);
  });

  it("runs as the non-root node user", () => {
    const users = finalStage.filter((i) => i.keyword === "USER");
    expect(users.at(-1)?.args).toBe("node");
  });

  it("starts the file package.json's hub script runs, with the Node options it gives", () => {
    const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;
    // `npm run hub` may build first when the build is stale (build-if-stale.mjs); the image holds a fresh build.
    const [, options, target] =
      /^(?:node server\/cli\/build-if-stale\.mjs && )?node\s+((?:--[\w-]+=\S+\s+)*)(\S+\.js)$/.exec(
        scripts.hub.trim(),
      ) ?? [];
    expect(target, `hub script "${scripts.hub}"`).toBeDefined();
    const cmd = finalStage.filter((i) => i.keyword === "CMD").at(-1);
    expect(cmd, "CMD in the final stage").toBeDefined();
    expect(execForm(cmd!.args)).toEqual(["node", target]);
    // The heap's sizing (README, "Memory") as NODE_OPTIONS, which an operator may set otherwise; `npm start` the same.
    expect(options.trim()).toMatch(/--max-old-space-size=\d+/);
    const env = finalStage.filter((i) => i.keyword === "ENV").map((i) => i.args);
    expect(env).toContain(`NODE_OPTIONS="${options.trim()}"`);
    expect(scripts.start).toBe(`npm run build && node ${options}${target}`);
    // dist/ mirrors the sources (tsconfig rootDir "."), so the entry has a source file.
    expect(existsSync(path.join(root, target.replace(/^dist\//, "").replace(/\.js$/, ".ts")))).toBe(true);
  });

  it("exposes 4000 and the metrics port compose sets, and checks /readyz with node after a start period for migrations", () => {
    const exposed = finalStage.filter((i) => i.keyword === "EXPOSE").flatMap((i) => i.args.split(/\s+/));
    expect(exposed).toEqual(expect.arrayContaining(["4000", hubEnv.METRICS_PORT]));
    const healthcheck = finalStage.find((i) => i.keyword === "HEALTHCHECK");
    expect(healthcheck).toBeDefined();
    const [, command] = /\bCMD\s+(\[.*\])$/.exec(healthcheck!.args) ?? [];
    const args = execForm(command);
    expect(args[0]).toBe("node");
    expect(args.join(" ")).toContain("/readyz");
    expect(healthcheck!.args).toMatch(/--start-period=300s\b/);
  });
});

describe(".dockerignore", () => {
  const ignored = read(".dockerignore")
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^\/+|\/+$/g, ""))
    .filter((line) => line !== "" && !line.startsWith("#"));

  it("keeps dependencies, build output, data and git out of the build context", () => {
    expect(ignored).toEqual(expect.arrayContaining(["node_modules", "dist", ".data", ".git"]));
  });

  it("keeps everything the Dockerfile copies from the context", () => {
    const sources = instructions
      .filter((i) => i.keyword === "COPY" && !i.args.startsWith("--from"))
      .flatMap((i) =>
        i.args
          .split(/\s+/)
          .filter((a) => !a.startsWith("--"))
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(path.join(root, source)), `${source} exists`).toBe(true);
      expect(ignored, `${source} is ignored`).not.toContain(source);
    }
  });
});
