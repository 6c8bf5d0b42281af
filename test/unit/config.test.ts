import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.js";

/** Runs `loadConfig(env)` and returns the ConfigError it throws. */
function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, false);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig(${JSON.stringify(env)}) did not throw`);
}

/** Asserts a one-line message that names the variable (and, where given, the bad value). */
function expectOneLine(error: ConfigError, variable: string, value?: string) {
  expect(error.name).toBe("ConfigError");
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message).toMatch(/^Invalid configuration: /);
  expect(error.message).toContain(variable);
  if (value !== undefined) expect(error.message).toContain(`"${value}"`);
}

describe("loadConfig defaults", () => {
  it("uses the documented defaults for an empty environment", () => {
    expect(loadConfig({}, false)).toEqual({
      port: 4000,
      host: "0.0.0.0",
      metricsPort: null,
      publicUrl: null,
      allowedHosts: [],
      pageCacheSeconds: 60,
      session: { idleMs: 30 * 60_000, maxMs: 10 * 3_600_000 },
      signInLimits: { perAddress: 30, perAccount: 10, windowSeconds: 15 * 60 },
      oidc: null,
      databaseUrl: null,
      limits: { depth: 12, aliases: 30, directives: 20, tokens: 3000, cost: 10_000, executionTimeoutMs: 10_000 },
      maxResponseNodes: 50_000,
      maxCostInFlight: 200_000,
      compileQueriesAfter: 2,
      trustProxy: false,
      rateLimit: { points: 300, durationSeconds: 60 },
      rateLimitCostPerPoint: 500,
      redisUrl: null,
      responseCache: { maxBytes: 32 * 1024 * 1024, keyPrefix: "ikz-hub:rc:" },
      meilisearch: null,
      dataDir: path.resolve(".data"),
      embeddedPostgresPort: 54329,
      seedOnStart: true,
      preparedStatements: true,
      logLevel: "info",
      logFormat: "json",
      environment: "development",
      site: {
        licence: {
          name: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
          url: "https://www.govdata.de/dl-de/by-2-0",
        },
        legal: { impressum: null, datenschutz: null, barrierefreiheit: null },
      },
      tracing: null,
    });
  });

  it("logs pretty at a terminal and JSON otherwise, unless LOG_FORMAT says", () => {
    expect(loadConfig({}, true).logFormat).toBe("pretty");
    expect(loadConfig({}, false).logFormat).toBe("json");
    expect(loadConfig({ LOG_FORMAT: "json" }, true).logFormat).toBe("json");
    expect(loadConfig({ LOG_FORMAT: "pretty" }, false).logFormat).toBe("pretty");
  });

  it("reads every variable", () => {
    const config = loadConfig(
      {
        PORT: "8080",
        HOST: "127.0.0.1",
        PUBLIC_URL: "https://ikz-hub.example",
        DATABASE_URL: "postgres://hub@db.example:5432/ikz",
        DATA_DIR: "/tmp/ikz-data",
        EMBEDDED_PG_PORT: "6543",
        SEED_ON_START: "false",
        DATABASE_PREPARED_STATEMENTS: "off",
        LOG_LEVEL: "debug",
        LOG_FORMAT: "pretty",
        NODE_ENV: "production",
        TRUST_PROXY: "127.0.0.1",
        SESSION_IDLE_MINUTES: "15",
        SESSION_MAX_HOURS: "8",
      },
      false,
    );
    expect(config).toEqual({
      port: 8080,
      host: "127.0.0.1",
      metricsPort: null,
      publicUrl: "https://ikz-hub.example",
      allowedHosts: [],
      pageCacheSeconds: 60,
      session: { idleMs: 15 * 60_000, maxMs: 8 * 3_600_000 },
      signInLimits: { perAddress: 30, perAccount: 10, windowSeconds: 15 * 60 },
      oidc: null,
      databaseUrl: "postgres://hub@db.example:5432/ikz",
      limits: { depth: 12, aliases: 30, directives: 20, tokens: 3000, cost: 10_000, executionTimeoutMs: 10_000 },
      maxResponseNodes: 50_000,
      maxCostInFlight: 200_000,
      compileQueriesAfter: 2,
      trustProxy: ["127.0.0.1"],
      rateLimit: { points: 300, durationSeconds: 60 },
      rateLimitCostPerPoint: 500,
      redisUrl: null,
      responseCache: { maxBytes: 32 * 1024 * 1024, keyPrefix: "ikz-hub:rc:" },
      meilisearch: null,
      dataDir: "/tmp/ikz-data",
      embeddedPostgresPort: 6543,
      seedOnStart: false,
      preparedStatements: false,
      logLevel: "debug",
      logFormat: "pretty",
      environment: "production",
      site: {
        licence: {
          name: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
          url: "https://www.govdata.de/dl-de/by-2-0",
        },
        legal: { impressum: null, datenschutz: null, barrierefreiheit: null },
      },
      tracing: null,
    });
  });

  it("resolves a relative DATA_DIR against the working directory", () => {
    expect(loadConfig({ DATA_DIR: "var/pg" }, false).dataDir).toBe(path.resolve("var/pg"));
  });

  it("ignores unrelated variables", () => {
    expect(loadConfig({ PATH: "/usr/bin", HOME: "/root", FOO: "bar" }, false).port).toBe(4000);
  });
});

describe("PORT and EMBEDDED_PG_PORT", () => {
  it("accept whole numbers from 0 to 65535", () => {
    for (const [raw, port] of [
      ["0", 0],
      ["1", 1],
      ["80", 80],
      ["65535", 65535],
      [" 8080 ", 8080],
      ["0080", 80],
    ] as const) {
      expect(loadConfig({ PORT: raw }, false).port, raw).toBe(port);
    }
    expect(loadConfig({ EMBEDDED_PG_PORT: "5432" }, false).embeddedPostgresPort).toBe(5432);
  });

  it("reject anything else with a one-line message naming the variable and value", () => {
    for (const raw of [
      "abc",
      "-1",
      "70000",
      "",
      "65536",
      "1.5",
      "8e3",
      "0x50",
      "80a",
      " ",
      "4000 4001",
      "Infinity",
      "99999999999999999999",
    ]) {
      const error = failure({ PORT: raw });
      expectOneLine(error, "PORT", raw);
      expect(error.message).toBe(`Invalid configuration: PORT must be a whole number from 0 to 65535, got "${raw}"`);
    }
    for (const raw of ["abc", "-1", "70000", "", "0"]) {
      const error = failure({ EMBEDDED_PG_PORT: raw });
      expectOneLine(error, "EMBEDDED_PG_PORT", raw);
      expect(error.message).not.toMatch(/(^|[^_])PORT must/);
    }
  });
});

describe("METRICS_PORT", () => {
  it("is off (null) when unset or blank, and takes a port like PORT, 0 picking a free one", () => {
    expect(loadConfig({}, false).metricsPort).toBeNull();
    expect(loadConfig({ METRICS_PORT: "" }, false).metricsPort).toBeNull();
    expect(loadConfig({ METRICS_PORT: "  " }, false).metricsPort).toBeNull();
    expect(loadConfig({ METRICS_PORT: "9464" }, false).metricsPort).toBe(9464);
    expect(loadConfig({ METRICS_PORT: " 09464 " }, false).metricsPort).toBe(9464);
    expect(loadConfig({ METRICS_PORT: "0", PORT: "0" }, false).metricsPort).toBe(0);
  });

  it("refuses wrong, hostile and oversized values with a one-line message naming it", () => {
    for (const raw of [
      "abc",
      "-1",
      "65536",
      "1.5",
      "9e3",
      "0x50",
      "9464 9465",
      "Infinity",
      "99999999999999999999",
      "9464\nFAKE LOG LINE",
      "9".repeat(10_000),
    ]) {
      const error = failure({ METRICS_PORT: raw });
      expectOneLine(error, "METRICS_PORT");
      expect(error.message).toContain("METRICS_PORT must be a whole number from 0 to 65535");
      expect(error.message.length).toBeLessThan(200);
    }
  });

  it("must differ from PORT", () => {
    const error = failure({ PORT: "4000", METRICS_PORT: "4000" });
    expectOneLine(error, "METRICS_PORT");
    expect(error.message).toContain("must differ from PORT");
    expect(failure({ METRICS_PORT: "4000" }).message).toContain("must differ from PORT");
  });
});

describe("DATABASE_URL", () => {
  it("is null when unset or blank, so the embedded PostgreSQL is used", () => {
    expect(loadConfig({}, false).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: "" }, false).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: "   " }, false).databaseUrl).toBeNull();
  });

  it("accepts postgres:// and postgresql:// URLs naming a database, trimmed", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u:p@localhost:5432/ikz" }, false).databaseUrl).toBe(
      "postgres://u:p@localhost:5432/ikz",
    );
    expect(loadConfig({ DATABASE_URL: "postgresql://localhost/ikz" }, false).databaseUrl).toBe(
      "postgresql://localhost/ikz",
    );
    expect(loadConfig({ DATABASE_URL: "  postgres://localhost/ikz  " }, false).databaseUrl).toBe(
      "postgres://localhost/ikz",
    );
    expect(loadConfig({ DATABASE_URL: "postgres://localhost/ikz?sslmode=require" }, false).databaseUrl).toBe(
      "postgres://localhost/ikz?sslmode=require",
    );
  });

  it("rejects another scheme, naming the scheme", () => {
    for (const [url, scheme] of [
      ["mysql://u@localhost/ikz", "mysql:"],
      ["http://localhost/ikz", "http:"],
      ["sqlite:///tmp/ikz.db", "sqlite:"],
      ["jdbc:postgresql://localhost/ikz", "jdbc:"],
    ]) {
      const error = failure({ DATABASE_URL: url });
      expectOneLine(error, "DATABASE_URL");
      expect(error.message).toBe(
        `Invalid configuration: DATABASE_URL must start with postgres:// or postgresql://, got "${scheme}//"`,
      );
    }
  });

  it("rejects a URL without a database", () => {
    for (const url of [
      "postgres://localhost",
      "postgres://localhost/",
      "postgresql://u:p@localhost:5432",
      "postgres://localhost:5432/?sslmode=require",
    ]) {
      const error = failure({ DATABASE_URL: url });
      expectOneLine(error, "DATABASE_URL");
      expect(error.message).toBe(
        "Invalid configuration: DATABASE_URL names no database; expected postgres://user@host:port/database",
      );
    }
  });

  it("rejects what is not a URL", () => {
    for (const url of ["not a url", "localhost:5432/ikz", "//localhost/ikz", "postgres//localhost/ikz", "ikz"]) {
      const error = failure({ DATABASE_URL: url });
      expectOneLine(error, "DATABASE_URL");
      expect(error.message).toMatch(/DATABASE_URL (is not a URL|must start with postgres:\/\/)/);
    }
    expect(failure({ DATABASE_URL: "not a url" }).message).toBe(
      "Invalid configuration: DATABASE_URL is not a URL; expected postgres://user@host:port/database",
    );
  });

  it("never echoes a password from a rejected URL", () => {
    for (const url of [
      "mysql://admin:s3cr3t-pw@db/ikz",
      "postgres://admin:s3cr3t-pw@db",
      "postgres://admin:s3cr3t-pw@db:notaport/ikz",
    ]) {
      let message = "";
      try {
        loadConfig({ DATABASE_URL: url }, false);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toContain("s3cr3t-pw");
    }
  });
});

