import type { VNode } from "preact";
import type { Viewer } from "../../../schema/token/viewer.js";
import { pageElement } from "../../site/i18n/site-language.js";
import { ProjectPage } from "../../site/pages/project.js";
import { StrategyPage } from "../../site/pages/strategy.js";
import { PROJECT_QUERY, type ProjectData, STRATEGY_QUERY, type StrategyData } from "../../site/queries.js";
import type { RunSiteQuery } from "../../site/run-query.js";
import type { RecordKind } from "../my-records.js";
import type { FieldLabel } from "./labels.js";
import { STRATEGY_PART_KINDS, STRATEGY_PARTS_READ, strategyParts } from "./strategy-parts.js";

/** A list of allowed values a picker offers: `topics`, `providers`, … (loaded by choices.ts). */
export type ChoiceList =
  "topics" | "providers" | "products" | "municipalities" | "sources" | "strategies" | "fieldsOfAction" | "projects";

/**
 * One record type an editor writes through a form: where its pages are, which input types of the API its form
 * is derived from, which mutations it runs, how it is read back, and which fields pick from a list.
 */
export interface FormKind {
  /** The URL segment under /meine-kommune, e.g. `projekte`. */
  segment: string;
  /** The kind "Meine Kommune" lists it as. */
  listKind: RecordKind;
  /** German: "Projekt", and the heading of a new one, "Neues Projekt". */
  noun: string;
  newHeading: string;
  /**
   * The field that names the record in URLs: `slug`, `key` for sources and indicators, or the global `id` for a
   * strategy's fields of action and budget lines, which have no name of their own.
   */
  keyField: "slug" | "key" | "id";
  /** For a strategy's parts: their create input names the strategy, whose city is theirs, rather than a city. */
  ownedThrough?: "strategy";
  /** Query parameters of the "new" form that preset a field, e.g. `?strategie=…` the strategy a part belongs to. */
  prefill?: Readonly<Record<string, string>>;
  /** Values the "new" form starts with, where the API keeps a value rather than none (an indicator's `betterWhen`). */
  defaults?: Readonly<Record<string, string>>;
  /** Labels and help texts of this kind that differ from FIELD_LABELS (labels.ts), by field. */
  labels?: Readonly<Record<string, FieldLabel>>;
  /** What the edit form shows below the form, from the record as read (a strategy's parts; a part's strategy). */
  related?: (record: Record<string, unknown>) => VNode | null;
  createInput: string;
  updateInput: string;
  /** The API's name of the type in mutation names: `Project` for `createProject`, `publishProject`, … */
  mutationType: string;
  /**
   * A GraphQL document reading the city's record by `$key` (and `$city`): `id version publicationState`,
   * `municipality { slug }` where the type has one, and the input's fields (relations as `{ slug }`, `{ key }`
   * or `{ id }`); `revisions` on request. `pick` finds the record in the answer.
   */
  read: string;
  pick: (data: Record<string, unknown>, key: string) => Record<string, unknown> | null;
  /**
   * For a kind whose full read by key would cost too much as a list (an indicator's values and their sources): a
   * cheap document listing the city's records (`$key`, `$city`), and `pick` finding the key's ID in its answer,
   * which `read` then gets as `$id` (null: no such record).
   */
  locate?: { document: string; pick: (data: Record<string, unknown>, key: string) => string | null };
  /**
   * The order the form shows the fields in (the schema lists them alphabetically; a row's fields as `group.field`);
   * fields not named follow.
   */
  order: readonly string[];
  /** Input fields the form leaves out (the API keeps their values, since a field left out is no change). */
  omitted?: readonly string[];
  /**
   * For a repeatable group whose rows the form checks itself (a malformed amount, see form-values.ts Malformed):
   * per checked field, values of the row that the API always refuses at that field. They stand in for the
   * malformed value so that the API still names the form's other problems in the same answer, and writes nothing.
   */
  refusedRow?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  /**
   * Where the API refuses a stand-in of refusedRow when not at the checked field itself (`values.asOf` → `value`):
   * the form silences the API's message there, since the stand-in caused it.
   */
  refusedRowAt?: Readonly<Record<string, string>>;
  /** Fields whose values come from a list of allowed values; a row's field as `group.field` (`costs.sources`). */
  choices: Readonly<Record<string, ChoiceList>>;
  /** Where the public sees it once published, if it has a page of its own. */
  publicPath?: (key: string) => string;
  /** Its public page rendered from the record as the editor reads it (a draft too): the page's own query and template. */
  preview?: (
    run: RunSiteQuery,
    viewer: Viewer,
    key: string,
    origin: string | null,
    city: string,
  ) => Promise<VNode | null>;
}

/** The common part of every read: identity, version and state. */
const RECORD = "id version publicationState";

/** Picks a record from a list answer (kinds without a root field by slug): the one whose key matches. */
function fromNodes(list: string, field: "slug" | "key") {
  return (data: Record<string, unknown>, key: string) => {
    const nodes = (data[list] as { nodes: Record<string, unknown>[] } | undefined)?.nodes ?? [];
    return nodes.find((node) => node[field] === key) ?? null;
  };
}

