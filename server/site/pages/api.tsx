import type { VNode } from "preact";
import { useContext } from "preact/hooks";
import type { SiteLanguage } from "../i18n/messages.js";
import { useSiteLanguage } from "../i18n/site-language.js";
import { ExternalLink, Layout } from "../layout.js";
import { SiteSettingsContext } from "../settings.js";
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

/** What the API page says, in one language: its headings, the limits table and its paragraphs (with code and links). */
interface ApiTexts {
  title: string;
  limitsCaption: string;
  limit: string;
  value: string;
  limits: (api: SiteApiFacts, n: (value: number) => string) => [string, string][];
  headings: {
    graphql: string;
    limits: string;
    exports: string;
    licence: string;
    embed: string;
    changes: string;
    examples: string;
  };
  lead: VNode;
  graphql: (href: (path: string) => string) => VNode;
  schema: VNode;
  limitsIntro: VNode;
  paging: VNode;
  exports: VNode;
  exportPaging: VNode;
  /** The data licence of the hub's content (DATA_LICENCE_NAME, DATA_LICENCE_URL), linked. */
  licence: (link: VNode) => VNode;
  embed: VNode;
  changes: (href: (path: string) => string) => VNode;
  examples: VNode;
}

const API_TEXTS: Readonly<Record<SiteLanguage, ApiTexts>> = {
  de: {
    title: "API und Daten",
    limitsCaption: "Grenzen jeder Abfrage",
    limit: "Grenze",
    value: "Wert",
    limits: (api, n) => [
      ["Größte Verschachtelungstiefe", n(api.limits.depth)],
      ["Höchste geschätzte Kosten einer Abfrage", n(api.limits.cost)],
      ["Höchstens Aliasse", n(api.limits.aliases)],
      ["Höchstens Direktiven", n(api.limits.directives)],
      ["Höchstens Token im Dokument", n(api.limits.tokens)],
      ["Längste Laufzeit", `${n(api.limits.executionTimeoutMs / 1000)} Sekunden`],
      ["Größte Antwort", `${n(api.maxResponseNodes)} Objekte und Listeneinträge`],
      [
        "Anfragebudget",
        `${n(api.rateLimit.points)} Punkte je ${n(api.rateLimit.durationSeconds)} Sekunden, je Token oder IP-Adresse; eine Abfrage kostet einen Punkt je angefangene ${n(api.rateLimitCostPerPoint)} Kosteneinheiten`,
      ],
    ],
    headings: {
      graphql: "GraphQL-API",
      limits: "Grenzen",
      exports: "Exporte",
      licence: "Lizenz der Daten",
      embed: "Projektkarten zum Einbetten",
      changes: "Änderungen abonnieren",
      examples: "Beispielabfragen",
    },
    lead: (
      <p class="lead">
        Alles, was diese Seiten zeigen, können Programme auch lesen: über die GraphQL-API, als Export oder als Feed.
        Lesen ist ohne Anmeldung möglich; nur veröffentlichte Einträge sind zu sehen.
      </p>
    ),
    graphql: () => (
      <p>
        Die API antwortet unter <code>/graphql</code> auf POST-Anfragen mit einem JSON-Körper{" "}
        <code>{'{"query": …, "variables": …}'}</code>. Im <a href="/explorer">Explorer</a> lassen sich Abfragen im
        Browser schreiben und ausprobieren, mit Vervollständigung und den Beispielen unten.
      </p>
    ),
    schema: (
      <p>
        Das vollständige Schema mit der Beschreibung jedes Feldes: <a href={SCHEMA_PATH}>schema.graphql</a> (Text,
        GraphQL SDL).
      </p>
    ),
    limitsIntro: (
      <p>
        Damit die API für alle schnell bleibt, prüft der Hub jede Abfrage vor der Ausführung. Wer eine Grenze
        überschreitet, erhält eine Fehlermeldung, die sagt, welche und wie man weniger fragt. Diese Werte gelten auf
        diesem Hub:
      </p>
    ),
    paging: (
      <p>
        Listen liefern höchstens 100 Einträge je Seite; weitere Seiten holt man mit <code>after</code> und dem{" "}
        <code>endCursor</code> der vorigen.
      </p>
    ),
    exports: (
      <ul>
        <li>
          <a href="/export/projects.csv">/export/projects.csv</a> und{" "}
          <a href="/export/projects.json">/export/projects.json</a>: die veröffentlichten Projekte, filterbar mit{" "}
          <code>states</code>, <code>municipalities</code>, <code>topics</code> und <code>statuses</code>.
        </li>
        <li>
          <a href="/export/strategies.csv">/export/strategies.csv</a>: die veröffentlichten Strategien.
        </li>
        <li>
          Jede weitere Datensatzart ebenso als <code>/export/&lt;name&gt;.csv</code> und <code>.json</code> (Kommunen,
          Handlungsfelder, Kostenposten, Haushaltsposten, Kennzahlen, Erfahrungen, Anbieter, Produkte, Beauftragungen,
          Beschlüsse, Quellen, Arbeitsgemeinschaften): welche es gibt und was jede Spalte bedeutet, sagt das{" "}
          <a href="/api/datenlexikon">Datenlexikon</a> (maschinenlesbar:{" "}
          <a href="/export/dictionary.json">/export/dictionary.json</a>).
        </li>
        <li>
          <a href="/export/alles.zip">/export/alles.zip</a>: alles auf einmal, eine CSV-Datei je Export, dazu das
          Datenlexikon und die Lizenz.
        </li>
      </ul>
    ),
    exportPaging: (
      <p>
        Große Exporte kommen seitenweise (<code>limit</code>, höchstens 10.000 Zeilen); die nächste Seite nennt der{" "}
        <code>Link</code>-Header mit <code>rel="next"</code>.
      </p>
    ),
    licence: (link) => (
      <p>
        Die Inhalte dieses Hubs stehen unter der Lizenz {link}. Jeder Export nennt sie: CSV- und JSON-Exporte im{" "}
        <code>Link</code>-Header mit <code>rel="license"</code>, JSON-Exporte zudem im Feld <code>license</code> (
        <code>name</code>, <code>url</code>). Bitte nennen Sie bei der Weiterverwendung die Quellen, die jeder Eintrag
        angibt.
      </p>
    ),
    embed: (
      <p>
        Kommunen können ein Projekt auf ihrer eigenen Website zeigen: als iframe von <code>/embed/projects/SLUG</code>,
        als Web-Komponente mit <code>/embed/card.js</code> oder über oEmbed (<code>/oembed?url=…&amp;format=json</code>
        ).
      </p>
    ),
    changes: () => (
      <p>
        Was öffentlich neu ist, sich geändert hat oder verschwunden ist, liefert die Abfrage <code>changes</code>: mit{" "}
        <code>since</code> und <code>after</code> für Portale, die abgleichen, mit <code>newestFirst: true</code> für
        das Neueste zuerst, und mit <code>municipalities</code> und <code>topics</code> eingegrenzt. Für Menschen gibt
        es dieselbe Liste als Seite <a href="/aenderungen">Letzte Änderungen</a> und als{" "}
        <a href="/aenderungen.atom">Atom-Feed</a>, ebenfalls mit <code>?kommune=</code> und <code>?thema=</code>.
      </p>
    ),
    examples: (
      <p>
        Diese Abfragen liegen im Quelltext des Hubs unter <code>client-examples/</code> und werden bei jeder Änderung
        getestet; im <a href="/explorer">Explorer</a> stehen sie zum Ausprobieren bereit. Ein Klick auf den Namen zeigt
        den Text.
      </p>
    ),
  },
  en: {
    title: "API and data",
    limitsCaption: "Limits of every query",
    limit: "Limit",
    value: "Value",
    limits: (api, n) => [
      ["Greatest nesting depth", n(api.limits.depth)],
      ["Highest estimated cost of a query", n(api.limits.cost)],
      ["Most aliases", n(api.limits.aliases)],
      ["Most directives", n(api.limits.directives)],
      ["Most tokens in the document", n(api.limits.tokens)],
      ["Longest run time", `${n(api.limits.executionTimeoutMs / 1000)} seconds`],
      ["Largest answer", `${n(api.maxResponseNodes)} objects and list items`],
      [
        "Request budget",
        `${n(api.rateLimit.points)} points per ${n(api.rateLimit.durationSeconds)} seconds, per token or IP address; a query costs one point per ${n(api.rateLimitCostPerPoint)} cost units begun`,
      ],
    ],
    headings: {
      graphql: "GraphQL API",
      limits: "Limits",
      exports: "Exports",
      licence: "Data licence",
      embed: "Project cards to embed",
      changes: "Following changes",
      examples: "Example queries",
    },
    lead: (
      <p class="lead">
        Everything these pages show, programs can read too: through the GraphQL API, as an export or as a feed. Reading
        needs no login; only published entries can be seen. The content is in German.
      </p>
    ),
    graphql: () => (
      <p>
        The API answers POST requests at <code>/graphql</code> with a JSON body{" "}
        <code>{'{"query": …, "variables": …}'}</code>. In the <a href="/explorer">Explorer</a> queries can be written
        and tried in the browser, with completion and the examples below.
      </p>
    ),
    schema: (
      <p>
        The complete schema with a description of every field: <a href={SCHEMA_PATH}>schema.graphql</a> (text, GraphQL
        SDL).
      </p>
    ),
    limitsIntro: (
      <p>
        To keep the API fast for everyone, the hub checks every query before running it. A query beyond a limit gets an
        error saying which limit, and how to ask for less. These values apply on this hub:
      </p>
    ),
    paging: (
      <p>
        Lists return at most 100 entries per page; further pages are fetched with <code>after</code> and the previous
        page's <code>endCursor</code>.
      </p>
    ),
    exports: (
      <ul>
        <li>
          <a href="/export/projects.csv">/export/projects.csv</a> and{" "}
          <a href="/export/projects.json">/export/projects.json</a>: the published projects, filtered with{" "}
          <code>states</code>, <code>municipalities</code>, <code>topics</code> and <code>statuses</code>.
        </li>
        <li>
          <a href="/export/strategies.csv">/export/strategies.csv</a>: the published strategies.
        </li>
        <li>
          Every other record type likewise as <code>/export/&lt;name&gt;.csv</code> and <code>.json</code>: the{" "}
          <a href="/api/datenlexikon?lang=en">data dictionary</a> (German; as data:{" "}
          <a href="/export/dictionary.json">/export/dictionary.json</a>) lists them and what each column means.
        </li>
        <li>
          <a href="/export/alles.zip">/export/alles.zip</a>: everything at once, one CSV file per export, with the
          dictionary and the licence.
        </li>
      </ul>
    ),
    exportPaging: (
      <p>
        Large exports come in pages (<code>limit</code>, at most 10,000 rows); the <code>Link</code> header with{" "}
        <code>rel="next"</code> names the next page.
      </p>
    ),
    licence: (link) => (
      <p>
        The content of this hub is published under {link}. Every export names it: CSV and JSON exports in the{" "}
        <code>Link</code> header with <code>rel="license"</code>, JSON exports also in the field <code>license</code> (
        <code>name</code>, <code>url</code>). When you reuse the data, please credit the sources each record names.
      </p>
    ),
    embed: (
      <p>
        Municipalities can show a project on their own website: as an iframe of <code>/embed/projects/SLUG</code>, as a
        web component with <code>/embed/card.js</code> or through oEmbed (<code>/oembed?url=…&amp;format=json</code>).
      </p>
    ),
    changes: (href) => (
      <p>
        What is newly public, has changed or has gone, the query <code>changes</code> returns: with <code>since</code>{" "}
        and <code>after</code> for portals that synchronise, with <code>newestFirst: true</code> for the newest first,
        and narrowed by <code>municipalities</code> and <code>topics</code>. For people the same list is the page{" "}
        <a href={href("/aenderungen")}>Latest changes</a> and an <a href="/aenderungen.atom">Atom feed</a>, also with{" "}
        <code>?kommune=</code> and <code>?thema=</code>.
      </p>
    ),
    examples: (
      <p>
        These queries are in the hub's source under <code>client-examples/</code> and are tested with every change; the{" "}
        <a href="/explorer">Explorer</a> offers them to try. Select a name to show its text.
      </p>
    ),
  },
};

