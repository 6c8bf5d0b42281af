import type { VNode } from "preact";
import { formatNumber } from "../labels.js";
import { Layout } from "../layout.js";
import type { SiteApiFacts } from "../site.router.js";

/** A committed example query, by its path in the repository. */
export interface ClientExample {
  path: string;
  text: string;
}

/** The path the schema file is served at. */
export const SCHEMA_PATH = "/api/schema.graphql";

const CURL = `curl -s http://HUB/graphql -H 'content-type: application/json' \\
  -d '{"query":"{ projects(first: 3) { nodes { title municipality { name } } } }"}'`;

/** The limits every operation must keep, as the running hub is configured. */
function LimitsTable({ api }: { api: SiteApiFacts }): VNode {
  const rows: [string, string][] = [
    ["Größte Verschachtelungstiefe", formatNumber(api.limits.depth)],
    ["Höchste geschätzte Kosten einer Abfrage", formatNumber(api.limits.cost)],
    ["Höchstens Aliasse", formatNumber(api.limits.aliases)],
    ["Höchstens Direktiven", formatNumber(api.limits.directives)],
    ["Höchstens Token im Dokument", formatNumber(api.limits.tokens)],
    ["Längste Laufzeit", `${formatNumber(api.limits.executionTimeoutMs / 1000)} Sekunden`],
    ["Größte Antwort", `${formatNumber(api.maxResponseNodes)} Objekte und Listeneinträge`],
    [
      "Anfragebudget",
      `${formatNumber(api.rateLimit.points)} Punkte je ${formatNumber(api.rateLimit.durationSeconds)} Sekunden, je Token oder IP-Adresse; eine Abfrage kostet einen Punkt je angefangene ${formatNumber(api.rateLimitCostPerPoint)} Kosteneinheiten`,
    ],
  ];
  return (
    <table class="limits">
      <caption>Grenzen jeder Abfrage</caption>
      <thead>
        <tr>
          <th scope="col">Grenze</th>
          <th scope="col">Wert</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `/api`: how programs use the hub: endpoint, schema, limits, exports, embeds, change feed and the example queries. */
export function ApiPage({ api, examples }: { api: SiteApiFacts; examples: ClientExample[] }): VNode {
  return (
    <Layout title="API und Daten" section={null}>
      <h1>API und Daten</h1>
      <p class="lead">
        Alles, was diese Seiten zeigen, können Programme auch lesen: über die GraphQL-API, als Export oder als Feed. Lesen ist ohne
        Anmeldung möglich; nur veröffentlichte Einträge sind zu sehen.
      </p>

      <h2>GraphQL-API</h2>
      <p>
        Die API antwortet unter <code>/graphql</code> auf POST-Anfragen mit einem JSON-Körper <code>{'{"query": …, "variables": …}'}</code>.
        Im <a href="/explorer">Explorer</a> lassen sich Abfragen im Browser schreiben und ausprobieren, mit Vervollständigung und
        den Beispielen unten.
      </p>
      <pre class="code" tabIndex={0}>
        <code>{CURL}</code>
      </pre>
      <p>
        Das vollständige Schema mit der Beschreibung jedes Feldes: <a href={SCHEMA_PATH}>schema.graphql</a> (Text, GraphQL
        SDL).
      </p>

      <h2>Grenzen</h2>
      <p>
        Damit die API für alle schnell bleibt, prüft der Hub jede Abfrage vor der Ausführung. Wer eine Grenze überschreitet, erhält
        eine Fehlermeldung, die sagt, welche und wie man weniger fragt. Diese Werte gelten auf diesem Hub:
      </p>
      <LimitsTable api={api} />
      <p>Listen liefern höchstens 100 Einträge je Seite; weitere Seiten holt man mit <code>after</code> und dem <code>endCursor</code> der vorigen.</p>

      <h2>Exporte</h2>
      <ul>
        <li>
          <a href="/export/projects.csv">/export/projects.csv</a> und <a href="/export/projects.json">/export/projects.json</a>: die
          veröffentlichten Projekte, filterbar mit <code>states</code>, <code>municipalities</code>, <code>topics</code> und{" "}
          <code>statuses</code>.
        </li>
        <li>
          <a href="/export/strategies.csv">/export/strategies.csv</a>: die veröffentlichten Strategien.
        </li>
      </ul>
      <p>
        Große Exporte kommen seitenweise (<code>limit</code>, höchstens 10.000 Zeilen); die nächste Seite nennt der{" "}
        <code>Link</code>-Header mit <code>rel="next"</code>.
      </p>

      <h2>Projektkarten zum Einbetten</h2>
      <p>
        Kommunen können ein Projekt auf ihrer eigenen Website zeigen: als iframe von <code>/embed/projects/SLUG</code>, als
        Web-Komponente mit <code>/embed/card.js</code> oder über oEmbed (<code>/oembed?url=…&amp;format=json</code>).
      </p>

      <h2>Änderungen abonnieren</h2>
      <p>
        Was öffentlich neu ist, sich geändert hat oder verschwunden ist, liefert die Abfrage <code>changes</code>: mit{" "}
        <code>since</code> und <code>after</code> für Portale, die abgleichen, mit <code>newestFirst: true</code> für das Neueste
        zuerst, und mit <code>municipalities</code> und <code>topics</code> eingegrenzt. Für Menschen gibt es dieselbe Liste als
        Seite <a href="/aenderungen">Letzte Änderungen</a> und als <a href="/aenderungen.atom">Atom-Feed</a>, ebenfalls mit{" "}
        <code>?kommune=</code> und <code>?thema=</code>.
      </p>

      <h2>Beispielabfragen</h2>
      <p>
        Diese Abfragen liegen im Quelltext des Hubs unter <code>client-examples/</code> und werden bei jeder Änderung getestet; im{" "}
        <a href="/explorer">Explorer</a> stehen sie zum Ausprobieren bereit. Ein Klick auf den Namen zeigt den Text.
      </p>
      {examples.map((example) => (
        <details key={example.path} class="example">
          <summary>
            <code>{example.path}</code>
          </summary>
          <pre class="code" tabIndex={0}>
            <code>{example.text}</code>
          </pre>
        </details>
      ))}
    </Layout>
  );
}
