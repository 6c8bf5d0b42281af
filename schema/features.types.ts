import type { Collection, EntityClass } from "@mikro-orm/core";
import type { ClassType } from "type-graphql";
import type { RecordExport } from "./common/export/record-export.js";
import type { HubEntity } from "./common/node.js";
import type { Publishable } from "./publishing/publishable.js";
import type { RecordKind } from "./publishing/record-kind.js";
import type { Searchable } from "./search/searchable-types.js";
import type { Source } from "./source/source.entity.js";
import type { Topic } from "./topic/topic.entity.js";

/** A record type that cites sources: it gets a `sources` field. */
export type Cited = ClassType<HubEntity & { sources: Collection<Source> }>;

/** A record type tagged with topics: it gets a `topics` field and is found by topic. */
export type Tagged = ClassType<HubEntity & { topics: Collection<Topic> }>;

/** A per-request loader a feature declares with `defineLoader`. */
export interface DeclaredLoader {
  readonly loaderName: string;
}

/**
 * What one feature (a folder of `schema/`) adds to the hub, declared once in its
 * `index.ts`; `schema/features.ts` lists the features, and the schema's resolvers,
 * the ORM's entities, the write path's record kinds, the export routes and the test tables derive from them.
 */
export interface Feature {
  /** The feature's folder under `schema/`. */
  name: string;
  /** Entities GraphQL fetches by global ID; the class name is the GraphQL type name. */
  nodes?: readonly EntityClass<HubEntity>[];
  /** Other entity classes the ORM manages: base classes, API tokens, revisions. */
  entities?: readonly EntityClass<object>[];
  /** The feature's resolver classes, its fields on other features' types included. */
  resolvers?: readonly Function[];
  /** Kinds of record editors write and publish: each gets publish, unpublish, archive and `revisions`. */
  publishable?: readonly RecordKind<Publishable>[];
  /** Kinds of record only admins write; they have no drafts, and get `revisions`. */
  adminOnly?: readonly RecordKind[];
  /** Record types that cite sources. */
  cited?: readonly Cited[];
  /** Record types tagged with topics. */
  tagged?: readonly Tagged[];
  /** The per-request loaders the feature's resolvers use. */
  loaders?: readonly DeclaredLoader[];
  /** Record types that have search documents: the search API and the deployed search SQL derive from these. */
  searchable?: readonly Searchable[];
  /**
   * The feature's record exports: each is served as `/export/<name>.csv` and `/export/<name>.json`
   * (see `RecordExport`; `tableExport` declares one as a SQL statement per batch, listed in the data dictionary
   * `/export/dictionary.json` and bundled in `/export/alles.zip`; `plainRecordExport` one for a plain record type).
   */
  exports?: readonly RecordExport[];
}
