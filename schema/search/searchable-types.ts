import { FieldOfAction } from "../field-of-action/field-of-action.entity.js";
import { LessonLearned } from "../lesson/lesson-learned.entity.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Project } from "../project/project.entity.js";
import { Provider } from "../provider/provider.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";

/** A pivot table whose rows feed the documents of one searchable type: its rows only come and go. */
export interface SearchPivot {
  readonly table: string;
  /** The pivot's column holding the id of the record whose document it feeds. */
  readonly idColumn: string;
}

/**
 * The record types that have search documents, in the order the API lists them: GraphQL type name (also the
 * documents' `type`), `SearchResultType` value, entity, table, German label and the enum value's description.
 * `own` lists the columns the record's own document is built from, `cascade` those that documents of other
 * records carry (an UPDATE that changes neither rewrites nothing); `pivots` the link tables that feed its document.
 * The triggers the search migrations deployed are checked against it (test/search/search-sql.test.ts), as is
 * the `search_source` view.
 */
export const SEARCHABLE_TYPES = [
  {
    type: "Municipality",
    result: "MUNICIPALITY",
    entity: Municipality,
    table: "municipality",
    label: "Kommune",
    description: "Municipalities.",
    own: ["slug", "name", "state", "district", "government_region", "note"],
    // Dependent documents carry the municipality's id, slug, state and name; district and region only its own.
    cascade: ["slug", "name", "state"],
    pivots: [],
  },
  {
    type: "Strategy",
    result: "STRATEGY",
    entity: Strategy,
    table: "strategy",
    label: "Strategie",
    description: "Digitalisation strategies.",
    own: ["municipality_id", "publication_state", "status", "title", "summary", "vision", "note"],
    // Its fields of action carry its title and municipality, and are searchable only while it is published.
    cascade: ["municipality_id", "publication_state", "title"],
    pivots: [{ table: "strategy_consultants", idColumn: "strategy_id" }],
  },
  {
    type: "FieldOfAction",
    result: "FIELD_OF_ACTION",
    entity: FieldOfAction,
    table: "field_of_action",
    label: "Handlungsfeld",
    description: "Fields of action of strategies.",
    own: ["strategy_id", "publication_state", "title", "description"],
    cascade: [],
    pivots: [{ table: "field_of_action_topics", idColumn: "field_of_action_id" }],
  },
  {
    type: "Project",
    result: "PROJECT",
    entity: Project,
    table: "project",
    label: "Projekt",
    description: "Projects.",
    own: ["municipality_id", "publication_state", "status", "title", "summary", "note"],
    // Its lessons are searchable only while it is published.
    cascade: ["publication_state"],
    pivots: [
      { table: "project_topics", idColumn: "project_id" },
      { table: "project_providers", idColumn: "project_id" },
    ],
  },
  {
    type: "LessonLearned",
    result: "LESSON_LEARNED",
    entity: LessonLearned,
    table: "lesson_learned",
    label: "Erfahrung",
    description: "Lessons learned.",
    own: ["municipality_id", "project_id", "publication_state", "title", "body"],
    cascade: [],
    pivots: [{ table: "lesson_learned_topics", idColumn: "lesson_learned_id" }],
  },
  {
    type: "Provider",
    result: "PROVIDER",
    entity: Provider,
    table: "provider",
    label: "Dienstleister",
    description: "Providers (IT service providers, vendors, consultancies).",
    own: ["slug", "name", "legal_name", "seat", "description"],
    // Projects carry their providers' slugs and names, strategies their consultants' slugs.
    cascade: ["slug", "name"],
    pivots: [],
  },
] as const satisfies readonly {
  type: string;
  result: string;
  entity: unknown;
  table: string;
  label: string;
  description: string;
  own: readonly string[];
  cascade: readonly string[];
  pivots: readonly SearchPivot[];
}[];

/** One entry of the table of searchable types. */
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];
/** A searchable record's GraphQL type name, the `type` of its documents. */
export type SearchType = SearchableType["type"];
/** A searchable record's `SearchResultType` value. */
export type SearchResultName = SearchableType["result"];
/** A searchable record, as loaded. */
export type SearchableRecord = InstanceType<SearchableType["entity"]>;

/** The entry of a document type. */
export function searchableType(type: SearchType): SearchableType {
  return SEARCHABLE_TYPES.find((entry) => entry.type === type)!;
}