describe("LOG_LEVEL, LOG_FORMAT and NODE_ENV", () => {
  it("accept their listed values", () => {
    for (const level of ["fatal", "error", "warn", "info", "debug", "trace", "silent"]) {
      expect(loadConfig({ LOG_LEVEL: level }, false).logLevel).toBe(level);
    }
    for (const environment of ["development", "production", "test"]) {
      expect(loadConfig({ NODE_ENV: environment }, false).environment).toBe(environment);
    }
  });

  it("reject other values with a one-line message listing the allowed ones", () => {
    for (const level of ["verbose", "INFO", "", " info", "warning"]) {
      const error = failure({ LOG_LEVEL: level });
      expectOneLine(error, "LOG_LEVEL", level);
      expect(error.message).toBe(
        `Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${level}"`,
      );
    }
    const format = failure({ LOG_FORMAT: "xml" });
    expectOneLine(format, "LOG_FORMAT", "xml");
    expect(format.message).toContain("json, pretty");
    const environment = failure({ NODE_ENV: "prod" });
    expectOneLine(environment, "NODE_ENV", "prod");
    expect(environment.message).toContain("development, production, test");
  });
});

describe("booleans", () => {
  it("accept true/false, yes/no, on/off and 1/0 in any case", () => {
    for (const raw of ["true", "TRUE", "True", "yes", "on", "1", " true "]) {
      expect(loadConfig({ SEED_ON_START: raw }, false).seedOnStart, raw).toBe(true);
    }
    for (const raw of ["false", "FALSE", "no", "off", "0", "Off"]) {
      expect(loadConfig({ SEED_ON_START: raw }, false).seedOnStart, raw).toBe(false);
    }
  });

  it("reject anything else with a one-line message naming the variable and value", () => {
    for (const name of ["SEED_ON_START", "DATABASE_PREPARED_STATEMENTS"])
      for (const raw of ["maybe", "2", "", "y", "enabled", "t"]) {
        const error = failure({ [name]: raw });
        expectOneLine(error, name, raw);
        expect(error.message).toBe(`Invalid configuration: ${name} must be true or false, got "${raw}"`);
      }
  });
});

