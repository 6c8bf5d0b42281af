import type { Viewer } from "../../../schema/token/viewer.js";
import type { RunSiteQuery } from "../../site/run-query.js";
import type { ChoiceList } from "./form-kinds.js";

/** One allowed value of a picker: what is sent, and what the editor reads. */
export interface Choice {
  value: string;
  label: string;
}
export type Choices = Partial<Record<ChoiceList, Choice[]>>;

/**
 * The allowed values of every picker, in one request as the editor: topics, providers and their products, the
 * published municipalities (partners), and the city's own sources, strategies (with their fields of action),
 * and projects. Each list holds the first 100 the API gives.
 */
const CHOICES_QUERY = `query EditorChoices($city: String!) {
  topics(first: 100) { nodes { key label } }
  providers(first: 100) { nodes { slug name products { slug name } } }
  municipalities(first: 100) { nodes { slug name } }
  sources(municipality: $city, first: 100, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { key title } }
  strategies(filter: { municipalities: [$city] }, first: 100) {
    nodes { slug title fieldsOfAction { id title } }
  }
  projects(filter: { municipalities: [$city] }, first: 100) { nodes { slug title } }
}`;

interface ChoicesData {
  topics: { nodes: { key: string; label: string }[] };
  providers: { nodes: { slug: string; name: string; products: { slug: string; name: string }[] }[] };
  municipalities: { nodes: { slug: string; name: string }[] };
  sources: { nodes: { key: string; title: string }[] };
  strategies: { nodes: { slug: string; title: string; fieldsOfAction: { id: string; title: string }[] }[] };
  projects: { nodes: { slug: string; title: string }[] };
}

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, "de");

/** The pickers' values for the editor's city. */
export async function loadChoices(run: RunSiteQuery, viewer: Viewer, city: string): Promise<Choices> {
  const data = await run<ChoicesData>(CHOICES_QUERY, { city }, viewer);
  const strategies = data.strategies.nodes;
  return {
    topics: data.topics.nodes.map(({ key, label }) => ({ value: key, label })).sort(byLabel),
    providers: data.providers.nodes.map(({ slug, name }) => ({ value: slug, label: name })).sort(byLabel),
    products: data.providers.nodes
      .flatMap((provider) =>
        provider.products.map(({ slug, name }) => ({ value: slug, label: `${name} (${provider.name})` })),
      )
      .sort(byLabel),
    municipalities: data.municipalities.nodes
      .filter(({ slug }) => slug !== city)
      .map(({ slug, name }) => ({ value: slug, label: name })),
    sources: data.sources.nodes.map(({ key, title }) => ({ value: key, label: `${title} (${key})` })),
    strategies: strategies.map(({ slug, title }) => ({ value: slug, label: title })),
    fieldsOfAction: strategies.flatMap((strategy) =>
      strategy.fieldsOfAction.map(({ id, title }) => ({ value: id, label: `${title} (${strategy.title})` })),
    ),
    projects: data.projects.nodes.map(({ slug, title }) => ({ value: slug, label: title })),
  };
}
