import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { type LegalTexts, readLegalTexts } from "./site/info/legal-texts.js";
import { readTracingConfig, type TracingConfig } from "./telemetry/tracing-config.js";
import { type OidcConfig, readOidcConfig } from "./editor/oidc-config.js";

/** Raised when the environment describes a configuration the hub cannot run with. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The hub's configuration, read once from the environment at start-up. */
export interface HubConfig {
  /** TCP port of the HTTP server; 0 picks a free one. */
  port: number;
  /** Interface the HTTP server binds to. */
  host: string;
  /** TCP port of the Prometheus `/metrics` server (on `host`; 0 picks a free one); null serves no metrics. */
  metricsPort: number | null;
  /** Public origin of the hub for links in embeds (e.g. `https://ikz-hub.example`); null derives it from each request. */
  publicUrl: string | null;
  /** Without `publicUrl`: the `Host` values (`host` or `host:port`, lower case) trusted for links besides loopback ones. */
  allowedHosts: string[];
  /** How long rendered cards, project pages and oEmbed answers are kept in memory, in seconds; 0 keeps none. */
  pageCacheSeconds: number;
  /** How long an editor's website session lives: idle timeout and absolute lifetime (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS). */
  session: { idleMs: number; maxMs: number };
  /**
   * How many sign-ins may fail per window (SIGN_IN_WINDOW_MINUTES): per client address (SIGN_IN_ATTEMPTS_PER_ADDRESS)
   * and per account, i.e. per token tried or per person of the identity provider (SIGN_IN_ATTEMPTS_PER_ACCOUNT).
   */
  signInLimits: SignInLimits;
  /** Single sign-on through the town's OpenID Connect provider (OIDC_*); null when not configured. */
  oidc: OidcConfig | null;
  /** External PostgreSQL; when null the embedded PostgreSQL is started. */
  databaseUrl: string | null;
  /** Directory of the embedded PostgreSQL's data. */
  dataDir: string;
  /** Port of the embedded PostgreSQL. */
  embeddedPostgresPort: number;
  /** Load the seed data into an empty database at start-up. */
  seedOnStart: boolean;
  /** Run the read edges as named prepared statements (DATABASE_PREPARED_STATEMENTS); schema/common/prepared.ts. */
  preparedStatements: boolean;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** `json` writes one JSON line per event; `pretty` is for people at a terminal. */
  logFormat: "json" | "pretty";
  /** `production` turns off field suggestions in error messages. */
  environment: "development" | "production" | "test";
  /** Limits every GraphQL operation must stay within (documented defaults in the README). */
  limits: OperationLimits;
  /** Most objects and list items one answer may hold while it is resolved (MAX_RESPONSE_NODES). */
  maxResponseNodes: number;
  /** Most summed query cost of the large operations executing at once (MAX_COST_IN_FLIGHT); see server/graphql/cost-in-flight.ts. */
  maxCostInFlight: number;
  /** The use of a query document from which it runs compiled, 0 for never (COMPILE_QUERIES_AFTER); server/graphql/compiled-execution.ts. */
  compileQueriesAfter: number;
  /**
   * Which peers may tell the client's address in `X-Forwarded-For` (TRUST_PROXY), as express's `trust proxy`:
   * false trusts nobody (the TCP peer is the client), a number trusts that many proxy hops in front of the hub,
   * a list trusts the proxies at those addresses and CIDR ranges.
   */
  trustProxy: false | number | string[];
  /** Request budget per token, or per IP address (an IPv6 /64) for anonymous callers. */
  rateLimit: { points: number; durationSeconds: number };
  /** Query cost that one rate-limit point pays for: a GraphQL operation takes one point per started amount. */
  rateLimitCostPerPoint: number;
  /** Redis for state shared by several hub instances (rate limits, cached answers); null keeps it in memory. */
  redisUrl: string | null;
  /** The cache of anonymous GET answers of `/graphql`; null caches none (RESPONSE_CACHE_MB=0). */
  responseCache: ResponseCacheConfig | null;
  /** Meilisearch as the search engine; null searches with PostgreSQL. */
  meilisearch: { host: string; apiKey: string | null; index: string } | null;
  /** What the website says about itself: its data licence and the operator's legal texts. */
  site: SiteConfig;
  /** OpenTelemetry tracing from the standard `OTEL_*` variables; null traces nothing and loads no SDK. */
  tracing: TracingConfig | null;
}