describe("several mistakes", () => {
  it("are reported together on one line, each naming its variable", () => {
    const error = failure({ PORT: "abc", LOG_LEVEL: "loud", SEED_ON_START: "perhaps", DATABASE_URL: "mysql://x/y" });
    expectOneLine(error, "PORT", "abc");
    for (const variable of ["LOG_LEVEL", "SEED_ON_START", "DATABASE_URL"]) expect(error.message).toContain(variable);
    expect(error.message.split("; ")).toHaveLength(4);
  });

  it("a value with a newline still names the variable on the first line", () => {
    const envs: Record<string, string>[] = [
      { LOG_LEVEL: "info\nFAKE LOG LINE" },
      { PORT: "1\n2" },
      { SEED_ON_START: "yes\r\nno" },
    ];
    for (const env of envs) {
      const error = failure(env);
      expect(error.message).not.toMatch(/[\r\n]/);
      expect(error.message).toContain(Object.keys(env)[0]);
    }
  });
});

describe("PUBLIC_URL", () => {
  it("is unset by default, so embeds derive the origin from each request", () => {
    expect(loadConfig({}, false).publicUrl).toBeNull();
  });

  it("keeps the origin of an http(s) URL", () => {
    expect(loadConfig({ PUBLIC_URL: "https://ikz-hub.example" }, false).publicUrl).toBe("https://ikz-hub.example");
    expect(loadConfig({ PUBLIC_URL: "http://localhost:4000/" }, false).publicUrl).toBe("http://localhost:4000");
  });

  it("refuses anything that is not a bare http(s) origin", () => {
    for (const raw of [
      "ikz-hub.example",
      "ftp://ikz-hub.example",
      "javascript:alert(1)",
      "https://ikz-hub.example/hub",
      "https://x.example/?a=1",
    ]) {
      expectOneLine(failure({ PUBLIC_URL: raw }), "PUBLIC_URL");
    }
  });
});

