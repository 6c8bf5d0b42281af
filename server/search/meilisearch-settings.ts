/**
 * What the Meilisearch engine is told about its index, from code: the same fields,
 * weights, synonyms, stop words and typo rules as the PostgreSQL engine. Pure, so that
 * it is unit-tested without a Meilisearch.
 */
import type { Settings } from "meilisearch";
import type { SearchFilterSpec, SearchType } from "../../schema/search/search-engine.port.js";
import { MAX_FACET_VALUES, MAX_TOTAL_HITS } from "../../schema/search/search-engine.port.js";
import { SYNONYMS, type SynonymGroup } from "./synonyms.js";

/** Name of the index unless MEILI_INDEX says otherwise. */
export const DEFAULT_MEILI_INDEX = "ikz-hub-documents";

/** A search document as Meilisearch stores it; built from a `search_document` row. */
export interface MeiliDocument {
  /** `Project-12`: type and database id, the primary key. */
  id: string;
  type: SearchType;
  entityId: number;
  municipalityId: number | null;
  municipality: string | null;
  state: string | null;
  status: string | null;
  topics: string[];
  providers: string[];
  title: string;
  summary: string;
  body: string;
  context: string;
}

/** The primary key of a document. */
export function meiliId(type: SearchType, entityId: number): string {
  return `${type}-${entityId}`;
}

/** The facet fields of the GraphQL contract, by the attribute Meilisearch counts. */
export const MEILI_FACETS = {
  type: "type",
  municipality: "municipality",
  state: "state",
  topic: "topics",
  status: "status",
  provider: "providers",
} as const;

// The stop words of PostgreSQL's german dictionary (Snowball), so that both engines skip the same words.
const GERMAN_STOP_WORDS =
  "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das dass daß derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe dazu dein deine deinem deinen deiner deines denn derer dessen dich dir du dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal er ihn ihm es etwas euer eure eurem euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines können könnte machen man manche manchem manchen mancher manches mein meine meinem meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen solcher solches soll sollte sondern sonst über um und uns unsere unserem unseren unser unseres unter viel vom von vor während war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen".split(
    " ",
  );

/** Multi-way synonyms: every term of a group maps to all others, lower-cased as Meilisearch matches them. */
export function meiliSynonyms(groups: readonly SynonymGroup[] = SYNONYMS): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    const terms = group.terms.map((term) => term.toLowerCase());
    for (const term of terms)
      synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...terms.filter((other) => other !== term)])];
  }
  return synonyms;
}

/** The index settings, applied by the engine at start and by `npm run reindex`. */
export function meiliSettings(groups: readonly SynonymGroup[] = SYNONYMS): Settings {
  return {
    // Attribute order is rank order: a title outranks a summary, which outranks the body.
    searchableAttributes: ["title", "summary", "body", "context"],
    filterableAttributes: ["type", "municipality", "state", "topics", "status", "providers"],
    sortableAttributes: [],
    displayedAttributes: ["id", "type", "entityId", "municipalityId", "title", "summary", "body"],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
    synonyms: meiliSynonyms(groups),
    stopWords: GERMAN_STOP_WORDS,
    // Meilisearch's defaults, stated: one typo from 5 letters, two from 9.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MAX_FACET_VALUES },
  };
}

/** A filter value as a Meilisearch string literal: quoted, with quotes and backslashes escaped. */
function literal(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Translates a filter into Meilisearch's filter expression; null when nothing is filtered. */
export function meiliFilter(filter: SearchFilterSpec): string | null {
  const clauses: string[] = [];
  const clause = (attribute: string, values: readonly string[] | undefined) => {
    if (values?.length) clauses.push(`${attribute} IN [${values.map(literal).join(", ")}]`);
  };
  clause("type", filter.types);
  clause("municipality", filter.municipalities);
  clause("state", filter.states);
  clause("topics", filter.topics);
  clause("status", filter.statuses);
  clause("providers", filter.providers);
  return clauses.length ? clauses.join(" AND ") : null;
}