/** Budgets of failed sign-ins on `/anmelden`. */
export interface SignInLimits {
  perAddress: number;
  perAccount: number;
  windowSeconds: number;
}

/** The operator's part of the website (DATA_LICENCE_NAME, DATA_LICENCE_URL, SITE_LEGAL_DIR). */
export interface SiteConfig {
  /** The licence the hub's content is published under, named in every page's footer. */
  licence: { name: string; url: string };
  /** Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit as Markdown, read at start-up; null shows the default. */
  legal: LegalTexts;
}

/** The response cache of `/graphql` (RESPONSE_CACHE_MB, RESPONSE_CACHE_REDIS_PREFIX). */
export interface ResponseCacheConfig {
  /** Most the in-memory cache holds, in bytes (about: it counts the characters of the answers' JSON). */
  maxBytes: number;
  /** Prefix of its keys in Redis, so that deployments sharing one Redis keep their caches apart. */
  keyPrefix: string;
}

/** Limits on one GraphQL operation; each can be overridden by its environment variable. */
export interface OperationLimits {
  /** Deepest field nesting (MAX_QUERY_DEPTH). */
  depth: number;
  /** Most aliases in one operation (MAX_ALIASES). */
  aliases: number;
  /** Most directives in one operation (MAX_DIRECTIVES). */
  directives: number;
  /** Most lexical tokens in one document (MAX_TOKENS). */
  tokens: number;
  /** Highest estimated cost, where list fields multiply by their page size (MAX_QUERY_COST). */
  cost: number;
  /** Longest an operation may execute, in milliseconds (EXECUTION_TIMEOUT_MS). */
  executionTimeoutMs: number;
}

/** Shows a rejected value safely on one line: quoted, escaped and cut short. */
function shown(raw: unknown): string {
  const text = JSON.stringify(String(raw));
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

/** The DATA_DIR of `npm start` when none is set: the hub people use. */
export const DEFAULT_DATA_DIR = ".data";

const port = (name: string, fallback: number, min = 0) =>
  z
    .string()
    .default(String(fallback))
    .transform((raw, ctx) => {
      const value = Number(raw);
      if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(value) || value < min || value > 65535) {
        ctx.addIssue({
          code: "custom",
          message: `${name} must be a whole number from ${min} to 65535, got ${shown(raw)}`,
        });
        return z.NEVER;
      }
      return value;
    });

/** `METRICS_PORT`: unset or blank serves no metrics; otherwise a port as `PORT` takes. */
const metricsPort = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === "") return null;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || value > 65535) {
      ctx.addIssue({
        code: "custom",
        message: `METRICS_PORT must be a whole number from 0 to 65535 (or unset for no metrics), got ${shown(raw)}`,
      });
      return z.NEVER;
    }
    return value;
  });

const flag = (name: string, fallback: boolean) =>
  z
    .string()
    .default(String(fallback))
    .transform((raw, ctx) => {
      const value = raw.trim().toLowerCase();
      if (["1", "true", "yes", "on"].includes(value)) return true;
      if (["0", "false", "no", "off"].includes(value)) return false;
      ctx.addIssue({ code: "custom", message: `${name} must be true or false, got ${shown(raw)}` });
      return z.NEVER;
    });

const count = (name: string, fallback: number, min = 1, max = 1_000_000) =>
  z
    .string()
    .default(String(fallback))
    .transform((raw, ctx) => {
      const value = Number(raw);
      if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
        ctx.addIssue({
          code: "custom",
          message: `${name} must be a whole number from ${min} to ${max}, got ${shown(raw)}`,
        });
        return z.NEVER;
      }
      return value;
    });

/**
 * An optional URL variable: unset or blank is null; otherwise it must parse, use one
 * of `schemes`, and pass `finish`, which returns the value to keep or a problem.
 */
const urlVariable = (
  name: string,
  schemes: readonly string[],
  example: string,
  finish: (url: URL, raw: string) => string | { problem: string } = (_url, raw) => raw,
) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return null;
      const fail = (message: string) => {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      let url: URL;
      try {
        url = new URL(raw.trim());
      } catch {
        return fail(`${name} is not a URL; expected ${example}`);
      }
      if (!schemes.includes(url.protocol.slice(0, -1))) {
        return fail(
          `${name} must start with ${schemes.map((scheme) => `${scheme}://`).join(" or ")}, got ${shown(`${url.protocol}//`)}`,
        );
      }
      const result = finish(url, raw.trim());
      return typeof result === "string" ? result : fail(result.problem);
    });