describe("ALLOWED_HOSTS", () => {
  it("is empty by default: without PUBLIC_URL only loopback hosts are trusted for links", () => {
    expect(loadConfig({}, false).allowedHosts).toEqual([]);
    expect(loadConfig({ ALLOWED_HOSTS: " , " }, false).allowedHosts).toEqual([]);
  });

  it("reads comma-separated host[:port] entries, in lower case and normalised", () => {
    expect(
      loadConfig({ ALLOWED_HOSTS: "IKZ-Hub.example, hub.example:8080,10.0.0.7 ,[0:0::1]:4000,127.1,intranet" }, false)
        .allowedHosts,
    ).toEqual(["ikz-hub.example", "hub.example:8080", "10.0.0.7", "[::1]:4000", "127.0.0.1", "intranet"]);
  });

  it("refuses URLs, paths, wildcards, bad ports and other non-hosts with one line naming the entry", () => {
    for (const raw of [
      "https://ikz-hub.example",
      "ikz-hub.example/hub",
      "user@ikz-hub.example",
      "*.ikz-hub.example",
      "ikz-hub.example:0",
      "ikz-hub.example:70000",
      "ikz-hub.example:",
      "ikz hub.example",
      "-ikz.example",
      "[::g]",
      "ikz-hub.example:80:80",
    ]) {
      const error = failure({ ALLOWED_HOSTS: `localhost,${raw}` });
      expectOneLine(error, "ALLOWED_HOSTS", raw);
      expect(error.message).toContain("e.g. ikz-hub.example or ikz-hub.example:8080");
    }
    expect(failure({ ALLOWED_HOSTS: "https://a.example,*.b.example" }).message.split("; ALLOWED_HOSTS")).toHaveLength(
      2,
    );
  });
});

describe("PAGE_CACHE_SECONDS", () => {
  it("defaults to 60 and accepts 0 (no cache) up to the public max-age of 300", () => {
    expect(loadConfig({}, false).pageCacheSeconds).toBe(60);
    expect(loadConfig({ PAGE_CACHE_SECONDS: "0" }, false).pageCacheSeconds).toBe(0);
    expect(loadConfig({ PAGE_CACHE_SECONDS: "300" }, false).pageCacheSeconds).toBe(300);
  });

  it("refuses longer or non-numeric lifetimes with one line", () => {
    for (const raw of ["301", "-1", "1m", ""])
      expectOneLine(failure({ PAGE_CACHE_SECONDS: raw }), "PAGE_CACHE_SECONDS", raw);
  });
});

describe("SESSION_IDLE_MINUTES and SESSION_MAX_HOURS", () => {
  it("refuses lifetimes out of range or not whole numbers with one line", () => {
    for (const raw of ["0", "1441", "1.5", "abc", ""])
      expectOneLine(failure({ SESSION_IDLE_MINUTES: raw }), "SESSION_IDLE_MINUTES", raw);
    for (const raw of ["0", "169", "-2", "x"])
      expectOneLine(failure({ SESSION_MAX_HOURS: raw }), "SESSION_MAX_HOURS", raw);
  });
});

