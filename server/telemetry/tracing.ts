/**
 * OpenTelemetry tracing of the hub: a server span per HTTP request (named by its express route), one span each for
 * parsing, validating and executing a GraphQL operation (named by the operation), and a span per SQL statement,
 * exported in batches over OTLP/HTTP. Only `server/main.ts` loads this module, with a dynamic import and only when
 * tracing is switched on (`tracing-config.ts`), so a hub without tracing loads none of the SDK; and it must run before
 * the hub's modules are imported, since the instrumentations patch express, pg and graphql as they load.
 */
import { register } from "node:module";
import { type DiagLogger, DiagLogLevel, diag } from "@opentelemetry/api";
import { OTLPTraceExporter as OtlpJsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OtlpProtobufTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { ExpressInstrumentation, ExpressLayerType } from "@opentelemetry/instrumentation-express";
import { GraphQLInstrumentation } from "@opentelemetry/instrumentation-graphql";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, ConsoleSpanExporter, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";
import { createAddHookMessageChannel } from "import-in-the-middle";
import type { Logger } from "../logger.js";
import type { TracingConfig } from "./tracing-config.js";
import { hubVersion } from "../version.js";

/** Probes and scrapes: frequent, uniform and uninteresting, so they start no trace. */
const UNTRACED_PATHS: ReadonlySet<string> = new Set(["/livez", "/readyz", "/healthz", "/metrics"]);

/** Longest `shutdown()` waits for the last spans to leave, so that an unreachable collector cannot hold up a stop. */
const FLUSH_TIMEOUT_MS = 5_000;

/** Started tracing; `server/main.ts` shuts it down after the hub has stopped, which sends the spans still queued. */
export interface Tracing {
  shutdown(): Promise<void>;
}

function exporterFor(name: TracingConfig["exporters"][number], config: TracingConfig): SpanExporter {
  if (name === "console") return new ConsoleSpanExporter();
  // Endpoint, headers, timeout and compression come from the standard OTEL_EXPORTER_OTLP_* variables.
  return config.protocol === "http/json" ? new OtlpJsonTraceExporter() : new OtlpProtobufTraceExporter();
}

/** The SDK's own warnings and errors (a collector that cannot be reached, a bad sampler) go to the hub's log. */
function diagnostics(logger: Logger): DiagLogger {
  const log = logger.child({ component: "opentelemetry" });
  const write =
    (level: "warn" | "error") =>
    (message: string, ...args: unknown[]) =>
      log[level]({ detail: args.length ? args.map(String).join(" ") : undefined }, message);
  const ignore = () => undefined;
  return { error: write("error"), warn: write("warn"), info: ignore, debug: ignore, verbose: ignore };
}

/**
 * The instrumentations, chosen for few spans per request: no span per express middleware (the express
 * instrumentation only names the server span by its route) and none per GraphQL resolver (the operation's
 * parse, validate and execute spans carry its name and type); SQL spans only inside a traced request, so the
 * outbox worker and the database watch start no traces of their own.
 */
function instrumentations() {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? "").split("?")[0]),
      requireParentforOutgoingSpans: true,
    }),
    new ExpressInstrumentation({
      ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER, ExpressLayerType.REQUEST_HANDLER],
    }),
    new GraphQLInstrumentation({ ignoreResolveSpans: true, depth: 0, mergeItems: true }),
    new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
  ];
}

/**
 * Starts tracing: the tracer provider with its exporters, and the instrumentations, hooked into both module
 * systems (require-in-the-middle for CommonJS, an import-in-the-middle loader hook for ES modules that is told to
 * wrap only the modules the instrumentations patch). Resolves once the loader hook knows them; import the hub after.
 */
export async function startTracing(config: TracingConfig, logger: Logger): Promise<Tracing> {
  diag.setLogger(diagnostics(logger), DiagLogLevel.WARN);
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (envDetector) override the defaults.
  const resource = defaultResource()
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: "ikz-hub", [ATTR_SERVICE_VERSION]: hubVersion() }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: config.exporters.map((name) => new BatchSpanProcessor(exporterFor(name, config))),
  });
  provider.register();

  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register("import-in-the-middle/hook.mjs", import.meta.url, registerOptions);
  registerInstrumentations({ tracerProvider: provider, instrumentations: instrumentations() });
  await waitForAllMessagesAcknowledged();

  return {
    async shutdown() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), FLUSH_TIMEOUT_MS);
      });
      const outcome = await Promise.race([provider.shutdown().then(() => "flushed" as const), timeout]).finally(() =>
        clearTimeout(timer),
      );
      if (outcome === "timeout") logger.warn(`spans not all sent within ${FLUSH_TIMEOUT_MS / 1000} s of stopping`);
    },
  };
}