const redisUrl = urlVariable("REDIS_URL", ["redis", "rediss"], "redis://host:6379");

const databaseUrl = urlVariable(
  "DATABASE_URL",
  ["postgres", "postgresql"],
  "postgres://user@host:port/database",
  (url, raw) =>
    url.pathname.length > 1
      ? raw
      : { problem: "DATABASE_URL names no database; expected postgres://user@host:port/database" },
);

const meiliHost = urlVariable("MEILI_HOST", ["http", "https"], "http://meilisearch:7700");

const publicUrl = urlVariable("PUBLIC_URL", ["http", "https"], "e.g. https://ikz-hub.example", (url, raw) =>
  url.pathname === "/" && !url.search && !url.hash
    ? url.origin
    : { problem: `PUBLIC_URL must be an http(s) origin without path, got ${shown(raw)}` },
);

/** One `ALLOWED_HOSTS` entry: a DNS name, IPv4 address or [IPv6] address, optionally with `:port`. */
const HOST_ENTRY =
  /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::(\d{1,5}))?$/;

/** Checks one `ALLOWED_HOSTS` entry; returns it as the hub compares it (lower case, addresses normalised), or a problem. */
function hostEntry(raw: string): string | { problem: string } {
  const entry = raw.toLowerCase();
  const expected =
    "expected a host name or address with an optional port, e.g. ikz-hub.example or ikz-hub.example:8080";
  if (entry.includes("://") || /[/?#@\\]/.test(entry)) {
    return { problem: `ALLOWED_HOSTS entry ${shown(raw)} must be a host without scheme, path or user; ${expected}` };
  }
  if (entry.includes("*"))
    return { problem: `ALLOWED_HOSTS entry ${shown(raw)} has a wildcard; list each host instead; ${expected}` };
  const match = HOST_ENTRY.exec(entry);
  const port = match?.[2] === undefined ? null : Number(match[2]);
  if (!match || (port !== null && (port < 1 || port > 65535)))
    return { problem: `ALLOWED_HOSTS entry ${shown(raw)} is not a host; ${expected}` };
  try {
    // The form a request's Host takes once parsed, e.g. `[::1]` for `[0:0::1]`.
    const { hostname } = new URL(`http://${match[1]}`);
    return port === null ? hostname : `${hostname}:${port}`;
  } catch {
    return { problem: `ALLOWED_HOSTS entry ${shown(raw)} is not a host; ${expected}` };
  }
}

const allowedHosts = z
  .string()
  .default("")
  .transform((raw, ctx) => {
    const entries = raw
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const hosts: string[] = [];
    for (const entry of entries) {
      const result = hostEntry(entry);
      if (typeof result === "string") hosts.push(result);
      else ctx.addIssue({ code: "custom", message: result.problem });
    }
    return hosts;
  });

/** Most entries TRUST_PROXY may list. */
const MAX_TRUSTED_PROXIES = 100;

/** Checks one TRUST_PROXY entry, an IPv4 or IPv6 address with an optional `/prefix`; returns a problem or null. */
function proxyEntryProblem(entry: string): string | null {
  const slash = entry.indexOf("/");
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const version = isIP(address);
  const expected = "expected an IP address or CIDR range such as 10.0.0.5, 10.0.0.0/8 or fd00::/8";
  if (version === 0) return `TRUST_PROXY entry ${shown(entry)} is not an IP address or CIDR range; ${expected}`;
  if (slash === -1) return null;
  const prefix = entry.slice(slash + 1);
  const bits = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits)
    return `TRUST_PROXY entry ${shown(entry)} has a bad prefix length; an IPv${version} range takes /1 to /${bits}`;
  if (Number(prefix) === 0)
    return `TRUST_PROXY entry ${shown(entry)} trusts every address, so any caller could choose its own address; name the proxies`;
  return null;
}