describe("operation limits, rate limit and REDIS_URL", () => {
  it("read their variables", () => {
    const config = loadConfig(
      {
        MAX_QUERY_DEPTH: "8",
        MAX_ALIASES: "0",
        MAX_QUERY_COST: "500",
        EXECUTION_TIMEOUT_MS: "2500",
        RATE_LIMIT_POINTS: "5",
        RATE_LIMIT_COST_PER_POINT: "250",
        REDIS_URL: "redis://127.0.0.1:6379",
      },
      false,
    );
    expect(config.limits).toMatchObject({ depth: 8, aliases: 0, cost: 500, executionTimeoutMs: 2500 });
    expect(config.rateLimit.points).toBe(5);
    expect(config.rateLimitCostPerPoint).toBe(250);
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379");
  });

  it("refuse values out of range or of the wrong scheme with one line", () => {
    expectOneLine(failure({ MAX_QUERY_DEPTH: "0" }), "MAX_QUERY_DEPTH", "0");
    expectOneLine(failure({ EXECUTION_TIMEOUT_MS: "fast" }), "EXECUTION_TIMEOUT_MS", "fast");
    expectOneLine(failure({ RATE_LIMIT_POINTS: "-5" }), "RATE_LIMIT_POINTS", "-5");
    for (const raw of ["0", "1e3", "lots", "99999999999"])
      expectOneLine(failure({ RATE_LIMIT_COST_PER_POINT: raw }), "RATE_LIMIT_COST_PER_POINT", raw);
    expectOneLine(failure({ REDIS_URL: "http://127.0.0.1:6379" }), "REDIS_URL");
    expectOneLine(failure({ REDIS_URL: "not a url" }), "REDIS_URL");
  });
});

describe("RESPONSE_CACHE_MB and RESPONSE_CACHE_REDIS_PREFIX", () => {
  it("read their variables; 0 MB turns the response cache off", () => {
    expect(
      loadConfig({ RESPONSE_CACHE_MB: "8", RESPONSE_CACHE_REDIS_PREFIX: "hub-a:rc:" }, false).responseCache,
    ).toEqual({
      maxBytes: 8 * 1024 * 1024,
      keyPrefix: "hub-a:rc:",
    });
    expect(loadConfig({ RESPONSE_CACHE_MB: "0" }, false).responseCache).toBeNull();
  });

  it("refuse other values with one line", () => {
    for (const raw of ["-1", "lots", "1.5", "99999999"])
      expectOneLine(failure({ RESPONSE_CACHE_MB: raw }), "RESPONSE_CACHE_MB", raw);
    for (const raw of ["", "a b", "key*", "x".repeat(101)])
      expectOneLine(failure({ RESPONSE_CACHE_REDIS_PREFIX: raw }), "RESPONSE_CACHE_REDIS_PREFIX");
  });
});

describe("TRUST_PROXY", () => {
  it("trusts no proxy when unset, blank or false", () => {
    for (const raw of [undefined, "", "  ", "false", "FALSE"])
      expect(loadConfig(raw === undefined ? {} : { TRUST_PROXY: raw }, false).trustProxy).toBe(false);
  });

  it("reads a hop count from 1 to 10", () => {
    expect(loadConfig({ TRUST_PROXY: "1" }, false).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: " 10 " }, false).trustProxy).toBe(10);
  });

  it("reads a comma-separated list of IPv4 and IPv6 addresses and CIDR ranges", () => {
    expect(
      loadConfig({ TRUST_PROXY: "127.0.0.1/32, ::1/128,10.0.0.0/8 ,192.0.2.7,FD00::/8,2001:db8::5" }, false).trustProxy,
    ).toEqual(["127.0.0.1/32", "::1/128", "10.0.0.0/8", "192.0.2.7", "fd00::/8", "2001:db8::5"]);
  });

  it("refuses hop counts out of range, names, bad addresses and prefixes, in one line naming the variable", () => {
    for (const raw of ["0", "11", "999", "1".repeat(400)])
      expectOneLine(failure({ TRUST_PROXY: raw }), "TRUST_PROXY", raw.length > 60 ? undefined : raw);
    // "true" would trust every peer: any caller could pick its own address and with it a fresh budget.
    for (const raw of ["abc", "true", "loopback", "yes"]) {
      const error = failure({ TRUST_PROXY: raw });
      expectOneLine(error, "TRUST_PROXY", raw);
      expect(error.message).toContain("hop count from 1 to 10");
    }
    for (const raw of ["999.1.1.1/99", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "1.2.3"])
      expectOneLine(failure({ TRUST_PROXY: raw }), "TRUST_PROXY entry", raw);
    expect(failure({ TRUST_PROXY: "0.0.0.0/0" }).message).toMatch(
      /TRUST_PROXY entry "0.0.0.0\/0" trusts every address/,
    );
    expect(failure({ TRUST_PROXY: "::/0" }).message).toMatch(/trusts every address/);
    expectOneLine(failure({ TRUST_PROXY: "10.0.0.1,,10.0.0.2" }), "TRUST_PROXY has an empty entry");
    expectOneLine(
      failure({ TRUST_PROXY: "10.0.0.1, https://proxy.example" }),
      "TRUST_PROXY entry",
      "https://proxy.example",
    );
  });

  it("refuses huge values with a short message", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `10.0.${i % 256}.${i % 250}`).join(",");
    const tooMany = failure({ TRUST_PROXY: many });
    expectOneLine(tooMany, "TRUST_PROXY lists 5000 entries; at most 100");
    expect(tooMany.message.length).toBeLessThan(200);
    const long = failure({ TRUST_PROXY: "a".repeat(100_000) });
    expectOneLine(long, "TRUST_PROXY");
    expect(long.message.length).toBeLessThan(300);
    const junk = failure({ TRUST_PROXY: `10.0.0.1/${"9".repeat(50_000)}` });
    expectOneLine(junk, "TRUST_PROXY entry");
    expect(junk.message.length).toBeLessThan(300);
  });
});

