/** The GraphQL document of the choices the site's filter forms offer (`/vergleich`, `/erfahrungen`). */
import type { Named, TopicRef } from "../queries.js";

/** The published cities (by name, the first 100) and the topics, for a form's checkboxes and selects. */
export const CHOICES_QUERY = `query SiteChoices {
  municipalities(first: 100) { nodes { slug name } pageInfo { hasNextPage } }
  topics(first: 100) { nodes { key label } }
}`;

export interface ChoicesData {
  municipalities: { nodes: Named[]; pageInfo: { hasNextPage: boolean } };
  topics: { nodes: TopicRef[] };
}
