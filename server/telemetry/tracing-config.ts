/**
 * Whether and how the hub traces, from the standard OpenTelemetry variables. Tracing is opt-in: it is on only when
 * `OTEL_TRACES_EXPORTER` names an exporter, or an OTLP endpoint (`OTEL_EXPORTER_OTLP_ENDPOINT`,
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set; `OTEL_SDK_DISABLED=true` turns it off whatever else is set. This
 * module only reads variables: the SDK is loaded by `tracing.ts`, and only when this returns a configuration.
 */

/** Where spans go: OTLP over HTTP, or the console (one object per span on stdout, for trying it out). */
export type TraceExporterName = "otlp" | "console";

/** The two OTLP encodings over HTTP the hub can send; gRPC is not built in. */
export type OtlpProtocol = "http/protobuf" | "http/json";

/** Tracing as the environment asks for it. */
export interface TracingConfig {
  exporters: TraceExporterName[];
  /** The OTLP encoding (`OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`, else `OTEL_EXPORTER_OTLP_PROTOCOL`, else protobuf). */
  protocol: OtlpProtocol;
}

/** The variables that decide whether and where the hub traces; the SDK reads the other standard ones (sampler, batch, headers, resource). */
export const TRACING_VARIABLES = [
  "OTEL_SDK_DISABLED",
  "OTEL_TRACES_EXPORTER",
  "OTEL_EXPORTER_OTLP_ENDPOINT",
  "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
  "OTEL_EXPORTER_OTLP_PROTOCOL",
  "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
  "OTEL_SERVICE_NAME",
] as const;

const EXPORTERS: readonly string[] = ["otlp", "console", "none"];
const PROTOCOLS: readonly string[] = ["http/protobuf", "http/json"];

function shown(raw: string): string {
  const text = JSON.stringify(raw);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

/** A set, non-blank variable's trimmed value; unset and blank are the same (compose passes blanks). */
function read(env: NodeJS.ProcessEnv, name: (typeof TRACING_VARIABLES)[number]): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function checkEndpoint(env: NodeJS.ProcessEnv, name: (typeof TRACING_VARIABLES)[number]): string | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `${name} must be an http(s) URL such as http://collector:4318, got ${shown(raw)}`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `${name} must start with http:// or https://, got ${shown(raw)}`;
  }
  return null;
}

/**
 * Reads the tracing variables: null when tracing is off, the configuration when on, or a problem (one line naming
 * the variable) when a value is one the hub cannot act on.
 */
export function readTracingConfig(env: NodeJS.ProcessEnv): TracingConfig | null | { problem: string } {
  const disabled = read(env, "OTEL_SDK_DISABLED")?.toLowerCase();
  if (disabled !== undefined && disabled !== "true" && disabled !== "false") {
    return { problem: `OTEL_SDK_DISABLED must be true or false, got ${shown(env.OTEL_SDK_DISABLED!)}` };
  }
  if (disabled === "true") return null;

  const listed = read(env, "OTEL_TRACES_EXPORTER")
    ?.split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = listed?.find((name) => !EXPORTERS.includes(name));
  if (unknown !== undefined) {
    return { problem: `OTEL_TRACES_EXPORTER must be otlp, console or none, got ${shown(unknown)}` };
  }
  for (const name of ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] as const) {
    const problem = checkEndpoint(env, name);
    if (problem) return { problem };
  }
  const protocolVariable = read(env, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")
    ? "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"
    : "OTEL_EXPORTER_OTLP_PROTOCOL";
  const protocol = read(env, protocolVariable) ?? "http/protobuf";
  if (!PROTOCOLS.includes(protocol)) {
    return {
      problem: `${protocolVariable} must be http/protobuf or http/json (gRPC is not built in), got ${shown(protocol)}`,
    };
  }

  const endpointSet =
    read(env, "OTEL_EXPORTER_OTLP_ENDPOINT") !== undefined ||
    read(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") !== undefined;
  // Unset, the standard's default exporter is otlp; the hub takes that default only once an endpoint is set.
  const exporters = (listed ?? (endpointSet ? ["otlp"] : [])).filter((name) => name !== "none");
  if (listed?.includes("none") && exporters.length > 0) {
    return {
      problem: `OTEL_TRACES_EXPORTER lists none together with other exporters, got ${shown(env.OTEL_TRACES_EXPORTER!)}`,
    };
  }
  if (exporters.length === 0) return null;
  return { exporters: [...new Set(exporters)] as TraceExporterName[], protocol: protocol as OtlpProtocol };
}