describe("MAX_RESPONSE_NODES", () => {
  it("defaults to 50000 and reads a whole number", () => {
    expect(loadConfig({}, false).maxResponseNodes).toBe(50_000);
    expect(loadConfig({ MAX_RESPONSE_NODES: "200000" }, false).maxResponseNodes).toBe(200_000);
  });

  it("refuses a value that is not a whole number from 10 to 10000000, in one line", () => {
    for (const raw of ["0", "9", "-1", "1e6", "lots", "10000001", "2.5"])
      expectOneLine(failure({ MAX_RESPONSE_NODES: raw }), "MAX_RESPONSE_NODES", raw);
  });
});

describe("MAX_COST_IN_FLIGHT", () => {
  it("defaults to 200000 and reads a whole number", () => {
    expect(loadConfig({}, false).maxCostInFlight).toBe(200_000);
    expect(loadConfig({ MAX_COST_IN_FLIGHT: "50000" }, false).maxCostInFlight).toBe(50_000);
  });

  it("refuses a value that is not a whole number from 100 to 1000000000, in one line", () => {
    for (const raw of ["0", "99", "-1", "1e6", "lots", "1000000001", "2.5"])
      expectOneLine(failure({ MAX_COST_IN_FLIGHT: raw }), "MAX_COST_IN_FLIGHT", raw);
    const oversized = failure({ MAX_COST_IN_FLIGHT: "9".repeat(400) });
    expectOneLine(oversized, "MAX_COST_IN_FLIGHT");
    expect(oversized.message.length).toBeLessThan(300);
  });
});

describe("COMPILE_QUERIES_AFTER", () => {
  it("defaults to 2 (a query runs compiled from its second use) and takes 0 for never", () => {
    expect(loadConfig({}, false).compileQueriesAfter).toBe(2);
    expect(loadConfig({ COMPILE_QUERIES_AFTER: "0" }, false).compileQueriesAfter).toBe(0);
    expect(loadConfig({ COMPILE_QUERIES_AFTER: "1" }, false).compileQueriesAfter).toBe(1);
  });

  it("refuses a value that is not a whole number from 0 to 1000, in one line", () => {
    for (const raw of ["-1", "1e3", "off", "1001", "2.5", " ", "9".repeat(400)])
      expectOneLine(failure({ COMPILE_QUERIES_AFTER: raw }), "COMPILE_QUERIES_AFTER");
  });
});

describe("MEILI_HOST, MEILI_API_KEY and MEILI_INDEX", () => {
  it("choose Meilisearch as the search engine", () => {
    expect(loadConfig({ MEILI_HOST: "http://meilisearch:7700", MEILI_API_KEY: "secret" }, false).meilisearch).toEqual({
      host: "http://meilisearch:7700",
      apiKey: "secret",
      index: "ikz-hub-documents",
    });
    expect(
      loadConfig({ MEILI_HOST: "https://search.example", MEILI_INDEX: "staging_docs" }, false).meilisearch,
    ).toEqual({
      host: "https://search.example",
      apiKey: null,
      index: "staging_docs",
    });
  });

  it("refuse a bad host, a key without a host and a bad index name, in one line", () => {
    expectOneLine(failure({ MEILI_HOST: "meilisearch:7700" }), "MEILI_HOST");
    expectOneLine(failure({ MEILI_HOST: "not a url" }), "MEILI_HOST");
    expectOneLine(failure({ MEILI_API_KEY: "secret" }), "MEILI_HOST");
    expectOneLine(
      failure({ MEILI_HOST: "http://meilisearch:7700", MEILI_INDEX: "no spaces" }),
      "MEILI_INDEX",
      "no spaces",
    );
  });
});

