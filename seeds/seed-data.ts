/**
 * The shape of the hub's seed data. The data files under `seeds/data/` are plain
 * typed objects of these shapes; `seeds/hub.seeder.ts` turns them into entities.
 * Records refer to each other by stable natural keys (slugs, topic keys, source keys),
 * never by database ids.
 */
import type { BudgetCategory } from "../schema/budget/budget-category.enum.js";
import type { DecisionOutcome } from "../schema/decision/decision-outcome.enum.js";
import type { EngagementRole } from "../schema/engagement/engagement-role.enum.js";
import type { LessonKind } from "../schema/lesson/lesson-kind.enum.js";
import type { State } from "../schema/municipality/state.enum.js";
import type { CostKind } from "../schema/project/cost-kind.enum.js";
import type { CostPeriod } from "../schema/project/cost-period.enum.js";
import type { ProjectStatus } from "../schema/project/project-status.enum.js";
import type { ProviderKind } from "../schema/provider/provider-kind.enum.js";
import type { StrategyStatus } from "../schema/strategy/strategy-status.enum.js";

/**
 * A calendar date of the precision the source gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * "Ende August 2021" is `2021-08` (with a note), never an invented day.
 */
export type PartialDate = string;

/** An exact decimal amount in EUR as a string with two decimals, e.g. `"124500.00"`. */
export type DecimalString = string;

/** Keys of `SourceSeed`s that back a record. Every fact-bearing record names at least one. */
export type SourceKeys = readonly [string, ...string[]];

/** A topic of the shared taxonomy. */
export interface TopicSeed {
  /** Stable kebab-case key, e.g. `e-file`. Never changes once published. */
  key: string;
  labelDe: string;
  labelEn: string;
  description: string;
}

/** A publication facts are taken from. */
export interface SourceSeed {
  /** Stable kebab-case key, e.g. `hildesheim-vorlage-20-281`. */
  key: string;
  title: string;
  /** Who published it; null when the text does not say. */
  publisher: string | null;
  author: string | null;
  publishedOn: PartialDate | null;
  /** Only a URL the text itself gives for this publication. */
  url: string | null;
  /** The file in `shared/seed-documents/` it was taken from. */
  document: string;
  note: string | null;
}

/** An organisation that serves municipalities. */
export interface ProviderSeed {
  slug: string;
  name: string;
  legalName: string | null;
  kind: ProviderKind;
  seat: string | null;
  statesServed: State[];
  website: string | null;
  description: string;
  sources: SourceKeys;
}

/** A software product. */
export interface ProductSeed {
  slug: string;
  name: string;
  /** Provider slug of the vendor; null when the texts do not name it. */
  vendor: string | null;
  description: string;
  topics: string[];
  sources: SourceKeys;
}

/** A provider's engagement with the municipality of the enclosing `CitySeed`. */
export interface EngagementSeed {
  provider: string;
  role: EngagementRole;
  since: PartialDate | null;
  description: string;
  note: string | null;
  sources: SourceKeys;
}

/** One sitting's treatment of a council paper or motion. */
export interface DecisionSeed {
  /** Unique within the city, e.g. `20-281-rat-2020-12-21`. */
  key: string;
  /** The paper's reference as printed, e.g. `20/281`; null when it has none. */
  reference: string | null;
  title: string;
  /** The council or committee, e.g. `Rat der Stadt Hildesheim`. */
  body: string;
  date: PartialDate | null;
  outcome: DecisionOutcome;
  description: string | null;
  note: string | null;
  sources: SourceKeys;
}

/** A field of action (Handlungsfeld) of a strategy. */
export interface FieldOfActionSeed {
  /** 1-based position within the strategy, as the source numbers them. */
  position: number;
  title: string;
  description: string | null;
  topics: string[];
  sources: SourceKeys;
}

/** A planned amount in a strategy's budget. */
export interface BudgetLineSeed {
  year: number;
  amount: DecimalString;
  category: BudgetCategory;
  description: string;
  note: string | null;
  sources: SourceKeys;
}