/**
 * TRUST_PROXY: unset, blank or false trusts no proxy; a whole number from 1 to 10 trusts that many hops; otherwise
 * a comma-separated list of the proxies' IP addresses and CIDR ranges.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((raw, ctx): false | number | string[] => {
    const value = raw?.trim() ?? "";
    if (value === "" || value.toLowerCase() === "false") return false;
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      return hops >= 1 && hops <= 10
        ? hops
        : fail(`TRUST_PROXY as a hop count must be a whole number from 1 to 10, got ${shown(raw)}`);
    }
    const entries = value.split(",").map((entry) => entry.trim());
    if (entries.length > MAX_TRUSTED_PROXIES)
      return fail(`TRUST_PROXY lists ${entries.length} entries; at most ${MAX_TRUSTED_PROXIES} (use CIDR ranges)`);
    if (entries.includes("")) return fail(`TRUST_PROXY has an empty entry, got ${shown(raw)}`);
    const problems = entries.map(proxyEntryProblem).filter((problem) => problem !== null);
    if (problems.length === 0) return entries.map((entry) => entry.toLowerCase());
    // A hop count or a list, never "true": trusting every peer lets any caller pick its address (and budget).
    if (entries.length === 1 && /^[a-z]+$/i.test(value))
      return fail(
        `TRUST_PROXY must be false, a hop count from 1 to 10, or a comma-separated list of proxy addresses and CIDR ranges, got ${shown(raw)}`,
      );
    return fail(problems.join("; "));
  });

const oneOf = <T extends string>(name: string, values: readonly [T, ...T[]]) =>
  z.enum(values, { error: (issue) => `${name} must be one of ${values.join(", ")}, got ${shown(issue.input)}` });

/** The licence of the hub's content when the operator names none. */
export const DEFAULT_DATA_LICENCE: Readonly<{ name: string; url: string }> = {
  name: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
  url: "https://www.govdata.de/dl-de/by-2-0",
};

// Kept as the URL parser writes it: percent-encoded, so that it fits a `Link` header as it is.
const licenceUrl = urlVariable(
  "DATA_LICENCE_URL",
  ["http", "https"],
  "e.g. https://www.govdata.de/dl-de/by-2-0",
  (url) => url.href,
);

const licenceName = z
  .string()
  .default(DEFAULT_DATA_LICENCE.name)
  .transform((raw, ctx) => {
    const name = raw.trim();
    if (name.length < 2 || name.length > 120 || /[\u0000-\u001f\u007f]/.test(name)) {
      ctx.addIssue({
        code: "custom",
        message: `DATA_LICENCE_NAME must be 2 to 120 characters on one line, got ${shown(raw)}`,
      });
      return z.NEVER;
    }
    return name;
  });

