/**
 * One representative address per page route of the site, chosen from the live data
 * through the GraphQL API: what `npm run bench:pages` measures and what the test of
 * statements per page counts. Keyed by the router's patterns (`SITE_ROUTES`); a test
 * fails while a route has no entry here, so that every new page is measured too.
 */

/** How to find a route's sample page: a fixed path, or an API query and the path its answer names. */
export interface PageSample {
  /** An anonymous GraphQL query whose answer names the record to show; absent for a fixed path. */
  query?: string;
  /** The path to request, from the query's answer (`{}` without a query); null when the data has no such record. */
  path: (data: any) => string | null;
}

/** The key with the largest total in `rows`, as `stats` lists counts per key and state. */
function largest<T>(rows: T[], key: (row: T) => string, count: (row: T) => number): string | null {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + count(row));
  let best: string | null = null;
  for (const [candidate, total] of totals) if (best === null || total > totals.get(best)!) best = candidate;
  return best;
}

/** The cities of the first list page with their project counts and first project: the city with the most projects stands for its page. */
const CITIES = `query SampleCities { municipalities(first: 100) { nodes { slug strategies { slug }
  all: projects(first: 0) { totalCount } first: projects(first: 1) { nodes { slug } } } } }`;

interface CitiesAnswer {
  municipalities: {
    nodes: {
      slug: string;
      strategies: { slug: string }[];
      all: { totalCount: number };
      first: { nodes: { slug: string }[] };
    }[];
  };
}

type City = CitiesAnswer["municipalities"]["nodes"][number];

/** The `count` cities of the first list page with the most projects (in list order on a tie), among those `having` accepts. */
function busiestCities(data: CitiesAnswer, count: number, having: (city: City) => boolean = () => true): City[] {
  const cities = data.municipalities.nodes.filter(having);
  return cities
    .map((city, index) => ({ city, index }))
    .sort((a, b) => b.city.all.totalCount - a.city.all.totalCount || a.index - b.index)
    .slice(0, count)
    .map(({ city }) => city);
}

/** The city of the first list page with the most projects, among those `having` accepts. */
function busiestCity(data: CitiesAnswer, having: (city: City) => boolean = () => true): City | null {
  return busiestCities(data, 1, having)[0] ?? null;
}

/** How many cities the sample comparison compares: several, as a visitor would, not the most the page allows. */
const COMPARED_CITIES = 5;

const fixed = (path: string): PageSample => ({ path: () => path });

/** The sample page of every route the site serves, by the router's pattern. */
export const PAGE_SAMPLES: Readonly<Record<string, PageSample>> = {
  "/": fixed("/"),
  "/kommunen": fixed("/kommunen"),
  "/kommunen/:slug": {
    query: CITIES,
    path: (data: CitiesAnswer) => {
      const city = busiestCity(data);
      return city && `/kommunen/${encodeURIComponent(city.slug)}`;
    },
  },
  "/projekte/:slug": {
    query: CITIES,
    path: (data: CitiesAnswer) => {
      const project = busiestCity(data)?.first.nodes[0];
      return project ? `/projekte/${encodeURIComponent(project.slug)}` : null;
    },
  },
  "/strategien/:slug": {
    query: CITIES,
    path: (data: CitiesAnswer) => {
      const strategy = busiestCity(data, (city) => city.strategies.length > 0)?.strategies[0];
      return strategy ? `/strategien/${encodeURIComponent(strategy.slug)}` : null;
    },
  },
  "/anbieter": fixed("/anbieter"),
  "/anbieter/:slug": {
    query: "query SampleProvider { stats { providerCoverage { provider { slug } servedMunicipalities } } }",
    path: (data: { stats: { providerCoverage: { provider: { slug: string }; servedMunicipalities: number }[] } }) => {
      const slug = largest(
        data.stats.providerCoverage,
        (row) => row.provider.slug,
        (row) => row.servedMunicipalities,
      );
      return slug && `/anbieter/${encodeURIComponent(slug)}`;
    },
  },
  "/themen": fixed("/themen"),
  "/themen/:key": {
    query: "query SampleTopic { stats { projectsByTopicAndState { topic { key } count } } }",
    path: (data: { stats: { projectsByTopicAndState: { topic: { key: string }; count: number }[] } }) => {
      const key = largest(
        data.stats.projectsByTopicAndState,
        (row) => row.topic.key,
        (row) => row.count,
      );
      return key && `/themen/${encodeURIComponent(key)}`;
    },
  },
  "/vergleich": {
    query: CITIES,
    path: (data: CitiesAnswer) => {
      const cities = busiestCities(data, COMPARED_CITIES);
      return cities.length > 1
        ? `/vergleich?kommunen=${cities.map((city) => encodeURIComponent(city.slug)).join(",")}`
        : null;
    },
  },
  "/erfahrungen": fixed("/erfahrungen"),
  // A common word: many hits, every facet filled.
  "/suche": fixed("/suche?q=Digitalisierung"),
  "/aenderungen": fixed("/aenderungen"),
  "/aenderungen.atom": fixed("/aenderungen.atom"),
  "/api": fixed("/api"),
  "/api/datenlexikon": fixed("/api/datenlexikon"),
  "/api/schema.graphql": fixed("/api/schema.graphql"),
  "/impressum": fixed("/impressum"),
  "/datenschutz": fixed("/datenschutz"),
  "/barrierefreiheit": fixed("/barrierefreiheit"),
};

/** Runs an anonymous GraphQL query and returns its data, throwing on errors. */
export type SampleQuery = (query: string) => Promise<any>;

/** The sample path of each route (in the table's order); throws when the data has no record for a route. */
export async function samplePaths(run: SampleQuery): Promise<Map<string, string>> {
  const answers = new Map<string, unknown>();
  const paths = new Map<string, string>();
  for (const [route, sample] of Object.entries(PAGE_SAMPLES)) {
    let data: unknown = {};
    if (sample.query) {
      if (!answers.has(sample.query)) answers.set(sample.query, await run(sample.query));
      data = answers.get(sample.query);
    }
    const path = sample.path(data);
    if (!path) throw new Error(`no sample page for ${route}: the data has no record for it`);
    paths.set(route, path);
  }
  return paths;
}