export const FORM_KINDS: readonly FormKind[] = [
  {
    segment: "projekte",
    listKind: "projekt",
    noun: "Projekt",
    newHeading: "Neues Projekt",
    keyField: "slug",
    createInput: "CreateProjectInput",
    updateInput: "ProjectInput",
    mutationType: "Project",
    order: [
      "title",
      "slug",
      "summary",
      "status",
      "statusAsOf",
      "startedOn",
      "plannedEndOn",
      "completedOn",
      "topics",
      "strategy",
      "fieldOfAction",
      "providers",
      "products",
      "replacedProducts",
      "partners",
      "costs",
      "sources",
      "note",
      "costs.amount",
      "costs.currency",
      "costs.kind",
      "costs.period",
      "costs.description",
      "costs.note",
      "costs.sources",
    ],
    // A negative amount is refused for every cost but a DIFFERENCE (project.write.ts checkAmount).
    refusedRow: { costs: { amount: { amount: "-0.01", kind: "COST" } } },
    read: `query EditorProject($key: String!, $revisions: Int!, $withRevisions: Boolean!) {
      record: project(slug: $key) {
        ${RECORD} slug municipality { slug }
        title summary status statusAsOf startedOn plannedEndOn completedOn note
        strategy { slug } fieldOfAction { id } topics { key } providers { slug } products { slug }
        replacedProducts { slug } partners { slug } sources { key }
        costs { id amount currency kind period description note sources { key } }
        revisions(first: $revisions) @include(if: $withRevisions) { action actor at version changes { field before after } }
      }
    }`,
    pick: (data) => (data.record as Record<string, unknown> | null) ?? null,
    choices: {
      topics: "topics",
      providers: "providers",
      products: "products",
      replacedProducts: "products",
      partners: "municipalities",
      sources: "sources",
      "costs.sources": "sources",
      strategy: "strategies",
      fieldOfAction: "fieldsOfAction",
    },
    publicPath: (key) => `/projekte/${key}`,
    preview: async (run, viewer, slug, origin) => {
      const { project } = await run<ProjectData>(PROJECT_QUERY, { slug }, viewer);
      return project && pageElement(ProjectPage, { project, origin });
    },
  },
  {
    segment: "erfahrungen",
    listKind: "erfahrung",
    noun: "Erfahrung",
    newHeading: "Neue Erfahrung",
    keyField: "slug",
    createInput: "CreateLessonInput",
    updateInput: "LessonInput",
    mutationType: "LessonLearned",
    order: ["title", "slug", "kind", "body", "project", "topics", "sources"],
    read: `query EditorLesson($city: String!, $revisions: Int!, $withRevisions: Boolean!) {
      lessons(filter: { municipalities: [$city] }, first: 100) {
        nodes {
          ${RECORD} slug municipality { slug }
          title body kind project { slug } topics { key } sources { key }
          revisions(first: $revisions) @include(if: $withRevisions) { action actor at version changes { field before after } }
        }
      }
    }`,
    pick: fromNodes("lessons", "slug"),
    choices: { topics: "topics", sources: "sources", project: "projects" },
  },
  {
    segment: "strategien",
    listKind: "strategie",
    noun: "Strategie",
    newHeading: "Neue Strategie",
    keyField: "slug",
    createInput: "CreateStrategyInput",
    updateInput: "StrategyInput",
    mutationType: "Strategy",
    order: [
      "title",
      "slug",
      "summary",
      "vision",
      "status",
      "statusAsOf",
      "presentedOn",
      "adoptedOn",
      "horizon",
      "consultants",
      "sources",
      "note",
    ],
    read: `query EditorStrategy($key: String!, $revisions: Int!, $withRevisions: Boolean!) {
      record: strategy(slug: $key) {
        ${RECORD} slug municipality { slug }
        title summary vision status statusAsOf adoptedOn presentedOn horizon note consultants { slug } sources { key }
        ${STRATEGY_PARTS_READ}
        revisions(first: $revisions) @include(if: $withRevisions) { action actor at version changes { field before after } }
      }
    }`,
    pick: (data) => (data.record as Record<string, unknown> | null) ?? null,
    choices: { consultants: "providers", sources: "sources" },
    publicPath: (key) => `/strategien/${key}`,
    preview: async (run, viewer, slug) => {
      const { strategy } = await run<StrategyData>(STRATEGY_QUERY, { slug }, viewer);
      return strategy && pageElement(StrategyPage, { strategy });
    },
    related: strategyParts,
  },
  {
    segment: "quellen",
    listKind: "quelle",
    noun: "Quelle",
    newHeading: "Neue Quelle",
    keyField: "key",
    createInput: "CreateSourceInput",
    updateInput: "SourceInput",
    mutationType: "Source",
    order: ["title", "key", "publisher", "author", "publishedOn", "url", "note"],
    read: `query EditorSource($city: String!, $key: String!, $revisions: Int!, $withRevisions: Boolean!) {
      sources(municipality: $city, query: $key, first: 100) {
        nodes {
          ${RECORD} key title author publisher publishedOn url note
          revisions(first: $revisions) @include(if: $withRevisions) { action actor at version changes { field before after } }
        }
      }
    }`,
    pick: fromNodes("sources", "key"),
    choices: {},
  },
  ...STRATEGY_PART_KINDS,
];

/** The form kind of a URL segment, or undefined. */
export function formKindOf(segment: string): FormKind | undefined {
  return FORM_KINDS.find((kind) => kind.segment === segment);
}

/** The form kind "Meine Kommune" links a listed record kind to. */
export function formKindOfList(kind: RecordKind): FormKind | undefined {
  return FORM_KINDS.find((candidate) => candidate.listKind === kind);
}

/** The base path of a kind's pages, and of one record's. */
export function kindPath(kind: FormKind, key?: string | null): string {
  return key ? `/meine-kommune/${kind.segment}/${encodeURIComponent(key)}` : `/meine-kommune/${kind.segment}`;
}