const schema = z.object({
  PORT: port("PORT", 4000),
  HOST: z.string().default("0.0.0.0"),
  METRICS_PORT: metricsPort,
  PUBLIC_URL: publicUrl,
  ALLOWED_HOSTS: allowedHosts,
  // No longer than the public max-age of cards and pages (300 s), so that a publish shows within it.
  PAGE_CACHE_SECONDS: count("PAGE_CACHE_SECONDS", 60, 0, 300),
  SESSION_IDLE_MINUTES: count("SESSION_IDLE_MINUTES", 30, 1, 24 * 60),
  SESSION_MAX_HOURS: count("SESSION_MAX_HOURS", 10, 1, 7 * 24),
  SIGN_IN_ATTEMPTS_PER_ADDRESS: count("SIGN_IN_ATTEMPTS_PER_ADDRESS", 30, 1, 1_000_000),
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: count("SIGN_IN_ATTEMPTS_PER_ACCOUNT", 10, 1, 1_000_000),
  SIGN_IN_WINDOW_MINUTES: count("SIGN_IN_WINDOW_MINUTES", 15, 1, 24 * 60),
  DATABASE_URL: databaseUrl,
  DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
  EMBEDDED_PG_PORT: port("EMBEDDED_PG_PORT", 54329, 1),
  SEED_ON_START: flag("SEED_ON_START", true),
  DATABASE_PREPARED_STATEMENTS: flag("DATABASE_PREPARED_STATEMENTS", true),
  LOG_LEVEL: oneOf("LOG_LEVEL", ["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: oneOf("LOG_FORMAT", ["json", "pretty"]).optional(),
  NODE_ENV: oneOf("NODE_ENV", ["development", "production", "test"]).default("development"),
  MAX_QUERY_DEPTH: count("MAX_QUERY_DEPTH", 12, 1, 100),
  MAX_ALIASES: count("MAX_ALIASES", 30, 0, 1000),
  MAX_DIRECTIVES: count("MAX_DIRECTIVES", 20, 0, 1000),
  MAX_TOKENS: count("MAX_TOKENS", 3000, 100, 100_000),
  MAX_QUERY_COST: count("MAX_QUERY_COST", 10_000, 1, 10_000_000),
  EXECUTION_TIMEOUT_MS: count("EXECUTION_TIMEOUT_MS", 10_000, 100, 600_000),
  MAX_RESPONSE_NODES: count("MAX_RESPONSE_NODES", 50_000, 10, 10_000_000),
  MAX_COST_IN_FLIGHT: count("MAX_COST_IN_FLIGHT", 200_000, 100, 1_000_000_000),
  COMPILE_QUERIES_AFTER: count("COMPILE_QUERIES_AFTER", 2, 0, 1000),
  TRUST_PROXY: trustProxy,
  RATE_LIMIT_POINTS: count("RATE_LIMIT_POINTS", 300, 1, 1_000_000),
  RATE_LIMIT_DURATION_SECONDS: count("RATE_LIMIT_DURATION_SECONDS", 60, 1, 86_400),
  RATE_LIMIT_COST_PER_POINT: count("RATE_LIMIT_COST_PER_POINT", 500, 1, 10_000_000),
  REDIS_URL: redisUrl,
  RESPONSE_CACHE_MB: count("RESPONSE_CACHE_MB", 32, 0, 65_536),
  RESPONSE_CACHE_REDIS_PREFIX: z
    .string()
    .default("ikz-hub:rc:")
    .refine((value) => /^[A-Za-z0-9:_.-]{1,100}$/.test(value), {
      error: (issue) =>
        `RESPONSE_CACHE_REDIS_PREFIX must be 1 to 100 letters, digits, ":", ".", "-" or "_", got ${shown(issue.input)}`,
    }),
  MEILI_HOST: meiliHost,
  MEILI_API_KEY: z.string().optional(),
  MEILI_INDEX: z
    .string()
    .default("ikz-hub-documents")
    .refine((value) => /^[A-Za-z0-9_-]{1,100}$/.test(value), {
      error: (issue) => `MEILI_INDEX must be 1 to 100 letters, digits, - or _, got ${shown(issue.input)}`,
    }),
  DATA_LICENCE_NAME: licenceName,
  DATA_LICENCE_URL: licenceUrl,
  SITE_LEGAL_DIR: z.string().optional(),
});

/** Metrics are served on a port of their own: METRICS_PORT must not be PORT (both 0 picks two free ones). */
function checkMetricsPort(metricsPort: number | null, port: number): void {
  if (metricsPort !== null && metricsPort !== 0 && metricsPort === port) {
    throw new ConfigError(
      `Invalid configuration: METRICS_PORT must differ from PORT (both are ${port}); metrics are served on a port of their own`,
    );
  }
}

/** OpenTelemetry tracing from the OTEL_* variables (server/telemetry/tracing-config.ts); null when off. */
function checkedTracing(env: NodeJS.ProcessEnv): TracingConfig | null {
  const tracing = readTracingConfig(env);
  if (tracing && "problem" in tracing) throw new ConfigError(`Invalid configuration: ${tracing.problem}`);
  return tracing;
}

/** Single sign-on from the OIDC_* variables (server/editor/oidc-config.ts); null when off. */
function checkedOidc(env: NodeJS.ProcessEnv): OidcConfig | null {
  const oidc = readOidcConfig(env);
  if (oidc && "problem" in oidc) throw new ConfigError(`Invalid configuration: ${oidc.problem}`);
  return oidc;
}

/** The limits of every GraphQL operation, from MAX_QUERY_DEPTH … EXECUTION_TIMEOUT_MS. */
function operationLimits(value: z.infer<typeof schema>): OperationLimits {
  return {
    depth: value.MAX_QUERY_DEPTH,
    aliases: value.MAX_ALIASES,
    directives: value.MAX_DIRECTIVES,
    tokens: value.MAX_TOKENS,
    cost: value.MAX_QUERY_COST,
    executionTimeoutMs: value.EXECUTION_TIMEOUT_MS,
  };
}

/** The editor sessions' lifetime from SESSION_IDLE_MINUTES and SESSION_MAX_HOURS. */
function sessionLifetime(value: { SESSION_IDLE_MINUTES: number; SESSION_MAX_HOURS: number }): HubConfig["session"] {
  return { idleMs: value.SESSION_IDLE_MINUTES * 60_000, maxMs: value.SESSION_MAX_HOURS * 3_600_000 };
}

/** The environment parsed by the schema, with the checks that span variables; throws a one-line `ConfigError`. */
function parsedEnvironment(env: NodeJS.ProcessEnv): z.infer<typeof schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success && !parsed.data.MEILI_HOST && parsed.data.MEILI_API_KEY?.trim()) {
    throw new ConfigError(
      "Invalid configuration: MEILI_API_KEY is set but MEILI_HOST is not; set both to search with Meilisearch",
    );
  }
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  const value = parsed.data;
  // A licence is a name and its text: one without the other would name one licence and link another.
  if (Boolean(env.DATA_LICENCE_NAME?.trim()) !== Boolean(value.DATA_LICENCE_URL)) {
    throw new ConfigError(
      `Invalid configuration: set DATA_LICENCE_NAME and DATA_LICENCE_URL together (or neither, for ${DEFAULT_DATA_LICENCE.name})`,
    );
  }
  checkMetricsPort(value.METRICS_PORT, value.PORT);
  return value;
}