/** A measured figure, such as processes identified vs. done. */
export interface IndicatorSeed {
  /** Unique within the city, e.g. `processes-done-2022`. */
  key: string;
  name: string;
  value: number;
  unit: string;
  asOf: PartialDate | null;
  note: string | null;
  sources: SourceKeys;
}

/** A digitalisation strategy of the enclosing city. */
export interface StrategySeed {
  slug: string;
  title: string;
  status: StrategyStatus;
  /** The date the source gives the status for ("Stand laut Quelle"), to the precision the text supports. */
  statusAsOf: PartialDate | null;
  presentedOn: PartialDate | null;
  adoptedOn: PartialDate | null;
  horizon: number | null;
  summary: string;
  vision: string | null;
  note: string | null;
  /** Keys of this city's `DecisionSeed`s that carried the strategy. */
  decisions: string[];
  /** Provider slugs of consultants who helped draw it up. */
  consultants: string[];
  fieldsOfAction: FieldOfActionSeed[];
  budget: BudgetLineSeed[];
  indicators: IndicatorSeed[];
  sources: SourceKeys;
}

/** One cost of a project. */
export interface CostItemSeed {
  /** `COMPARISON` and `DIFFERENCE` items are reference figures, not costs of the project. */
  kind: CostKind;
  amount: DecimalString;
  currency: "EUR";
  period: CostPeriod;
  description: string;
  note: string | null;
  sources: SourceKeys;
}

/** A project of the enclosing city. */
export interface ProjectSeed {
  slug: string;
  title: string;
  summary: string;
  status: ProjectStatus;
  /** The date the source gives the status for ("Stand laut Quelle"), to the precision the text supports. */
  statusAsOf: PartialDate | null;
  /** Key of the source (one of `sources`) the status and `statusAsOf` are taken from: the first step of its history. */
  statusSource: string;
  /** Strategy slug (of this city), if the project belongs to one. */
  strategy: string | null;
  /** Position of the field of action within `strategy`, if any. */
  fieldOfAction: number | null;
  topics: string[];
  startedOn: PartialDate | null;
  plannedEndOn: PartialDate | null;
  completedOn: PartialDate | null;
  costs: CostItemSeed[];
  providers: string[];
  products: string[];
  /** Products the project replaces (not uses); none when left out. */
  replacedProducts?: string[];
  /** Slugs of partner municipalities (only ones seeded). */
  partners: string[];
  note: string | null;
  sources: SourceKeys;
}

/** A lesson the texts report. */
export interface LessonSeed {
  slug: string;
  title: string;
  body: string;
  kind: LessonKind;
  /** Project slug (of this city), if the lesson belongs to one. */
  project: string | null;
  topics: string[];
  sources: SourceKeys;
}

/** An inter-municipal working group. */
export interface WorkingGroupSeed {
  slug: string;
  name: string;
  description: string;
  /** Slugs of seeded member municipalities. */
  members: string[];
  /** Members the texts describe but that are not seeded, in words. */
  otherMembers: string | null;
  cadence: string | null;
  topics: string[];
  sources: SourceKeys;
}

/** Everything the texts say about one municipality. */
export interface CitySeed {
  municipality: {
    slug: string;
    name: string;
    /** Amtlicher Gemeindeschlüssel, 8 digits. */
    officialKey: string;
    state: State;
    governmentRegion: string | null;
    district: string | null;
    population: number | null;
    populationAsOf: PartialDate | null;
    /** Key of the source `population` is taken from; set exactly when `population` is. */
    populationSource: string | null;
    website: string | null;
    note: string | null;
    sources: SourceKeys;
  };
  engagements: EngagementSeed[];
  decisions: DecisionSeed[];
  strategies: StrategySeed[];
  projects: ProjectSeed[];
  lessons: LessonSeed[];
}

/** The whole seed data set. */
export interface SeedData {
  topics: TopicSeed[];
  sources: SourceSeed[];
  providers: ProviderSeed[];
  products: ProductSeed[];
  cities: CitySeed[];
  workingGroups: WorkingGroupSeed[];
}
