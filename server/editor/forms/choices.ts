import type { Viewer } from "../../../schema/token/viewer.js";
import type { RunSiteQuery } from "../../site/run-query.js";
import type { ChoiceList } from "./form-kinds.js";

/** One allowed value of a picker: what is sent, and what the editor reads. */
export interface Choice {
  value: string;
  label: string;
}
/**
 * A picker's list as loaded: at most the first 100 entries, and whether that is all of them. An incomplete list is
 * offered as suggestions to a field that takes any typed key (the API names an unknown one).
 */
export interface ChoiceSet {
  options: Choice[];
  complete: boolean;
}
export type Choices = Partial<Record<ChoiceList, ChoiceSet>>;

type Row = Record<string, unknown> & { nodes?: never };

/**
 * The allowed values of each picker as the editor reads them, one small document per list (the API's cost
 * limit bounds each request): topics, providers and their products, the published municipalities (partners),
 * and the city's own sources, strategies (with their fields of action), projects and council decisions; the first
 * 100 of each, and whether there are more (`more`).
 */
const CHOICE_QUERIES: Readonly<
  Record<ChoiceList, { document: string; choices: (data: any, city: string) => Choice[]; more: (data: any) => boolean }>
> = {
  topics: {
    document: `query EditorTopics { list: topics(first: 100) { nodes { key label } pageInfo { hasNextPage } } }`,
    choices: (data) => data.list.nodes.map(({ key, label }: Row) => ({ value: key, label })),
    more: (data) => data.list.pageInfo.hasNextPage,
  },
  providers: {
    document: `query EditorProviders { list: providers(first: 100) { nodes { slug name } pageInfo { hasNextPage } } }`,
    choices: (data) => data.list.nodes.map(({ slug, name }: Row) => ({ value: slug, label: name })),
    more: (data) => data.list.pageInfo.hasNextPage,
  },
  products: {
    document: `query EditorProducts { list: providers(first: 100) { nodes { name products(first: 30) { slug name } } pageInfo { hasNextPage } } }`,
    choices: (data) =>
      data.list.nodes.flatMap((provider: { name: string; products: Row[] }) =>
        provider.products.map(({ slug, name }) => ({ value: slug, label: `${name} (${provider.name})` })),
      ),
    more: (data) =>
      data.list.pageInfo.hasNextPage ||
      data.list.nodes.some((provider: { products: Row[] }) => provider.products.length >= 30),
  },
  municipalities: {
    document: `query EditorPartners { list: municipalities(first: 100) { nodes { slug name } pageInfo { hasNextPage } } }`,
    choices: (data, city) =>
      data.list.nodes
        .filter((node: Row) => node.slug !== city)
        .map(({ slug, name }: Row) => ({ value: slug, label: name })),
    more: (data) => data.list.pageInfo.hasNextPage,
  },
  sources: {
    // The city's own sources first, then the newest of the hub (shared ones, and those of other cities).
    document: `query EditorSources($city: String!) {
      own: sources(municipality: $city, first: 100, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { key title } pageInfo { hasNextPage } }
      list: sources(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { key title } pageInfo { hasNextPage } }
    }`,
    choices: (data) =>
      [...data.own.nodes, ...data.list.nodes]
        .filter((node: Row, index: number, all: Row[]) => all.findIndex((other) => other.key === node.key) === index)
        .map(({ key, title }: Row) => ({ value: String(key), label: `${title} (${key})` })),
    more: (data) => data.list.pageInfo.hasNextPage,
  },
  strategies: {
    document: `query EditorStrategies($city: String!) {
      list: strategies(filter: { municipalities: [$city] }, first: 100) { nodes { slug title } pageInfo { hasNextPage } }
    }`,
    choices: (data) => data.list.nodes.map(({ slug, title }: Row) => ({ value: slug, label: title })),
    more: (data) => data.list.pageInfo.hasNextPage,
  },
  fieldsOfAction: {
    document: `query EditorFieldsOfAction($city: String!) {
      list: strategies(filter: { municipalities: [$city] }, first: 20) { nodes { title fieldsOfAction { id title } } pageInfo { hasNextPage } }
    }`,
    choices: (data) =>
      data.list.nodes.flatMap((strategy: { title: string; fieldsOfAction: Row[] }) =>
        strategy.fieldsOfAction.map(({ id, title }) => ({ value: id, label: `${title} (${strategy.title})` })),
      ),
    more: (data) => data.list.pageInfo.hasNextPage,
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
    // A plain list (no connection): as many as it returned means there may be more.
    more: (data) => (data.list?.decisions ?? []).length >= 100,
  },
  projects: {
    document: `query EditorProjects($city: String!) {
      list: projects(filter: { municipalities: [$city] }, first: 100) { nodes { slug title } pageInfo { hasNextPage } }
    }`,
    choices: (data) => data.list.nodes.map(({ slug, title }: Row) => ({ value: slug, label: title })),
    more: (data) => data.list.pageInfo.hasNextPage,
  },
};

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, "de");

/** The values of the pickers `lists` for the editor's city (the first 100 of each), the lists read side by side. */
export async function loadChoices(
  run: RunSiteQuery,
  viewer: Viewer,
  city: string,
  lists: readonly ChoiceList[],
): Promise<Choices> {
  const wanted = [...new Set(lists)];
  const loaded = await Promise.all(
    wanted.map(async (list) => {
      const { document, choices, more } = CHOICE_QUERIES[list];
      const variables = document.includes("$city") ? { city } : {};
      const data = await run(document, variables, viewer);
      const found = choices(data, city);
      const set: ChoiceSet = { options: list === "sources" ? found : found.sort(byLabel), complete: !more(data) };
      return [list, set] as const;
    }),
  );
  return Object.fromEntries(loaded);
}
