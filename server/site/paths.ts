/** The path of a record's page; slugs are percent-encoded so that no stored value can change the path. */
export const paths = {
  city: (slug: string) => `/kommunen/${encodeURIComponent(slug)}`,
  project: (slug: string) => `/projekte/${encodeURIComponent(slug)}`,
  provider: (slug: string) => `/anbieter/${encodeURIComponent(slug)}`,
  strategy: (slug: string) => `/strategien/${encodeURIComponent(slug)}`,
  topic: (key: string) => `/themen/${encodeURIComponent(key)}`,
};

/**
 * The `id` of a city's record on its page (`/kommunen/:slug`) that has no page of its own, so that a link can point
 * at it: `#beschluss-<key>`, `#kennzahl-<key>`, `#beauftragung-<id>`.
 */
export const cityAnchors = {
  decision: (key: string) => `beschluss-${key}`,
  indicator: (key: string) => `kennzahl-${key}`,
  engagement: (id: string) => `beauftragung-${id}`,
};

/** A link to a record on its city's page, by the record's anchor (from `cityAnchors`). */
export function cityAnchorPath(citySlug: string, anchor: string): string {
  return `${paths.city(citySlug)}#${encodeURIComponent(anchor)}`;
}