/** The limits every operation must keep, as the running hub is configured. */
function LimitsTable({ api }: { api: SiteApiFacts }): VNode {
  const { lang, formatNumber } = useSiteLanguage();
  const texts = API_TEXTS[lang];
  return (
    <table class="limits">
      <caption>{texts.limitsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{texts.limit}</th>
          <th scope="col">{texts.value}</th>
        </tr>
      </thead>
      <tbody>
        {texts.limits(api, formatNumber).map(([name, value]) => (
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
  const { lang, href } = useSiteLanguage();
  const { licence } = useContext(SiteSettingsContext);
  const texts = API_TEXTS[lang];
  return (
    <Layout title={texts.title} section={null}>
      <h1>{texts.title}</h1>
      {texts.lead}

      <h2>{texts.headings.graphql}</h2>
      {texts.graphql(href)}
      <pre class="code" tabIndex={0}>
        <code>{CURL}</code>
      </pre>
      {texts.schema}

      <h2>{texts.headings.limits}</h2>
      {texts.limitsIntro}
      <LimitsTable api={api} />
      {texts.paging}

      <h2>{texts.headings.exports}</h2>
      {texts.exports}
      {texts.exportPaging}

      <h2 id="lizenz">{texts.headings.licence}</h2>
      {texts.licence(<ExternalLink href={licence.url}>{licence.name}</ExternalLink>)}

      <h2>{texts.headings.embed}</h2>
      {texts.embed}

      <h2>{texts.headings.changes}</h2>
      {texts.changes(href)}

      <h2>{texts.headings.examples}</h2>
      {texts.examples}
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
