/** The path of a record's page; slugs are percent-encoded so that no stored value can change the path. */
export const paths = {
  city: (slug: string) => `/kommunen/${encodeURIComponent(slug)}`,
  project: (slug: string) => `/projekte/${encodeURIComponent(slug)}`,
  provider: (slug: string) => `/anbieter/${encodeURIComponent(slug)}`,
  strategy: (slug: string) => `/strategien/${encodeURIComponent(slug)}`,
  topic: (key: string) => `/themen/${encodeURIComponent(key)}`,
};
