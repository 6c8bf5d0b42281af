import type { Viewer } from "../../../schema/token/viewer.js";
import type { RunSiteQuery } from "../../site/run-query.js";
import type { ChoiceList } from "./form-kinds.js";

/** One allowed value of a picker: what is sent, and what the editor reads. */
export interface Choice {
  value: string;
  label: string;
}
export type Choices = Partial<Record<ChoiceList, Choice[]>>;

type Row = Record<string, unknown> & { nodes?: never };

/**
 * The allowed values of each picker as the editor reads them, one small document per list (the API's cost
 * limit bounds each request): topics, providers and their products, the published municipalities (partners),
 * and the city's own sources, strategies (with their fields of action), projects and council decisions; the first
 * 100 of each.
 */
const CHOICE_QUERIES: Readonly<
  Record<ChoiceList, { document: string; choices: (data: any, city: string) => Choice[] }>
> = {
  topics: {
    document: `query EditorTopics { list: topics(first: 100) { nodes { key label } } }`,
    choices: (data) => data.list.nodes.map(({ key, label }: Row) => ({ value: key, label })),
  },
  providers: {
    document: `query EditorProviders { list: providers(first: 100) { nodes { slug name } } }`,
    choices: (data) => data.list.nodes.map(({ slug, name }: Row) => ({ value: slug, label: name })),
  },
  products: {
    document: `query EditorProducts { list: providers(first: 100) { nodes { name products(first: 30) { slug name } } } }`,
    choices: (data) =>
      data.list.nodes.flatMap((provider: { name: string; products: Row[] }) =>
        provider.products.map(({ slug, name }) => ({ value: slug, label: `${name} (${provider.name})` })),
      ),
  },
  municipalities: {
    document: `query EditorPartners { list: municipalities(first: 100) { nodes { slug name } } }`,
    choices: (data, city) =>
      data.list.nodes
        .filter((node: Row) => node.slug !== city)
        .map(({ slug, name }: Row) => ({ value: slug, label: name })),
  },
  sources: {
    // The city's own sources first, then the newest of the hub (shared ones, and those of other cities).
    document: `query EditorSources($city: String!) {
      own: sources(municipality: $city, first: 100, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { key title } }
      list: sources(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { key title } }
    }`,
    choices: (data) =>
      [...data.own.nodes, ...data.list.nodes]
        .filter((node: Row, index: number, all: Row[]) => all.findIndex((other) => other.key === node.key) === index)
        .map(({ key, title }: Row) => ({ value: String(key), label: `${title} (${key})` })),
  },
  strategies: {
    document: `query EditorStrategies($city: String!) {
      list: strategies(filter: { municipalities: [$city] }, first: 100) { nodes { slug title } }
    }`,
    choices: (data) => data.list.nodes.map(({ slug, title }: Row) => ({ value: slug, label: title })),
  },
  fieldsOfAction: {
    document: `query EditorFieldsOfAction($city: String!) {
      list: strategies(filter: { municipalities: [$city] }, first: 20) { nodes { title fieldsOfAction { id title } } }
    }`,
    choices: (data) =>
      data.list.nodes.flatMap((strategy: { title: string; fieldsOfAction: Row[] }) =>
        strategy.fieldsOfAction.map(({ id, title }) => ({ value: id, label: `${title} (${strategy.title})` })),
      ),
  },
  decisions: {
    document: `query EditorDecisions($city: String!) {
      list: municipality(slug: $city) { decisions(first: 100) { key title date } }
    }`,
    choices: (data) =>
      (data.list?.decisions ?? []).map(({ key, title, date }: Row) => ({
        value: key,
        label: `${title} (${[date, key].filter(Boolean).join(", ")})`,
      })),
  },
  projects: {
    document: `query EditorProjects($city: String!) {
      list: projects(filter: { municipalities: [$city] }, first: 100) { nodes { slug title } }
    }`,
    choices: (data) => data.list.nodes.map(({ slug, title }: Row) => ({ value: slug, label: title })),
  },
};

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, "de");

/** The values of the pickers `lists` for the editor's city, the lists read side by side. */
export async function loadChoices(
  run: RunSiteQuery,
  viewer: Viewer,
  city: string,
  lists: readonly ChoiceList[],
): Promise<Choices> {
  const wanted = [...new Set(lists)];
  const loaded = await Promise.all(
    wanted.map(async (list) => {
      const { document, choices } = CHOICE_QUERIES[list];
      const variables = document.includes("$city") ? { city } : {};
      const found = choices(await run(document, variables, viewer), city);
      return [list, list === "sources" ? found : found.sort(byLabel)] as const;
    }),
  );
  return Object.fromEntries(loaded);
}
