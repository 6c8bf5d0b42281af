import type { VNode } from "preact";
import type { Viewer } from "../../../schema/token/viewer.js";
import { pageElement } from "../../site/i18n/site-language.js";
import { CityPage } from "../../site/pages/city.js";
import { StrategyPage } from "../../site/pages/strategy.js";
import { CITY_QUERY, type CityData, STRATEGY_QUERY, type StrategyData } from "../../site/queries.js";
import type { RunSiteQuery } from "../../site/run-query.js";
import { STATE_LABELS } from "../pages/state-labels.js";
import type { FormKind } from "./form-kinds.js";

/*
 * The parts of a strategy an editor writes through forms of their own: its fields of action and budget lines
 * (addressed by their global ID, since they have no name of their own), and the city's indicators (by key, with
 * their dated values as a repeatable group). Their preview is the strategy's public page with the draft included
 * (an indicator without a strategy: the city's page). This module only imports types from form-kinds.ts, which
 * lists these kinds: the two would otherwise import each other.
 */

/** The common part of every read: identity, version and state. */
const RECORD = "id version publicationState";
const REVISIONS =
  "revisions(first: $revisions) @include(if: $withRevisions) { action actor at version changes { field before after } }";

const SEGMENTS = { fieldOfAction: "handlungsfelder", budgetLine: "haushaltsposten", indicator: "kennzahlen" } as const;

/** The editor's page of a strategy's part (as form-kinds.ts kindPath writes it; imported from there it would be a cycle). */
function partPath(part: keyof typeof SEGMENTS, key?: string): string {
  return key ? `/meine-kommune/${SEGMENTS[part]}/${encodeURIComponent(key)}` : `/meine-kommune/${SEGMENTS[part]}`;
}

/** A record `node(id:)` found, when it is of `type`: with its strategy's city as its own, for the owner check. */
function pickNode(type: string, title: (node: Record<string, unknown>) => string) {
  return (data: Record<string, unknown>): Record<string, unknown> | null => {
    const node = data.record as Record<string, unknown> | null;
    if (!node || node.__typename !== type) return null;
    const strategy = node.strategy as { municipality: { slug: string } };
    return { ...node, municipality: strategy.municipality, title: title(node) };
  };
}

/** The public page of the strategy a field of action belongs to, as the editor reads it: drafts too. */
async function fieldOfActionPreview(run: RunSiteQuery, viewer: Viewer, id: string): Promise<VNode | null> {
  const found = await run<{ node: { strategy?: { slug: string } } | null }>(
    `query EditorFieldOfActionStrategy($id: ID!) { node(id: $id) { ... on FieldOfAction { strategy { slug } } } }`,
    { id },
    viewer,
  );
  return found.node?.strategy ? strategyPage(run, viewer, found.node.strategy.slug) : null;
}

/**
 * The city's strategies with the IDs of their budget lines: a budget line names no strategy itself. At most 50
 * strategies of a city, within the API's cost limit.
 */
const BUDGET_STRATEGIES = `strategies(filter: { municipalities: [$city] }, first: 50) {
  nodes { slug title budget(first: 100) { id } }
}`;

type BudgetStrategies = { nodes: { slug: string; title: string; budget: { id: string }[] }[] };

function strategyOfBudgetLine(strategies: BudgetStrategies | undefined, id: string) {
  const strategy = strategies?.nodes.find((candidate) => candidate.budget.some((line) => line.id === id));
  return strategy ? { slug: strategy.slug, title: strategy.title } : null;
}

async function strategyPage(run: RunSiteQuery, viewer: Viewer, slug: string): Promise<VNode | null> {
  const { strategy } = await run<StrategyData>(STRATEGY_QUERY, { slug }, viewer);
  return strategy && pageElement(StrategyPage, { strategy });
}

/** The strategy an indicator of the city measures, from the city's strategies (an indicator names none itself). */
const INDICATOR_STRATEGY = "strategies { slug title indicators(first: 100) { key } }";

function strategyOfIndicator(
  strategies: { slug: string; title: string; indicators: { key: string }[] }[],
  key: string,
) {
  const strategy = strategies.find((candidate) => candidate.indicators.some((indicator) => indicator.key === key));
  return strategy ? { slug: strategy.slug, title: strategy.title } : null;
}

/** The link back to the strategy a part belongs to, on the part's form. */
function StrategyLink({ record }: { record: Record<string, unknown> }): VNode | null {
  const strategy = record.strategy as { slug: string; title: string } | null | undefined;
  if (!strategy) return null;
  return (
    <p>
      Gehört zur Strategie{" "}
      <a href={`/meine-kommune/strategien/${encodeURIComponent(strategy.slug)}/bearbeiten`}>{strategy.title}</a>
    </p>
  );
}

const strategyLink = (record: Record<string, unknown>): VNode => <StrategyLink record={record} />;

