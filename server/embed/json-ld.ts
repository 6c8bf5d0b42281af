import { projectPageUrl } from "./card.html.js";
import { safeHttpUrl } from "./safe-url.js";

const SCRIPT_UNSAFE: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * Serialises `value` as JSON that is safe inside a `<script>` element: `<`, `>`
 * and `&` become \u escapes, so no text in the data can close the element or
 * open a comment, U+2028/U+2029 are escaped for old JavaScript parsers, and
 * bidirectional control characters are escaped so that none stands raw in the page.
 * JSON.parse reads the result back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]|\p{Bidi_Control}/gu,
    (char) => SCRIPT_UNSAFE[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Drops the properties whose value is null or undefined, so the JSON-LD states only what is known. */
function known<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== null && item !== undefined),
  ) as Partial<T>;
}

/** What the JSON-LD of a project states; websites are optional, as the site's query does not ask for them. */
export interface LinkedProject {
  slug: string;
  title: string;
  summary: string;
  municipality: { name: string; stateName: string; website?: string | null };
  topics: { label: string }[];
  startedOn: string | null;
  completedOn: string | null;
  providers: { name: string; website?: string | null }[];
  sources: { title: string; publisher: string | null; publishedOn: string | null; url: string | null }[];
}

/**
 * Describes a project as schema.org JSON-LD for the project page: a `Project`
 * (an Organization in schema.org terms) in a `City`, with the providers who
 * work on it as `Organization` members.
 */
export function projectJsonLd(view: LinkedProject, hubOrigin: string): Record<string, unknown> {
  const url = projectPageUrl(hubOrigin, view.slug);
  const city = known({
    "@type": "City",
    name: view.municipality.name,
    url: safeHttpUrl(view.municipality.website ?? null),
    containedInPlace: { "@type": "State", name: view.municipality.stateName },
  });
  return known({
    "@context": "https://schema.org",
    "@type": "Project",
    "@id": url,
    name: view.title,
    description: view.summary,
    url,
    identifier: view.slug,
    location: city,
    areaServed: city,
    keywords: view.topics.length ? view.topics.map((topic) => topic.label).join(", ") : null,
    foundingDate: view.startedOn,
    dissolutionDate: view.completedOn,
    member: view.providers.length
      ? view.providers.map((provider) =>
          known({ "@type": "Organization", name: provider.name, url: safeHttpUrl(provider.website ?? null) }),
        )
      : null,
    subjectOf: view.sources.length
      ? view.sources.map((source) =>
          known({
            "@type": "CreativeWork",
            name: source.title,
            publisher: source.publisher ? { "@type": "Organization", name: source.publisher } : null,
            datePublished: source.publishedOn,
            url: safeHttpUrl(source.url),
          }),
        )
      : null,
  });
}