/**
 * Reads and checks the configuration. Throws a `ConfigError` whose message is one
 * line a person can act on; nothing is started here.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  isTerminal = Boolean(process.stdout.isTTY),
): HubConfig {
  const value = parsedEnvironment(env);
  const legalDir = value.SITE_LEGAL_DIR?.trim() ? path.resolve(value.SITE_LEGAL_DIR.trim()) : null;
  const legal = readLegalTexts(legalDir);
  if (legal.problems.length) throw new ConfigError(`Invalid configuration: ${legal.problems.join("; ")}`);
  return {
    port: value.PORT,
    host: value.HOST,
    metricsPort: value.METRICS_PORT,
    publicUrl: value.PUBLIC_URL,
    allowedHosts: value.ALLOWED_HOSTS,
    pageCacheSeconds: value.PAGE_CACHE_SECONDS,
    session: sessionLifetime(value),
    signInLimits: {
      perAddress: value.SIGN_IN_ATTEMPTS_PER_ADDRESS,
      perAccount: value.SIGN_IN_ATTEMPTS_PER_ACCOUNT,
      windowSeconds: value.SIGN_IN_WINDOW_MINUTES * 60,
    },
    oidc: checkedOidc(env),
    databaseUrl: value.DATABASE_URL,
    dataDir: path.resolve(value.DATA_DIR),
    embeddedPostgresPort: value.EMBEDDED_PG_PORT,
    seedOnStart: value.SEED_ON_START,
    preparedStatements: value.DATABASE_PREPARED_STATEMENTS,
    logLevel: value.LOG_LEVEL,
    logFormat: value.LOG_FORMAT ?? (isTerminal ? "pretty" : "json"),
    environment: value.NODE_ENV,
    limits: operationLimits(value),
    maxResponseNodes: value.MAX_RESPONSE_NODES,
    maxCostInFlight: value.MAX_COST_IN_FLIGHT,
    compileQueriesAfter: value.COMPILE_QUERIES_AFTER,
    trustProxy: value.TRUST_PROXY,
    rateLimit: { points: value.RATE_LIMIT_POINTS, durationSeconds: value.RATE_LIMIT_DURATION_SECONDS },
    rateLimitCostPerPoint: value.RATE_LIMIT_COST_PER_POINT,
    redisUrl: value.REDIS_URL,
    responseCache:
      value.RESPONSE_CACHE_MB === 0
        ? null
        : { maxBytes: value.RESPONSE_CACHE_MB * 1024 * 1024, keyPrefix: value.RESPONSE_CACHE_REDIS_PREFIX },
    meilisearch: value.MEILI_HOST
      ? { host: value.MEILI_HOST, apiKey: value.MEILI_API_KEY?.trim() || null, index: value.MEILI_INDEX }
      : null,
    site: {
      licence: { name: value.DATA_LICENCE_NAME, url: value.DATA_LICENCE_URL ?? DEFAULT_DATA_LICENCE.url },
      legal: legal.texts,
    },
    tracing: checkedTracing(env),
  };
}
