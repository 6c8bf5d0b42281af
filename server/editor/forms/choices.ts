import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "../../../schema/common/slug.args.js";
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

/** How many entries a picker's search shows. */
const SEARCH_HITS = 20;

/** A provider, a product (with its vendor) and a source as a picker names them. */
const providerChoice = ({ slug, name }: Row): Choice => ({ value: String(slug), label: String(name) });
const productChoice = ({ slug, name, vendor }: Row): Choice => {
  const maker = (vendor as { name?: string } | null)?.name;
  return { value: String(slug), label: maker ? `${name} (${maker})` : String(name) };
};
const sourceChoice = ({ key, title }: Row): Choice => ({ value: String(key), label: `${title} (${key})` });

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
    choices: (data) => data.list.nodes.map(providerChoice),
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
        .map(sourceChoice),
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

// Chosen values beyond a list's first 100, and finding any entry by text (issue 14).

/** How the API reads the entries of a list by their keys, and finds them by text (the lists it can search). */
interface Finder {
  /** The list's entries with the keys `$<list>`, as the root field `<list>` of a document of several lists. */
  byKeys: string;
  /** The first 20 entries whose name or key contains `$text`, as the root field `list`. */
  byText: string;
  choice: (row: Row) => Choice;
  /** German: what is looked for, as the search's button and label say it: "Anbieter suchen". */
  noun: string;
}

const FINDERS: Partial<Record<ChoiceList, Finder>> = {
  providers: {
    byKeys: `providers: providers(filter: { slugs: $providers }, first: 100) { nodes { slug name } }`,
    byText: `list: providers(query: $text, first: ${SEARCH_HITS}) { nodes { slug name } pageInfo { hasNextPage } }`,
    choice: providerChoice,
    noun: "Anbieter",
  },
  products: {
    byKeys: `products: products(slugs: $products, first: 100) { nodes { slug name vendor { name } } }`,
    byText: `list: products(query: $text, first: ${SEARCH_HITS}) { nodes { slug name vendor { name } } pageInfo { hasNextPage } }`,
    choice: productChoice,
    noun: "Software",
  },
  sources: {
    byKeys: `sources: sources(keys: $sources, first: 100) { nodes { key title } }`,
    byText: `list: sources(query: $text, first: ${SEARCH_HITS}) { nodes { key title } pageInfo { hasNextPage } }`,
    choice: sourceChoice,
    noun: "Quelle",
  },
};

/** The German noun of a list the editor can search ("Quelle"), or null for a list without search. */
export function searchNoun(list: ChoiceList): string | null {
  return FINDERS[list]?.noun ?? null;
}

/** Whether `value` can be a key of the API (a malformed one names no entry and would fail the whole lookup). */
const keyLike = (value: string) => value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);

/**
 * Adds the German names of chosen values that a long list's first 100 entries do not hold: every such list's keys
 * looked up in one document (by key, a list field per picker list, not one field per value). A key no entry has
 * stays as it is (the form shows it as typed, and the API names it on saving).
 */
export async function withChosen(
  run: RunSiteQuery,
  viewer: Viewer,
  choices: Choices,
  chosen: Partial<Record<ChoiceList, readonly string[]>>,
): Promise<Choices> {
  const missing: [ChoiceList, string[]][] = [];
  for (const [list, values] of Object.entries(chosen) as [ChoiceList, string[]][]) {
    const set = choices[list];
    if (!set || set.complete || !FINDERS[list]) continue;
    const known = new Set(set.options.map((option) => option.value));
    const keys = [...new Set(values)].filter((value) => !known.has(value) && keyLike(value)).slice(0, 100);
    if (keys.length) missing.push([list, keys]);
  }
  if (!missing.length) return choices;
  const variables = missing.map(([list]) => `$${list}: [String!]!`).join(", ");
  const fields = missing.map(([list]) => FINDERS[list]!.byKeys).join("\n");
  const data = await run<Record<string, { nodes: Row[] }>>(
    `query EditorChosen(${variables}) {\n${fields}\n}`,
    Object.fromEntries(missing),
    viewer,
  );
  const added: Choices = { ...choices };
  for (const [list] of missing) {
    const found = data[list].nodes.map(FINDERS[list]!.choice);
    added[list] = { ...choices[list]!, options: [...choices[list]!.options, ...found] };
  }
  return added;
}

/** The longest text a picker's search sends (the API's own bound for names and titles). */
export const MAX_SEARCH_TEXT = 200;

/** What a picker's search found: the text, its first hits, whether there are more, or why it did not search. */
export interface PickerSearch {
  list: ChoiceList;
  text: string;
  found: Choice[];
  more: boolean;
  /** A problem with the text (blank, too long): shown at the search line, nothing searched. */
  problem: string | null;
}

/**
 * Finds the entries of `list` whose name or key contains `text`, the first SEARCH_HITS of them; a blank or too long
 * text is answered with a problem, not searched.
 */
export async function searchChoices(
  run: RunSiteQuery,
  viewer: Viewer,
  list: ChoiceList,
  raw: string,
): Promise<PickerSearch> {
  const finder = FINDERS[list];
  const text = raw.trim();
  const answer: PickerSearch = { list, text: raw.slice(0, MAX_SEARCH_TEXT * 2), found: [], more: false, problem: null };
  if (!finder) return { ...answer, problem: "Diese Auswahl lässt sich nicht durchsuchen." };
  if (!text) return { ...answer, problem: "Bitte einen Suchtext eingeben, z. B. einen Teil des Namens." };
  if (text.length > MAX_SEARCH_TEXT)
    return { ...answer, problem: `Der Suchtext ist zu lang: höchstens ${MAX_SEARCH_TEXT} Zeichen.` };
  const data = await run<{ list: { nodes: Row[]; pageInfo: { hasNextPage: boolean } } }>(
    `query EditorFind($text: String!) { ${finder.byText} }`,
    { text },
    viewer,
  );
  return { ...answer, found: data.list.nodes.map(finder.choice), more: data.list.pageInfo.hasNextPage };
}
