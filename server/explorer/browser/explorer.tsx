/**
 * The browser side of `/explorer`: GraphiQL 5 with everything it needs bundled by
 * server/explorer/build-explorer.mjs (no CDN, no fonts or workers from elsewhere).
 * The build defines `IKZ_WORKERS` (the hashed URLs of Monaco's workers) and
 * `IKZ_EXAMPLES` (the client examples, offered as tabs).
 */
import { createGraphiQLFetcher, createLocalStorage } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { headerFreeStorage } from "./header-free-storage.js";

declare const IKZ_WORKERS: { editor: string; graphql: string; json: string };
declare const IKZ_EXAMPLES: { file: string; query: string }[];

// Monaco asks for a worker per language; each is a classic script of our own origin.
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === "graphql") return new Worker(IKZ_WORKERS.graphql, { name: "graphql" });
    if (label === "json") return new Worker(IKZ_WORKERS.json, { name: "json" });
    return new Worker(IKZ_WORKERS.editor, { name: "editor" });
  },
};

const WELCOME = `# GraphQL-Explorer des IKZ-Hubs
#
# Abfrage schreiben: Strg+Leertaste schlägt
# Felder aus dem Schema vor, Strg+Enter führt
# sie aus. Die weiteren Tabs: Beispiele aus
# client-examples/ im Repository des Hubs.
#
# Ein Token (nur für Entwürfe, Änderungen)
# gehört unten unter "Headers":
#   {"Authorization": "Bearer …"}
# Es wird nicht gespeichert.
query Kommunen {
  municipalities(first: 20) {
    nodes {
      name
      slug
      stateName
    }
  }
}
`;

// Same origin only; `apollo-require-preflight` satisfies Apollo's CSRF prevention should a request ever be a GET.
const fetcher = createGraphiQLFetcher({ url: "/graphql", headers: { "apollo-require-preflight": "true" } });
// Its own namespace, so that nothing else on this origin mixes with it; never a request header in it.
const storage = headerFreeStorage(createLocalStorage({ namespace: "ikz-explorer" })) as Storage;
const tabs = [{ query: WELCOME }, ...IKZ_EXAMPLES.map((example) => ({ query: example.query }))];

createRoot(document.getElementById("explorer")!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      storage={storage}
      defaultTabs={tabs}
      defaultQuery={WELCOME}
      shouldPersistHeaders={false}
      showPersistHeadersSettings={false}
      defaultEditorToolsVisibility="variables"
    />
  </StrictMode>,
);
