/** The GraphQL document of the comparison page's figures per inhabitant (`/vergleich`). */
import type { Named } from "../queries.js";

/** How many projects' annual costs per inhabitant the page lists per city; the query asks for one more. */
export const PER_INHABITANT_PROJECTS = 5;

/**
 * The figures per inhabitant of the compared cities, asked for even when their
 * populations are not comparable by date: the page then shows why, and the
 * figures only when the reader chose to see them anyway.
 */
export const COMPARE_PER_INHABITANT_QUERY = `query SiteComparePerInhabitant($municipalities: [String!]!) {
  compare(municipalities: $municipalities) {
    perInhabitant(allowPopulationDateGap: true) {
      populationDateGap {
        undated { name }
        earlier { municipality { name } asOf }
        later { municipality { name } asOf }
      }
      cities {
        municipality { slug name }
        population { count asOf source { title publisher publishedOn } }
        unavailableReason
        budgetByYear { label year numerator denominator value }
        projectAnnualCosts(first: ${PER_INHABITANT_PROJECTS + 1}) { label numerator denominator value project { slug } }
      }
    }
  }
}`;

export interface PerInhabitantFigure {
  label: string;
  /** The budget's year (the budget figures only). */
  year?: number | null;
  numerator: string;
  denominator: number | null;
  value: string | null;
  project?: { slug: string } | null;
}

export interface PerInhabitantCity {
  municipality: Named;
  population: {
    count: number;
    asOf: string | null;
    source: { title: string; publisher: string | null; publishedOn: string | null };
  } | null;
  unavailableReason: string | null;
  budgetByYear: PerInhabitantFigure[];
  projectAnnualCosts: PerInhabitantFigure[];
}

export interface PopulationDateGapData {
  undated: { name: string }[];
  earlier: { municipality: { name: string }; asOf: string } | null;
  later: { municipality: { name: string }; asOf: string } | null;
}

export interface ComparePerInhabitantData {
  compare: {
    perInhabitant: { populationDateGap: PopulationDateGapData | null; cities: PerInhabitantCity[] };
  };
}