export const FIELD_OF_ACTION_KIND: FormKind = {
  segment: SEGMENTS.fieldOfAction,
  listKind: "handlungsfeld",
  noun: "Handlungsfeld",
  newHeading: "Neues Handlungsfeld",
  keyField: "id",
  createInput: "CreateFieldOfActionInput",
  updateInput: "FieldOfActionInput",
  mutationType: "FieldOfAction",
  ownedThrough: "strategy",
  prefill: { strategie: "strategy" },
  order: ["strategy", "title", "description", "position", "topics", "sources"],
  read: `query EditorFieldOfAction($key: ID!, $revisions: Int!, $withRevisions: Boolean!) {
    record: node(id: $key) {
      __typename
      ... on FieldOfAction {
        ${RECORD} title description topics { key } sources { key }
        strategy { slug title municipality { slug } }
        ${REVISIONS}
      }
    }
  }`,
  pick: pickNode("FieldOfAction", (node) => String(node.title)),
  choices: { strategy: "strategies", topics: "topics", sources: "sources" },
  labels: {
    description: { label: "Beschreibung", help: "Was das Handlungsfeld umfasst, auf Deutsch." },
    position: {
      label: "Stelle in der Strategie",
      help: "1 für das erste Handlungsfeld; leer bedeutet: nach dem letzten.",
    },
  },
  preview: (run, viewer, id) => fieldOfActionPreview(run, viewer, id),
  related: strategyLink,
};

export const BUDGET_LINE_KIND: FormKind = {
  segment: SEGMENTS.budgetLine,
  listKind: "haushaltsposten",
  noun: "Haushaltsposten",
  newHeading: "Neuer Haushaltsposten",
  keyField: "id",
  createInput: "CreateBudgetLineInput",
  updateInput: "BudgetLineInput",
  mutationType: "BudgetLine",
  ownedThrough: "strategy",
  prefill: { strategie: "strategy" },
  order: ["strategy", "year", "amount", "category", "description", "position", "sources", "note"],
  read: `query EditorBudgetLine($key: ID!, $city: String!, $revisions: Int!, $withRevisions: Boolean!) {
    record: node(id: $key) {
      __typename
      ... on BudgetLine {
        ${RECORD} year amount category description note sources { key }
        ${REVISIONS}
      }
    }
    ${BUDGET_STRATEGIES}
  }`,
  // Only a line of one of the city's strategies: another city's (published) line is not found.
  pick: (data) => {
    const line = data.record as Record<string, unknown> | null;
    if (line?.__typename !== "BudgetLine") return null;
    const strategy = strategyOfBudgetLine(data.strategies as BudgetStrategies, String(line.id));
    return strategy && { ...line, strategy, title: `${String(line.year)}: ${String(line.description)}` };
  },
  choices: { strategy: "strategies", sources: "sources" },
  labels: {
    description: { label: "Beschreibung", help: "Wofür der Betrag vorgesehen ist, auf Deutsch." },
    position: {
      label: "Stelle im Haushalt der Strategie",
      help: "1 für den ersten Posten; leer bedeutet: nach dem letzten.",
    },
  },
  preview: async (run, viewer, id, _origin, city) => {
    const found = await run<{ strategies: BudgetStrategies }>(
      `query EditorBudgetLineStrategy($city: String!) { ${BUDGET_STRATEGIES} }`,
      { city },
      viewer,
    );
    const strategy = strategyOfBudgetLine(found.strategies, id);
    return strategy && strategyPage(run, viewer, strategy.slug);
  },
  related: strategyLink,
};