describe("OpenTelemetry tracing (OTEL_*)", () => {
  const tracing = (env: Record<string, string>) => loadConfig(env, false).tracing;
  const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" };

  it("is off unless an exporter or an OTLP endpoint is named", () => {
    expect(tracing({})).toBeNull();
    expect(tracing({ OTEL_SERVICE_NAME: "hub", OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" })).toBeNull();
    // Compose passes unset variables as blanks.
    expect(tracing({ OTEL_EXPORTER_OTLP_ENDPOINT: " ", OTEL_TRACES_EXPORTER: "", OTEL_SDK_DISABLED: "" })).toBeNull();
  });

  it("is on with an endpoint (OTLP, protobuf by default) or a named exporter", () => {
    expect(tracing(endpoint)).toEqual({ exporters: ["otlp"], protocol: "http/protobuf" });
    expect(tracing({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://collector/v1/traces" })).toEqual({
      exporters: ["otlp"],
      protocol: "http/protobuf",
    });
    expect(tracing({ OTEL_TRACES_EXPORTER: "console" })).toEqual({ exporters: ["console"], protocol: "http/protobuf" });
    expect(tracing({ ...endpoint, OTEL_TRACES_EXPORTER: "OTLP, console,otlp" })).toEqual({
      exporters: ["otlp", "console"],
      protocol: "http/protobuf",
    });
  });

  it("takes the traces' protocol before the general one", () => {
    expect(tracing({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" })?.protocol).toBe("http/json");
    expect(
      tracing({
        ...endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: "http/json",
      })?.protocol,
    ).toBe("http/json");
  });

  it("is off with OTEL_TRACES_EXPORTER=none or OTEL_SDK_DISABLED=true, whatever else is set", () => {
    expect(tracing({ ...endpoint, OTEL_TRACES_EXPORTER: "none" })).toBeNull();
    expect(tracing({ ...endpoint, OTEL_TRACES_EXPORTER: "console", OTEL_SDK_DISABLED: "True" })).toBeNull();
    expect(tracing({ ...endpoint, OTEL_SDK_DISABLED: "false" })).not.toBeNull();
  });

  it("refuses values it cannot act on, naming the variable", () => {
    expectOneLine(failure({ OTEL_TRACES_EXPORTER: "jaeger" }), "OTEL_TRACES_EXPORTER", "jaeger");
    expectOneLine(failure({ ...endpoint, OTEL_TRACES_EXPORTER: "none,console" }), "OTEL_TRACES_EXPORTER");
    expectOneLine(failure({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" }), "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
    expectOneLine(
      failure({ ...endpoint, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: "http/xml" }),
      "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
      "http/xml",
    );
    expectOneLine(failure({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" }), "OTEL_EXPORTER_OTLP_ENDPOINT");
    expectOneLine(failure({ OTEL_EXPORTER_OTLP_ENDPOINT: "not a url" }), "OTEL_EXPORTER_OTLP_ENDPOINT", "not a url");
    expectOneLine(failure({ ...endpoint, OTEL_SDK_DISABLED: "1" }), "OTEL_SDK_DISABLED", "1");
  });
});

describe("single sign-on (OIDC_*) and the sign-in budgets (SIGN_IN_*)", () => {
  const base = {
    OIDC_ISSUER: "https://login.herten.example/realms/stadt",
    OIDC_CLIENT_ID: "ikz-hub",
    OIDC_CLIENT_SECRET: "s3cret-value",
  };

  it("is off without OIDC_ISSUER, and on with the three variables, with the documented defaults", () => {
    expect(loadConfig({}, false).oidc).toBeNull();
    expect(loadConfig(base, false).oidc).toEqual({
      issuer: "https://login.herten.example/realms/stadt",
      allowHttp: false,
      clientId: "ikz-hub",
      clientSecret: "s3cret-value",
      scope: "openid profile",
      municipality: null,
      municipalityClaim: ["kommune"],
      roleClaim: null,
      editorRoles: ["ikz-redaktion"],
      nameClaim: ["name"],
      postLogoutRedirectUri: null,
    });
  });

  it("reads the mapping: a claim path, roles, a fixed municipality, the name claim and the scope", () => {
    const config = loadConfig(
      {
        ...base,
        OIDC_MUNICIPALITY_CLAIM: "ikz.kommune",
        OIDC_ROLE_CLAIM: "realm_access.roles",
        OIDC_EDITOR_ROLES: "ikz-redaktion, Redaktion IKZ",
        OIDC_NAME_CLAIM: "display_name",
        OIDC_SCOPE: "openid  profile ikz",
      },
      false,
    ).oidc!;
    expect(config.municipalityClaim).toEqual(["ikz", "kommune"]);
    expect(config.roleClaim).toEqual(["realm_access", "roles"]);
    expect(config.editorRoles).toEqual(["ikz-redaktion", "Redaktion IKZ"]);
    expect(config.nameClaim).toEqual(["display_name"]);
    expect(config.scope).toBe("openid profile ikz");
    expect(loadConfig({ ...base, OIDC_MUNICIPALITY: "05562020" }, false).oidc!.municipality).toBe("05562020");
    const back = "https://ikz-hub.example/abgemeldet";
    expect(loadConfig({ ...base, OIDC_POST_LOGOUT_REDIRECT_URI: back }, false).oidc!.postLogoutRedirectUri).toBe(back);
  });

  it("allows plain http only to a provider on this machine", () => {
    expect(loadConfig({ ...base, OIDC_ISSUER: "http://127.0.0.1:8080" }, false).oidc!.allowHttp).toBe(true);
    expect(loadConfig({ ...base, OIDC_ISSUER: "http://localhost:8080/realms/x" }, false).oidc!.allowHttp).toBe(true);
    expectOneLine(failure({ ...base, OIDC_ISSUER: "http://login.example" }), "OIDC_ISSUER", "http://login.example");
  });

  it.each([
    [{ OIDC_ISSUER: "https://login.example" }, "OIDC_CLIENT_ID"],
    [{ OIDC_CLIENT_SECRET: "x" }, "OIDC_ISSUER"],
    [{ OIDC_MUNICIPALITY_CLAIM: "kommune" }, "OIDC_ISSUER"],
    [{ ...base, OIDC_ISSUER: "not a url" }, "OIDC_ISSUER"],
    [{ ...base, OIDC_ISSUER: "ftp://login.example" }, "OIDC_ISSUER"],
    [{ ...base, OIDC_ISSUER: "https://login.example/?a=1" }, "OIDC_ISSUER"],
    [{ ...base, OIDC_CLIENT_ID: "with space" }, "OIDC_CLIENT_ID"],
    [{ ...base, OIDC_CLIENT_ID: "x".repeat(300) }, "OIDC_CLIENT_ID"],
    [{ ...base, OIDC_SCOPE: "profile email" }, "OIDC_SCOPE"],
    [{ ...base, OIDC_SCOPE: 'openid "x"' }, "OIDC_SCOPE"],
    [{ ...base, OIDC_MUNICIPALITY_CLAIM: "a..b" }, "OIDC_MUNICIPALITY_CLAIM"],
    [{ ...base, OIDC_MUNICIPALITY_CLAIM: "http://schemas.example/claims/x" }, "OIDC_MUNICIPALITY_CLAIM"],
    [{ ...base, OIDC_ROLE_CLAIM: "roles[0]" }, "OIDC_ROLE_CLAIM"],
    [{ ...base, OIDC_EDITOR_ROLES: " , " }, "OIDC_EDITOR_ROLES"],
    [{ ...base, OIDC_MUNICIPALITY: "Herten!" }, "OIDC_MUNICIPALITY"],
    [{ ...base, OIDC_MUNICIPALITY: "herten", OIDC_MUNICIPALITY_CLAIM: "kommune" }, "OIDC_MUNICIPALITY"],
    [{ ...base, OIDC_POST_LOGOUT_REDIRECT_URI: "/abgemeldet" }, "OIDC_POST_LOGOUT_REDIRECT_URI"],
    [{ ...base, OIDC_POST_LOGOUT_REDIRECT_URI: "http://ikz-hub.example/abgemeldet" }, "OIDC_POST_LOGOUT_REDIRECT_URI"],
    [{ ...base, OIDC_POST_LOGOUT_REDIRECT_URI: "https://ikz-hub.example/#x" }, "OIDC_POST_LOGOUT_REDIRECT_URI"],
    [
      { ...base, OIDC_POST_LOGOUT_REDIRECT_URI: `https://ikz-hub.example/${"a".repeat(600)}` },
      "OIDC_POST_LOGOUT_REDIRECT_URI",
    ],
    [{ SIGN_IN_ATTEMPTS_PER_ADDRESS: "0" }, "SIGN_IN_ATTEMPTS_PER_ADDRESS"],
    [{ SIGN_IN_ATTEMPTS_PER_ACCOUNT: "viele" }, "SIGN_IN_ATTEMPTS_PER_ACCOUNT"],
    [{ SIGN_IN_WINDOW_MINUTES: "99999" }, "SIGN_IN_WINDOW_MINUTES"],
  ])("refuses %j with one line naming %s", (env, variable) => {
    const error = failure(env as Record<string, string>);
    expectOneLine(error, variable);
    expect(error.message).not.toContain("s3cret-value");
  });

  it("reads the sign-in budgets", () => {
    const config = loadConfig(
      { SIGN_IN_ATTEMPTS_PER_ADDRESS: "50", SIGN_IN_ATTEMPTS_PER_ACCOUNT: "3", SIGN_IN_WINDOW_MINUTES: "60" },
      false,
    );
    expect(config.signInLimits).toEqual({ perAddress: 50, perAccount: 3, windowSeconds: 3600 });
  });
});
