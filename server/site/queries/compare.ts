/** The GraphQL document of the comparison page (`/vergleich`): `Query.compare` with the key figures. */
import type { Named, TopicRef } from "../queries.js";

/** How many of a cell's projects the page links; the query asks for one more, to know whether there are others. */
export const CELL_PROJECT_LINKS = 3;
/** Most cells whose projects the page links: a larger matrix shows the coverage alone, to stay a page of 100 KB at most. */
export const MAX_CELLS_WITH_PROJECTS = 120;
/** How many providers and indicators the key figures name per city (the query asks for one more); the city's page has them all. */
export const KEY_FIGURE_ITEMS = 5;

/**
 * The matrix (rows: topics, cells: cities) and each city's key figures but the
 * budget: its bound (301 years a city) would take 20 cities past the query cost
 * limit together with the matrix, so the page takes it from the figures per inhabitant
 * (`COMPARE_PER_INHABITANT_QUERY`), which ask for it anyway.
 */
export const COMPARE_QUERY = `query SiteCompare($municipalities: [String!]!, $topics: [String!]) {
  compare(municipalities: $municipalities, topics: $topics) {
    municipalities { slug name }
    rows {
      topic { key label }
      cells {
        coverage
        projects(first: 4) { slug title }
      }
    }
    keyFigures {
      municipality { slug name stateName }
      population
      fieldOfActionCount
      strategies { slug title status adoptedOn horizon }
      projectsByStatus { status count }
      providers(first: ${KEY_FIGURE_ITEMS + 1}) { roles provider { slug name } }
      indicators(first: ${KEY_FIGURE_ITEMS + 1}) { name value unit asOf }
    }
  }
}`;

export interface CompareCell {
  coverage: string;
  projects: { slug: string; title: string }[];
}

export interface CityFigures {
  municipality: Named & { stateName: string };
  population: number | null;
  fieldOfActionCount: number;
  strategies: { slug: string; title: string; status: string; adoptedOn: string | null; horizon: number | null }[];
  projectsByStatus: { status: string; count: number }[];
  providers: { roles: string[]; provider: Named }[];
  indicators: { name: string; value: number; unit: string; asOf: string | null }[];
}

export interface CompareData {
  compare: {
    municipalities: Named[];
    rows: { topic: TopicRef; cells: CompareCell[] }[];
    keyFigures: CityFigures[];
  };
}