export const INDICATOR_KIND: FormKind = {
  segment: SEGMENTS.indicator,
  listKind: "kennzahl",
  noun: "Kennzahl",
  newHeading: "Neue Kennzahl",
  keyField: "key",
  createInput: "CreateIndicatorInput",
  updateInput: "IndicatorInput",
  mutationType: "Indicator",
  prefill: { strategie: "strategy" },
  defaults: { betterWhen: "NOT_STATED" },
  order: [
    "name",
    "key",
    "unit",
    "betterWhen",
    "definition",
    "strategy",
    "values",
    "sources",
    "note",
    "values.value",
    "values.asOf",
    "values.note",
    "values.sources",
  ],
  read: `query EditorIndicator($key: String!, $city: String!, $revisions: Int!, $withRevisions: Boolean!) {
    municipality(slug: $city) {
      indicator(key: $key) {
        ${RECORD} key name unit betterWhen definition note sources { key }
        values { id value asOf note sources { key } }
        ${REVISIONS}
      }
      ${INDICATOR_STRATEGY}
    }
  }`,
  pick: (data, key) => {
    const city = data.municipality as {
      indicator: Record<string, unknown> | null;
      strategies: Parameters<typeof strategyOfIndicator>[0];
    } | null;
    const indicator = city?.indicator;
    if (!city || !indicator) return null;
    return { ...indicator, title: indicator.name, strategy: strategyOfIndicator(city.strategies, key) };
  },
  choices: { strategy: "strategies", sources: "sources", "values.sources": "sources" },
  labels: {
    key: {
      label: "Schlüssel",
      help: "Kleinbuchstaben, Ziffern und Bindestriche, eindeutig in Ihrer Kommune, z. B. „prozesse-digital“; damit vergleicht der Hub Kommunen. Kann später nicht geändert werden.",
    },
    strategy: { label: "Misst die Strategie", help: "Eine Strategie Ihrer Kommune, oder keine." },
  },
  preview: async (run, viewer, key, _origin, city) => {
    const found = await run<{ municipality: { strategies: Parameters<typeof strategyOfIndicator>[0] } | null }>(
      `query EditorIndicatorStrategy($city: String!) { municipality(slug: $city) { ${INDICATOR_STRATEGY} } }`,
      { city },
      viewer,
    );
    const strategy = strategyOfIndicator(found.municipality?.strategies ?? [], key);
    if (strategy) return strategyPage(run, viewer, strategy.slug);
    const { municipality, workingGroups } = await run<CityData>(CITY_QUERY, { slug: city }, viewer);
    return municipality && pageElement(CityPage, { city: municipality, workingGroups: workingGroups.nodes });
  },
  related: strategyLink,
};

/** The kinds of this module, as FORM_KINDS lists them. */
export const STRATEGY_PART_KINDS: readonly FormKind[] = [FIELD_OF_ACTION_KIND, BUDGET_LINE_KIND, INDICATOR_KIND];

/** The parts of a strategy as its read (form-kinds.ts, strategy) gives them. */
interface StrategyRecord {
  slug: string;
  fieldsOfAction?: { id: string; title: string; publicationState: string }[];
  budget?: { id: string; year: number; description: string; publicationState: string }[];
  indicators?: { key: string; name: string; publicationState: string }[];
}

/** What a strategy's read adds for the list of its parts on its form. */
export const STRATEGY_PARTS_READ = `
  fieldsOfAction { id title publicationState }
  budget(first: 100) { id year description publicationState }
  indicators(first: 100) { key name publicationState }`;

interface PartLink {
  href: string;
  title: string;
  state: string;
}

/** One list of a strategy's parts, with the link that adds one. */
function PartList({
  heading,
  id,
  parts,
  add,
  addLabel,
}: {
  heading: string;
  id: string;
  parts: PartLink[];
  add: string;
  addLabel: string;
}): VNode {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {parts.length ? (
        <ul>
          {parts.map((part) => (
            <li key={part.href}>
              <a href={part.href}>{part.title}</a> ({STATE_LABELS[part.state] ?? part.state})
            </li>
          ))}
        </ul>
      ) : (
        <p>Noch keine.</p>
      )}
      <p>
        <a href={add}>{addLabel}</a>
      </p>
    </section>
  );
}

/** The fields of action, budget lines and indicators of a strategy on its form, each to edit, and links to add one. */
export function StrategyParts({ record }: { record: Record<string, unknown> }): VNode {
  const strategy = record as unknown as StrategyRecord;
  const add = (part: keyof typeof SEGMENTS) => `${partPath(part)}/neu?strategie=${encodeURIComponent(strategy.slug)}`;
  const edit = (part: keyof typeof SEGMENTS, key: string) => `${partPath(part, key)}/bearbeiten`;
  return (
    <section class="strategy-parts" aria-labelledby="teile-der-strategie">
      <h2 id="teile-der-strategie">Teile der Strategie</h2>
      <PartList
        heading="Handlungsfelder"
        id="teile-handlungsfelder"
        parts={(strategy.fieldsOfAction ?? []).map((part) => ({
          href: edit("fieldOfAction", part.id),
          title: part.title,
          state: part.publicationState,
        }))}
        add={add("fieldOfAction")}
        addLabel="Handlungsfeld hinzufügen"
      />
      <PartList
        heading="Haushalt"
        id="teile-haushalt"
        parts={(strategy.budget ?? []).map((part) => ({
          href: edit("budgetLine", part.id),
          title: `${part.year}: ${part.description}`,
          state: part.publicationState,
        }))}
        add={add("budgetLine")}
        addLabel="Haushaltsposten hinzufügen"
      />
      <PartList
        heading="Kennzahlen"
        id="teile-kennzahlen"
        parts={(strategy.indicators ?? []).map((part) => ({
          href: edit("indicator", part.key),
          title: part.name,
          state: part.publicationState,
        }))}
        add={add("indicator")}
        addLabel="Kennzahl hinzufügen"
      />
    </section>
  );
}

export const strategyParts = (record: Record<string, unknown>): VNode => <StrategyParts record={record} />;
