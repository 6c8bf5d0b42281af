/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A moment in time, written in ISO 8601 with a time zone, e.g. `2026-11-30T06:30:00.000Z`. */
  DateTime: { input: string; output: string; }
  /** An exact decimal number as a string, e.g. `"124500.00"`. Amounts are in EUR unless a currency is given. */
  Decimal: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** A calendar date of the precision the source gives: `2021`, `2021-08` or `2021-08-26`. Sorts correctly as text. */
  PartialDate: { input: string; output: string; }
};

/** How many published strategies were adopted in one year. */
export type AdoptionYearCount = {
  __typename?: 'AdoptionYearCount';
  /** Number of published strategies. */
  count: Scalars['Int']['output'];
  /** Year of adoption; null for strategies not (yet) adopted or without a known date. */
  year?: Maybe<Scalars['Int']['output']>;
};

/** Which direction of an indicator's figure is the better one. */
export type BetterWhen =
  /** A higher figure is better, e.g. processes digitised. */
  | 'HIGHER'
  /** A lower figure is better, e.g. days to process an application. */
  | 'LOWER'
  /** The sources do not say which direction is better; recorded instead of a guessed direction. */
  | 'NOT_STATED';

/** Category of a budget line. */
export type BudgetCategory =
  /** Recurring yearly fee, e.g. a usage fee. */
  | 'ANNUAL_FEE'
  /** Aufwendungen (consumptive expenses). */
  | 'EXPENSE'
  /** Investitionen. */
  | 'INVESTMENT'
  /** Anything else. */
  | 'OTHER'
  /** Personnel costs. */
  | 'PERSONNEL';

/** One planned amount of a strategy's budget, in EUR. */
export type BudgetLine = Node & Publishable & {
  __typename?: 'BudgetLine';
  /** Amount in EUR, exact to the cent. */
  amount: Scalars['Decimal']['output'];
  /** Budget category. */
  category: BudgetCategory;
  /** What the amount is for, in German. */
  description: Scalars['String']['output'];
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Editorial remark. */
  note?: Maybe<Scalars['String']['output']>;
  /** Draft, published or archived. The public only ever sees published records. */
  publicationState: PublicationState;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Version of the record, raised by every write. Pass it to `update…` as the version you last saw. */
  version: Scalars['Int']['output'];
  /** Budget year. */
  year: Scalars['Int']['output'];
};


/** One planned amount of a strategy's budget, in EUR. */
export type BudgetLineRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** Changes to a budget line. Fields left out keep their value; null clears an optional field; lists replace the current list. */
export type BudgetLineInput = {
  /** Amount in EUR, exact to the cent, e.g. `"124500.00"`. */
  amount?: InputMaybe<Scalars['Decimal']['input']>;
  /** Budget category. */
  category?: InputMaybe<BudgetCategory>;
  /** What the amount is for, in German. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Editorial remark. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Budget year. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** The sum of published budget lines of one year, and of one category where `category` is given. */
export type BudgetTotal = {
  __typename?: 'BudgetTotal';
  /** Budget category; null when the total spans all categories. */
  category?: Maybe<BudgetCategory>;
  /** Sum in EUR, exact to the cent, computed by the database. */
  total: Scalars['Decimal']['output'];
  /** Budget year. */
  year: Scalars['Int']['output'];
};

/** A change to what the public sees: a record created (or published), updated, unpublished or archived. */
export type Change = {
  __typename?: 'Change';
  /** When the change was committed. */
  at: Scalars['DateTime']['output'];
  /** Global ID of the record; fetch it with `node(id:)`, or drop it on UNPUBLISHED and ARCHIVED. */
  id: Scalars['ID']['output'];
  /** How the public view changed. */
  kind: ChangeKind;
  /** The record as the caller may see it now; null when it is not public (any more). */
  node?: Maybe<Node>;
  /** GraphQL type of the record, e.g. `Project`. */
  type: Scalars['String']['output'];
};

/** A page of changes, oldest first unless `newestFirst` was asked for. */
export type ChangeConnection = {
  __typename?: 'ChangeConnection';
  /** The items with their cursors. */
  edges: Array<ChangeEdge>;
  /** The items, without cursors. */
  nodes: Array<Change>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, on all pages: exact up to 1,000 items; above that an estimate from the database's statistics (see `totalCountIsExact`), never below 1,001. Counted only when asked. */
  totalCount: Scalars['Int']['output'];
  /** Whether `totalCount` is exact. False when more than 1,000 items match a root list: the count is then an estimate (typically within a few percent, for a rare filter combination further off); page through the list to count exactly. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** A Change with its cursor. */
export type ChangeEdge = {
  __typename?: 'ChangeEdge';
  /** Opaque cursor of this item; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The Change. */
  node: Change;
};

/** How a write changed what the public sees. */
export type ChangeKind =
  /** The record was archived: remove it for good. */
  | 'ARCHIVED'
  /** The record became public (created, or published): fetch it and add it. */
  | 'CREATED'
  /** The record went back to a draft: remove it for now. */
  | 'UNPUBLISHED'
  /** A public record changed: fetch it again. */
  | 'UPDATED';

/** Key figures of one compared municipality, shown beside the matrix. Counts cover published records only. */
export type CityKeyFigures = {
  __typename?: 'CityKeyFigures';
  /** Published budget of the published strategies per year (all categories), oldest year first. */
  budgetByYear: Array<BudgetTotal>;
  /** Number of published fields of action of the municipality's published strategies. */
  fieldOfActionCount: Scalars['Int']['output'];
  /** One series per indicator chosen with `compare(indicators:)`, in that order; empty when none are chosen. Only published indicators count. */
  indicatorSeries: Array<IndicatorSeries>;
  /** Published indicators, e.g. processes identified vs. done, oldest first. */
  indicators: Array<Indicator>;
  /** The municipality. */
  municipality: Municipality;
  /** Population, as the cited source gives it. */
  population?: Maybe<Scalars['Int']['output']>;
  /** Published projects by status; statuses without projects are left out. */
  projectsByStatus: Array<ProjectStatusCount>;
  /** Providers working for the municipality, by name, with their roles. */
  providers: Array<ProviderRoles>;
  /** Published strategies, newest adoption first: title, adoption date (`adoptedOn`) and horizon. */
  strategies: Array<Strategy>;
};


/** Key figures of one compared municipality, shown beside the matrix. Counts cover published records only. */
export type CityKeyFiguresIndicatorsArgs = {
  first?: Scalars['Int']['input'];
};


/** Key figures of one compared municipality, shown beside the matrix. Counts cover published records only. */
export type CityKeyFiguresProvidersArgs = {
  first?: Scalars['Int']['input'];
};

/** The per-inhabitant figures of one compared municipality. */
export type CityPerInhabitant = {
  __typename?: 'CityPerInhabitant';
  /** Per inhabitant: the published budget of the published strategies per year (all categories), oldest year first. */
  budgetByYear: Array<PerInhabitantFigure>;
  /** The municipality. */
  municipality: Municipality;
  /** The population the figures divide by; null when the municipality has none with a published source. */
  population?: Maybe<PopulationFigure>;
  /** Per inhabitant: each published project's annual costs (the sum of its `COST` items per year in EUR; monthly, one-off and other currencies left out), by project title. */
  projectAnnualCosts: Array<PerInhabitantFigure>;
  /** Why there is no population to divide by, in German, e.g. "Keine belegte Einwohnerzahl"; null when there is one. */
  unavailableReason?: Maybe<Scalars['String']['output']>;
};


/** The per-inhabitant figures of one compared municipality. */
export type CityPerInhabitantProjectAnnualCostsArgs = {
  first?: Scalars['Int']['input'];
};

/** A comparison of municipalities: a topic × municipality matrix with key figures beside it. */
export type Comparison = {
  __typename?: 'Comparison';
  /** Key figures per municipality, in the requested order. */
  keyFigures: Array<CityKeyFigures>;
  /** The compared municipalities, in the requested order (the columns). */
  municipalities: Array<Municipality>;
  /** Figures per inhabitant of the compared municipalities, from published records only, each dividing by a population with a published source; null only when refused: the populations' reference dates lie more than 2 years apart or one is undated, and `allowPopulationDateGap` is not set. */
  perInhabitant?: Maybe<PerInhabitantComparison>;
  /** One row per topic: the requested topics in their order, or every topic any of the municipalities addresses, by key. */
  rows: Array<ComparisonRow>;
};


/** A comparison of municipalities: a topic × municipality matrix with key figures beside it. */
export type ComparisonPerInhabitantArgs = {
  allowPopulationDateGap?: Scalars['Boolean']['input'];
};

/** What one municipality does on one topic: one cell of the comparison matrix. */
export type ComparisonCell = {
  __typename?: 'ComparisonCell';
  /** How far the municipality has got with the topic. */
  coverage: Coverage;
  /** The municipality's published fields of action on the topic, in their strategies' order. */
  fieldsOfAction: Array<FieldOfAction>;
  /** The municipality of this cell. */
  municipality: Municipality;
  /** The municipality's published projects on the topic, by title. */
  projects: Array<Project>;
};


/** What one municipality does on one topic: one cell of the comparison matrix. */
export type ComparisonCellProjectsArgs = {
  first?: Scalars['Int']['input'];
};

/** One topic across the compared municipalities: one row of the comparison matrix. */
export type ComparisonRow = {
  __typename?: 'ComparisonRow';
  /** One cell per compared municipality, in the requested order. */
  cells: Array<ComparisonCell>;
  /** The topic of this row. */
  topic: Topic;
};

/** One cost of a project, e.g. a module's annual fee. */
export type CostItem = Node & {
  __typename?: 'CostItem';
  /** Amount, exact to the cent. */
  amount: Scalars['Decimal']['output'];
  /** ISO 4217 currency code. */
  currency: Scalars['String']['output'];
  /** What the cost is for, in German. */
  description: Scalars['String']['output'];
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Whether this is a cost of the project or a figure to compare it with. */
  kind: CostKind;
  /** Editorial remark, e.g. where a figure in the source does not add up. */
  note?: Maybe<Scalars['String']['output']>;
  /** Period the amount covers. */
  period: CostPeriod;
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
};

/** One cost of a project: with `id`, a cost item the project has, changed to these fields; without, a new one. */
export type CostItemInput = {
  /** Amount, exact to the cent, e.g. `"124500.00"`; negative only for a `DIFFERENCE` (a saving). */
  amount: Scalars['Decimal']['input'];
  /** ISO 4217 currency code; `EUR` when left out. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** What the cost is for, in German. */
  description: Scalars['String']['input'];
  /** ID of a cost item the project has, to change it; leave out for a new one. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** A cost of the project (the default) or a figure to compare. */
  kind?: InputMaybe<CostKind>;
  /** Editorial remark, e.g. where a figure in the source does not add up; left out, it keeps its value. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Period the amount covers. */
  period: CostPeriod;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** What a cost item states. Sum only `COST` items to get what a project costs. */
export type CostKind =
  /** A reference figure, e.g. what the software replaced so far cost. */
  | 'COMPARISON'
  /** A cost of the project itself. */
  | 'COST'
  /** Extra (or saved) cost compared with the reference, as the source states it. */
  | 'DIFFERENCE';

/** The period a cost amount refers to. */
export type CostPeriod =
  /** Per year (p.a.). */
  | 'ANNUAL'
  /** Per month. */
  | 'MONTHLY'
  /** Paid once. */
  | 'ONE_OFF'
  /** Over the whole term stated in the description. */
  | 'TOTAL';

/** What a project's published cost items of kind `COST` in one currency add up to. `COMPARISON` and `DIFFERENCE` items are never included. Periods: `ONE_OFF` items go to `oneOff`; `ANNUAL` items count once and `MONTHLY` items twelve times in `annual`; `TOTAL` items cover a term that only their description states, so they are summed apart in `overStatedTerms`, neither annualised nor added to the others. Each sum comes with the number of items in it, so that an analyst can check it against `Project.costs`. */
export type CostSummary = {
  __typename?: 'CostSummary';
  /** Cost per year: the `ANNUAL` items plus twelve times the `MONTHLY` items, exact to the cent; null when there are none. */
  annual?: Maybe<Scalars['Decimal']['output']>;
  /** Number of `ANNUAL` and `MONTHLY` items in `annual`. */
  annualItemCount: Scalars['Int']['output'];
  /** ISO 4217 currency code of the items summed. */
  currency: Scalars['String']['output'];
  /** Number of `COST` items in this currency, whatever their period. */
  itemCount: Scalars['Int']['output'];
  /** Sum of the `ONE_OFF` items, exact to the cent; null when there are none. */
  oneOff?: Maybe<Scalars['Decimal']['output']>;
  /** Number of `ONE_OFF` items in `oneOff`. */
  oneOffItemCount: Scalars['Int']['output'];
  /** Sum of the `TOTAL` items, each over the whole term its description states (the term is no field of its own, so it is not normalised); null when there are none. Items with different terms add up to a figure over no single span: compare `overStatedTermsItemCount` with the items. */
  overStatedTerms?: Maybe<Scalars['Decimal']['output']>;
  /** Number of `TOTAL` items in `overStatedTerms`. */
  overStatedTermsItemCount: Scalars['Int']['output'];
};

/** How far a municipality has got with a topic, derived from its published fields of action and the statuses of its published projects. */
export type Coverage =
  /** At least one project is completed. */
  | 'COMPLETED'
  /** At least one project is in progress; none is completed. */
  | 'IN_PROGRESS'
  /** Neither a field of action nor a project on the topic. */
  | 'NONE'
  /** At least one project is planned; none is under way or done. */
  | 'PLANNED'
  /** On paper only: a field of action, or projects that are ideas, were stopped, or whose status the sources do not state. */
  | 'STRATEGY_ONLY';

/** A new budget line of a strategy. It starts as a draft: publish it with `publishBudgetLine`. */
export type CreateBudgetLineInput = {
  /** Amount in EUR, exact to the cent, e.g. `"124500.00"`. */
  amount: Scalars['Decimal']['input'];
  /** Budget category. */
  category: BudgetCategory;
  /** What the amount is for, in German. */
  description: Scalars['String']['input'];
  /** Editorial remark. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** 1-based position within the strategy's budget; after the last one when left out. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Slug of the strategy; an editor token may name only its municipality's. */
  strategy: Scalars['String']['input'];
  /** Budget year. */
  year: Scalars['Int']['input'];
};

/** One sitting's treatment of a council paper or motion. It starts as a draft: publish it with `publishDecision`. */
export type CreateDecisionInput = {
  /** Council or committee that dealt with it, e.g. `Rat`. */
  body: Scalars['String']['input'];
  /** Date of the sitting: `2018`, `2018-11` or `2018-11-28`. */
  date?: InputMaybe<Scalars['PartialDate']['input']>;
  /** What was decided, in German. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Key of the decision, unique within the municipality, e.g. `18-203-rat-2018-11-28` (paper, body, date); cannot be changed later. */
  key: Scalars['String']['input'];
  /** Slug of the municipality; an editor token may name only its own. */
  municipality: Scalars['String']['input'];
  /** Editorial remark, e.g. where the source is ambiguous. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** What the body did with the paper. */
  outcome: DecisionOutcome;
  /** Reference of the paper as printed, e.g. `20/281`. */
  reference?: InputMaybe<Scalars['String']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Subject of the paper. */
  title: Scalars['String']['input'];
};

/** A provider working for a municipality in a role. It starts as a draft: publish it with `publishEngagement`. */
export type CreateEngagementInput = {
  /** What the provider does for the municipality, in German. */
  description: Scalars['String']['input'];
  /** Slug of the municipality; an editor token may name only its own. */
  municipality: Scalars['String']['input'];
  /** Editorial remark. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Slug of the provider, e.g. `krzn`. */
  provider: Scalars['String']['input'];
  /** Role of the provider; with municipality and provider it identifies the engagement. */
  role: EngagementRole;
  /** Since when the provider works in this role. */
  since?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A new field of action of a strategy. It starts as a draft: publish it with `publishFieldOfAction`. */
export type CreateFieldOfActionInput = {
  /** What the field covers, in German. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1-based position within the strategy; after the last one when left out. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Slug of the strategy; an editor token may name only its municipality's. */
  strategy: Scalars['String']['input'];
  /** Title, e.g. `Digitalisierung der Schulen`. */
  title: Scalars['String']['input'];
  /** Topic keys, e.g. `["e-file"]`; replaces the list. `topics` lists the keys. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A new indicator of a municipality. It starts as a draft: publish it with `publishIndicator`. */
export type CreateIndicatorInput = {
  /** Which direction of the figure is the better one. */
  betterWhen?: InputMaybe<BetterWhen>;
  /** What exactly is counted or measured, in German. */
  definition?: InputMaybe<Scalars['String']['input']>;
  /** Key, unique within the municipality, e.g. `processes-digitised`; cannot be changed later. */
  key: Scalars['String']['input'];
  /** Slug of the municipality; an editor token may name only its own. */
  municipality: Scalars['String']['input'];
  /** What is measured, in German. */
  name: Scalars['String']['input'];
  /** Editorial remark. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Slug of the strategy (of the same municipality) the figure measures; null for none. */
  strategy?: InputMaybe<Scalars['String']['input']>;
  /** Unit of all its values, e.g. `Prozesse`. */
  unit: Scalars['String']['input'];
  /** The dated values, 1 to 50, without `id`. */
  values: Array<IndicatorValueInput>;
};

/** A new lesson learned. It starts as a draft: publish it with `publishLessonLearned`. */
export type CreateLessonInput = {
  /** The lesson in full, in German, in your own words. */
  body: Scalars['String']['input'];
  /** Kind of lesson. */
  kind: LessonKind;
  /** Slug of the municipality that learned it; an editor token may name only its own. */
  municipality: Scalars['String']['input'];
  /** Slug of the project (of the same municipality) it was learned in; null for none. */
  project?: InputMaybe<Scalars['String']['input']>;
  /** Stable slug, e.g. `herten-menschen-mitnehmen`; cannot be changed later. An editor token's slugs begin with its municipality's slug and a hyphen. */
  slug: Scalars['String']['input'];
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The lesson in one line, in German. */
  title: Scalars['String']['input'];
  /** Topic keys, e.g. `["e-file"]`; replaces the list. `topics` lists the keys. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A new municipality (admins only). */
export type CreateMunicipalityInput = {
  /** District (Kreis), for municipalities that belong to one. */
  district?: InputMaybe<Scalars['String']['input']>;
  /** Government region (Regierungsbezirk), where there is one. */
  governmentRegion?: InputMaybe<Scalars['String']['input']>;
  /** Official name, e.g. `Herten`. */
  name: Scalars['String']['input'];
  /** Editorial remark. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Amtlicher Gemeindeschlüssel (AGS): 8 digits, starting with the state's prefix. */
  officialKey: Scalars['String']['input'];
  /** Population, 1 to 10,000,000, as `populationSource` gives it; null clears it. Written together with `populationAsOf` and `populationSource`. */
  population?: InputMaybe<Scalars['Int']['input']>;
  /** Reference date (Stichtag) of the population, not in the future; null when its source states none. Written together with `population`. */
  populationAsOf?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Key of the source the population is taken from; required with a population, null without one. Create a source first with `createSource`. */
  populationSource?: InputMaybe<Scalars['String']['input']>;
  /** Stable slug, e.g. `herten`; cannot be changed later. */
  slug: Scalars['String']['input'];
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Federal state. */
  state: State;
  /** Official website (http or https). */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** A new software product (admins only). */
export type CreateProductInput = {
  /** What it does, in German. */
  description: Scalars['String']['input'];
  /** Product name. */
  name: Scalars['String']['input'];
  /** Stable slug; cannot be changed later. */
  slug: Scalars['String']['input'];
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Topic keys, e.g. `["e-file"]`; replaces the list. `topics` lists the keys. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Slug of the provider that makes it; null when not known. */
  vendor?: InputMaybe<Scalars['String']['input']>;
};

/** A new project. It starts as a draft: publish it with `publishProject`. */
export type CreateProjectInput = {
  /** When it was completed. */
  completedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** The costs, in the order the source lists them, at most 50; replaces the list: an entry with `id` changes that cost item, one without adds one, cost items left out are removed. */
  costs?: InputMaybe<Array<CostItemInput>>;
  /** ID of the field of action (of that strategy) the project serves; null for none. */
  fieldOfAction?: InputMaybe<Scalars['ID']['input']>;
  /** Slug of the municipality that runs the project; an editor token may name only its own. */
  municipality: Scalars['String']['input'];
  /** Editorial remark, e.g. where sources are ambiguous. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Slugs of partner municipalities; replaces the list. */
  partners?: InputMaybe<Array<Scalars['String']['input']>>;
  /** When it is planned to end. */
  plannedEndOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Slugs of the software products used; replaces the list. */
  products?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Slugs of the providers involved; replaces the list. */
  providers?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Slugs of the software products the project replaces (not uses); replaces the list. */
  replacedProducts?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Stable slug, e.g. `herten-kita-online`: lowercase letters, digits and hyphens; cannot be changed later. An editor token's slugs begin with its municipality's slug and a hyphen. */
  slug: Scalars['String']['input'];
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** When work started: `2021`, `2021-08` or `2021-08-26`. */
  startedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Progress of the project. */
  status: ProjectStatus;
  /** The date the status is valid for according to its source (`2018`, `2018-11` or `2018-11-22`), not in the future. A status change without one clears it; publishing a status change records it as the date of the change in `statusHistory`. */
  statusAsOf?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Slug of the strategy (of the same municipality) the project belongs to; null for none. */
  strategy?: InputMaybe<Scalars['String']['input']>;
  /** Summary in German, in your own words. */
  summary: Scalars['String']['input'];
  /** Title in German. */
  title: Scalars['String']['input'];
  /** Topic keys, e.g. `["e-file"]`; replaces the list. `topics` lists the keys. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A new provider (admins only). */
export type CreateProviderInput = {
  /** What the provider does, in German. */
  description: Scalars['String']['input'];
  /** Kind of provider. */
  kind: ProviderKind;
  /** Legal name, e.g. `Kommunales Rechenzentrum Niederrhein`. */
  legalName?: InputMaybe<Scalars['String']['input']>;
  /** Common name, e.g. `KRZN`. */
  name: Scalars['String']['input'];
  /** Seat (town). */
  seat?: InputMaybe<Scalars['String']['input']>;
  /** Stable slug, e.g. `krzn`; cannot be changed later. */
  slug: Scalars['String']['input'];
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** States the provider serves; replaces the list. */
  statesServed?: InputMaybe<Array<State>>;
  /** Website (http or https). */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** A new source. It starts as a draft: publish it with `publishSource`. */
export type CreateSourceInput = {
  /** Author, where named. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** Stable key that records cite it by, e.g. `herten-ratsvorlage-2023-141`; cannot be changed later. An editor token's keys begin with its municipality's slug and a hyphen. */
  key: Scalars['String']['input'];
  /** Slug of the municipality whose editors maintain the source; an editor's own when left out. Admins may leave it out for a hub-wide source. */
  municipality?: InputMaybe<Scalars['String']['input']>;
  /** Editorial remark, e.g. on what the source leaves unclear. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Publication date, to the precision known. */
  publishedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Who published it, e.g. `Stadt Herten` or a newspaper. */
  publisher?: InputMaybe<Scalars['String']['input']>;
  /** Title of the publication. */
  title: Scalars['String']['input'];
  /** Address of the publication (http or https). */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** A new strategy. It starts as a draft: publish it with `publishStrategy`. */
export type CreateStrategyInput = {
  /** When the council adopted it (or it came into force). */
  adoptedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Slugs of the consultancies that helped write it; replaces the list. */
  consultants?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Keys of the council decisions of the strategy's municipality that carried it (`Municipality.decisions`); replaces the list. */
  decisions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Year the strategy looks ahead to, e.g. 2025. */
  horizon?: InputMaybe<Scalars['Int']['input']>;
  /** Slug of the municipality; an editor token may name only its own. */
  municipality: Scalars['String']['input'];
  /** Editorial remark, e.g. where sources disagree. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** When it was presented to the council or public. */
  presentedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Stable slug, e.g. `ratingen-digital-2025plus`; cannot be changed later. An editor token's slugs begin with its municipality's slug and a hyphen. */
  slug: Scalars['String']['input'];
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Life-cycle state. */
  status: StrategyStatus;
  /** The date the status is valid for according to its source (`2020`, `2020-12` or `2020-12-21`), not in the future. A status change without one clears it. */
  statusAsOf?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Summary in German, in your own words. */
  summary: Scalars['String']['input'];
  /** Title of the strategy. */
  title: Scalars['String']['input'];
  /** Vision or motto. */
  vision?: InputMaybe<Scalars['String']['input']>;
};

/** A new topic (admins only). */
export type CreateTopicInput = {
  /** What the topic covers, in German. */
  description: Scalars['String']['input'];
  /** Stable key used in filters, e.g. `e-file`; cannot be changed later. */
  key: Scalars['String']['input'];
  /** German label, e.g. `E-Akte`. */
  labelDe: Scalars['String']['input'];
  /** English label, e.g. `e-file`. */
  labelEn: Scalars['String']['input'];
};

/** One sitting's treatment of a council paper or motion. */
export type Decision = Node & Publishable & {
  __typename?: 'Decision';
  /** Council or committee that dealt with it. */
  body: Scalars['String']['output'];
  /** Date of the sitting. */
  date?: Maybe<Scalars['PartialDate']['output']>;
  /** What was decided, in German. */
  description?: Maybe<Scalars['String']['output']>;
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Key of the decision, unique within its municipality, e.g. `18-203-rat-2018-11-28`. */
  key: Scalars['String']['output'];
  /** Editorial remark, e.g. where the source is ambiguous. */
  note?: Maybe<Scalars['String']['output']>;
  /** What the body did with it. */
  outcome: DecisionOutcome;
  /** Draft, published or archived. The public only ever sees published records. */
  publicationState: PublicationState;
  /** Reference of the paper as printed, e.g. `20/281`. */
  reference?: Maybe<Scalars['String']['output']>;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** Subject of the paper. */
  title: Scalars['String']['output'];
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Version of the record, raised by every write. Pass it to `update…` as the version you last saw. */
  version: Scalars['Int']['output'];
};


/** One sitting's treatment of a council paper or motion. */
export type DecisionRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** Changes to a council decision. Fields left out keep their value; null clears an optional field; lists replace the current list. */
export type DecisionInput = {
  /** Council or committee that dealt with it, e.g. `Rat`. */
  body?: InputMaybe<Scalars['String']['input']>;
  /** Date of the sitting: `2018`, `2018-11` or `2018-11-28`. */
  date?: InputMaybe<Scalars['PartialDate']['input']>;
  /** What was decided, in German. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Editorial remark, e.g. where the source is ambiguous. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** What the body did with the paper. */
  outcome?: InputMaybe<DecisionOutcome>;
  /** Reference of the paper as printed, e.g. `20/281`. */
  reference?: InputMaybe<Scalars['String']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Subject of the paper. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Outcome of a council paper at one sitting of one body. */
export type DecisionOutcome =
  /** Beschlossen. */
  | 'ADOPTED'
  /** Geändert beschlossen. */
  | 'ADOPTED_WITH_CHANGES'
  /** Zurückgestellt. */
  | 'DEFERRED'
  /** Zur Kenntnis genommen. */
  | 'NOTED'
  /** Eingebracht or presented; no vote yet. */
  | 'PRESENTED'
  /** Abgelehnt. */
  | 'REJECTED'
  /** The source does not say, or says it ambiguously (see the note). */
  | 'UNKNOWN';

/** A provider working for a municipality in a given role. */
export type Engagement = Node & Publishable & {
  __typename?: 'Engagement';
  /** What the provider does for the municipality, in German. */
  description: Scalars['String']['output'];
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** The municipality served. */
  municipality: Municipality;
  /** Editorial remark. */
  note?: Maybe<Scalars['String']['output']>;
  /** The provider. */
  provider: Provider;
  /** Draft, published or archived. The public only ever sees published records. */
  publicationState: PublicationState;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Role of the provider. */
  role: EngagementRole;
  /** Since when. */
  since?: Maybe<Scalars['PartialDate']['output']>;
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Version of the record, raised by every write. Pass it to `update…` as the version you last saw. */
  version: Scalars['Int']['output'];
};


/** A provider working for a municipality in a given role. */
export type EngagementRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** Changes to an engagement. Fields left out keep their value; null clears an optional field; lists replace the current list. */
export type EngagementInput = {
  /** What the provider does for the municipality, in German. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Editorial remark. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Since when the provider works in this role. */
  since?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Role of a provider in its engagement with a municipality. */
export type EngagementRole =
  /** Advises, e.g. on drawing up a strategy. */
  | 'CONSULTING'
  /** Builds or runs infrastructure such as fibre networks. */
  | 'INFRASTRUCTURE'
  /** Runs (parts of) the municipality's IT operations. */
  | 'IT_OPERATIONS'
  /** Any other role. */
  | 'OTHER'
  /** Partner in the municipality's digital development. */
  | 'PARTNER'
  /** Hosts and operates software for the municipality. */
  | 'SOFTWARE_HOSTING'
  /** Supplies or licenses software. */
  | 'SOFTWARE_SUPPLY'
  /** Trains or certifies staff. */
  | 'TRAINING';

/** The before and after of one changed field. */
export type FieldChange = {
  __typename?: 'FieldChange';
  /** The value after, as a JSON value (`null` when emptied). */
  after?: Maybe<Scalars['JSON']['output']>;
  /** The value before (`null` when the field was empty or the record new), as a JSON value: text, number, boolean, list or object; related records by slug or key. */
  before?: Maybe<Scalars['JSON']['output']>;
  /** Field name, as in the GraphQL type (relations by name, e.g. `topics`). */
  field: Scalars['String']['output'];
};

/** A field of action (Handlungsfeld) of a strategy. */
export type FieldOfAction = Node & Publishable & {
  __typename?: 'FieldOfAction';
  /** What the field covers, in German. */
  description?: Maybe<Scalars['String']['output']>;
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** 1-based position within the strategy, as the strategy numbers it. */
  position: Scalars['Int']['output'];
  /** Projects assigned to this field of action. */
  projects: Array<Project>;
  /** Draft, published or archived. The public only ever sees published records. */
  publicationState: PublicationState;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** Strategy the field belongs to. */
  strategy: Strategy;
  /** Title, e.g. `Digitalisierung der Schulen`. */
  title: Scalars['String']['output'];
  /** Topics of the shared taxonomy this record is tagged with. */
  topics: Array<Topic>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Version of the record, raised by every write. Pass it to `update…` as the version you last saw. */
  version: Scalars['Int']['output'];
};


/** A field of action (Handlungsfeld) of a strategy. */
export type FieldOfActionProjectsArgs = {
  first?: Scalars['Int']['input'];
};


/** A field of action (Handlungsfeld) of a strategy. */
export type FieldOfActionRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** Changes to a field of action. Fields left out keep their value; null clears an optional field; lists replace the current list. */
export type FieldOfActionInput = {
  /** What the field covers, in German. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Title, e.g. `Digitalisierung der Schulen`. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Topic keys, e.g. `["e-file"]`; replaces the list. `topics` lists the keys. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A measured figure, e.g. processes identified vs. done: its definition, with its dated values in `values`. */
export type Indicator = Node & Publishable & {
  __typename?: 'Indicator';
  /** When the latest figure was taken: `asOf` of the last of `values`. Kept for clients from before series. */
  asOf?: Maybe<Scalars['PartialDate']['output']>;
  /** Which direction of the figure is the better one, where the sources say. */
  betterWhen: BetterWhen;
  /** What exactly is counted or measured, in German. */
  definition?: Maybe<Scalars['String']['output']>;
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Key, unique within the municipality, e.g. `processes-digitised`; `compare` picks indicators by it. */
  key: Scalars['String']['output'];
  /** What is measured, in German. */
  name: Scalars['String']['output'];
  /** Editorial remark. */
  note?: Maybe<Scalars['String']['output']>;
  /** Draft, published or archived. The public only ever sees published records. */
  publicationState: PublicationState;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** Unit of all its values, e.g. `Prozesse`. */
  unit: Scalars['String']['output'];
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** The latest figure: `value` of the last of `values`. Kept for clients from before series. */
  value: Scalars['Float']['output'];
  /** The dated values, oldest first (a value without a date, from before series, first of all); the last is the latest, which `value` and `asOf` show. */
  values: Array<IndicatorValue>;
  /** Version of the record, raised by every write. Pass it to `update…` as the version you last saw. */
  version: Scalars['Int']['output'];
};


/** A measured figure, e.g. processes identified vs. done: its definition, with its dated values in `values`. */
export type IndicatorRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** Changes to an indicator. Fields left out keep their value; null clears an optional field; lists replace the current list. */
export type IndicatorInput = {
  /** Which direction of the figure is the better one. */
  betterWhen?: InputMaybe<BetterWhen>;
  /** What exactly is counted or measured, in German. */
  definition?: InputMaybe<Scalars['String']['input']>;
  /** What is measured, in German. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Editorial remark. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Slug of the strategy (of the same municipality) the figure measures; null for none. */
  strategy?: InputMaybe<Scalars['String']['input']>;
  /** Unit of all its values, e.g. `Prozesse`. */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** The dated values, 1 to 50; replaces the list: an entry with `id` changes that value, one without adds a value, values left out are removed. `value` and `asOf` of the indicator then show the latest. */
  values?: InputMaybe<Array<IndicatorValueInput>>;
};

/** One compared municipality's series of one chosen indicator (`compare(indicators:)`): its dated values. */
export type IndicatorSeries = {
  __typename?: 'IndicatorSeries';
  /** The municipality's published indicator with this key: name, unit, `betterWhen`, definition, sources. Null when it has none. */
  indicator?: Maybe<Indicator>;
  /** The indicator's key, as chosen in `compare(indicators:)`. */
  key: Scalars['String']['output'];
  /** The municipality. */
  municipality: Municipality;
  /** The indicator's values, oldest first; empty when it has none. */
  values: Array<IndicatorValue>;
};

/** One dated figure of an indicator: a point of its series. */
export type IndicatorValue = Node & {
  __typename?: 'IndicatorValue';
  /** When the figure was taken. Null only for a figure whose source gives no date (recorded before indicators had series); a value written through the API always has one. */
  asOf?: Maybe<Scalars['PartialDate']['output']>;
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Editorial remark on this figure. */
  note?: Maybe<Scalars['String']['output']>;
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** The figure, in the indicator's unit. */
  value: Scalars['Float']['output'];
};

/** One dated value of an indicator: with `id`, a value the indicator has, changed to these fields; without, a new value. */
export type IndicatorValueInput = {
  /** When the figure was taken; one value per date. */
  asOf: Scalars['PartialDate']['input'];
  /** ID of a value the indicator has, to change it; leave out for a new value. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Editorial remark on this figure; left out, it keeps its value. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The figure, in the indicator's unit. */
  value: Scalars['Float']['input'];
};

/** Language of a label. */
export type Language =
  /** German. */
  | 'DE'
  /** English. */
  | 'EN';

/** A page of lessons learned. */
export type LessonConnection = {
  __typename?: 'LessonConnection';
  /** The items with their cursors. */
  edges: Array<LessonEdge>;
  /** The items, without cursors. */
  nodes: Array<LessonLearned>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, on all pages: exact up to 1,000 items; above that an estimate from the database's statistics (see `totalCountIsExact`), never below 1,001. Counted only when asked. */
  totalCount: Scalars['Int']['output'];
  /** Whether `totalCount` is exact. False when more than 1,000 items match a root list: the count is then an estimate (typically within a few percent, for a rare filter combination further off); page through the list to count exactly. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** A Lesson with its cursor. */
export type LessonEdge = {
  __typename?: 'LessonEdge';
  /** Opaque cursor of this item; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The Lesson. */
  node: LessonLearned;
};

/** Narrows a list of lessons learned. Every given criterion must hold; within one criterion any value may match. */
export type LessonFilter = {
  /** Kinds of lesson. */
  kinds?: InputMaybe<Array<LessonKind>>;
  /** Municipality slugs, e.g. `["herten", "kelsterbach"]`. */
  municipalities?: InputMaybe<Array<Scalars['String']['input']>>;
  /** States of the records' municipalities, e.g. `[NW, HE]`. */
  states?: InputMaybe<Array<State>>;
  /** Topic keys, e.g. `["e-file"]`; query `topics` for the list. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Changes to a lesson learned. Fields left out keep their value; null clears an optional field; lists replace the current list. */
export type LessonInput = {
  /** The lesson in full, in German, in your own words. */
  body?: InputMaybe<Scalars['String']['input']>;
  /** Kind of lesson. */
  kind?: InputMaybe<LessonKind>;
  /** Slug of the project (of the same municipality) it was learned in; null for none. */
  project?: InputMaybe<Scalars['String']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The lesson in one line, in German. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Topic keys, e.g. `["e-file"]`; replaces the list. `topics` lists the keys. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Kind of lesson learned. */
export type LessonKind =
  /** Something that went wrong or turned out harder than expected. */
  | 'PITFALL'
  /** Advice drawn from experience. */
  | 'RECOMMENDATION'
  /** Something that worked and is worth repeating. */
  | 'SUCCESS';

/** Something a municipality learned that others can reuse. */
export type LessonLearned = Node & Publishable & {
  __typename?: 'LessonLearned';
  /** The lesson in full, in German. */
  body: Scalars['String']['output'];
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Kind of lesson. */
  kind: LessonKind;
  /** Municipality that learned it. */
  municipality: Municipality;
  /** Project the lesson comes from, if any. */
  project?: Maybe<Project>;
  /** Draft, published or archived. The public only ever sees published records. */
  publicationState: PublicationState;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Stable slug. */
  slug: Scalars['String']['output'];
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** The lesson in one line, in German. */
  title: Scalars['String']['output'];
  /** Topics of the shared taxonomy this record is tagged with. */
  topics: Array<Topic>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Version of the record, raised by every write. Pass it to `update…` as the version you last saw. */
  version: Scalars['Int']['output'];
};


/** Something a municipality learned that others can reuse. */
export type LessonLearnedRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** Sort order of lessons learned; ties are broken by id in the same direction. */
export type LessonOrder = {
  /** Sort direction. */
  direction?: OrderDirection;
  /** Field to sort by. */
  field?: LessonOrderField;
};

/** Fields a list of lessons learned can be sorted by. */
export type LessonOrderField =
  /** By when the record was added to the hub. */
  | 'CREATED_AT'
  /** By slug. */
  | 'SLUG'
  /** By title. */
  | 'TITLE';

/** A German municipality (Stadt or Gemeinde). */
export type Municipality = Node & {
  __typename?: 'Municipality';
  /** The council decision with this key, or null: a draft only for the municipality's editors, as in `decisions`. */
  decision?: Maybe<Decision>;
  /** Council decisions, oldest first. */
  decisions: Array<Decision>;
  /** District (Kreis or Landkreis). */
  district?: Maybe<Scalars['String']['output']>;
  /** Providers working for the municipality, with their roles. */
  engagements: Array<Engagement>;
  /** Government region (Regierungsbezirk), where the state has them. */
  governmentRegion?: Maybe<Scalars['String']['output']>;
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** The indicator with this key, e.g. `processes-digitised`, or null: a draft only for the municipality's editors, as in `indicators`. */
  indicator?: Maybe<Indicator>;
  /** Measured figures of the municipality's digitalisation. */
  indicators: Array<Indicator>;
  /** Lessons the municipality learned. */
  lessons: Array<LessonLearned>;
  /** Name, e.g. `Herten`. */
  name: Scalars['String']['output'];
  /** Editorial remark, e.g. where sources disagree. */
  note?: Maybe<Scalars['String']['output']>;
  /** Official municipality key (Amtlicher Gemeindeschlüssel, AGS), 8 digits. */
  officialKey: Scalars['String']['output'];
  /** Population, as `populationSource` gives it; null when no source gives one. */
  population?: Maybe<Scalars['Int']['output']>;
  /** Reference date (Stichtag) of `population`; null when its source states none. */
  populationAsOf?: Maybe<Scalars['PartialDate']['output']>;
  /** The publication `population` is taken from; null without a population, or while that source is not published (for callers who cannot read drafts). */
  populationSource?: Maybe<Source>;
  /** The municipality's projects, filtered, sorted and paginated. */
  projects: ProjectConnection;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Stable slug, e.g. `herten`. */
  slug: Scalars['String']['output'];
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** State (Land). */
  state: State;
  /** German name of the state, e.g. `Nordrhein-Westfalen`. */
  stateName: Scalars['String']['output'];
  /** The municipality's strategies, newest adoption first. */
  strategies: Array<Strategy>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Official website. */
  website?: Maybe<Scalars['String']['output']>;
};


/** A German municipality (Stadt or Gemeinde). */
export type MunicipalityDecisionArgs = {
  key: Scalars['String']['input'];
};


/** A German municipality (Stadt or Gemeinde). */
export type MunicipalityDecisionsArgs = {
  first?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};


/** A German municipality (Stadt or Gemeinde). */
export type MunicipalityEngagementsArgs = {
  first?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};


/** A German municipality (Stadt or Gemeinde). */
export type MunicipalityIndicatorArgs = {
  key: Scalars['String']['input'];
};


/** A German municipality (Stadt or Gemeinde). */
export type MunicipalityIndicatorsArgs = {
  first?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};


/** A German municipality (Stadt or Gemeinde). */
export type MunicipalityLessonsArgs = {
  first?: Scalars['Int']['input'];
};


/** A German municipality (Stadt or Gemeinde). */
export type MunicipalityProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: Scalars['Int']['input'];
  orderBy?: InputMaybe<ProjectOrder>;
};


/** A German municipality (Stadt or Gemeinde). */
export type MunicipalityRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** A page of municipalities. */
export type MunicipalityConnection = {
  __typename?: 'MunicipalityConnection';
  /** The items with their cursors. */
  edges: Array<MunicipalityEdge>;
  /** The items, without cursors. */
  nodes: Array<Municipality>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, on all pages: exact up to 1,000 items; above that an estimate from the database's statistics (see `totalCountIsExact`), never below 1,001. Counted only when asked. */
  totalCount: Scalars['Int']['output'];
  /** Whether `totalCount` is exact. False when more than 1,000 items match a root list: the count is then an estimate (typically within a few percent, for a rare filter combination further off); page through the list to count exactly. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** A Municipality with its cursor. */
export type MunicipalityEdge = {
  __typename?: 'MunicipalityEdge';
  /** Opaque cursor of this item; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The Municipality. */
  node: Municipality;
};

/** Narrows a municipality list. */
export type MunicipalityFilter = {
  /** States, e.g. `[NW, HE]`. */
  states?: InputMaybe<Array<State>>;
};

/** Changes to a municipality (admins only). Fields left out keep their value; null clears an optional field. */
export type MunicipalityInput = {
  /** District (Kreis), for municipalities that belong to one. */
  district?: InputMaybe<Scalars['String']['input']>;
  /** Government region (Regierungsbezirk), where there is one. */
  governmentRegion?: InputMaybe<Scalars['String']['input']>;
  /** Official name, e.g. `Herten`. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Editorial remark. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Amtlicher Gemeindeschlüssel (AGS): 8 digits, starting with the state's prefix. */
  officialKey?: InputMaybe<Scalars['String']['input']>;
  /** Population, 1 to 10,000,000, as `populationSource` gives it; null clears it. Written together with `populationAsOf` and `populationSource`. */
  population?: InputMaybe<Scalars['Int']['input']>;
  /** Reference date (Stichtag) of the population, not in the future; null when its source states none. Written together with `population`. */
  populationAsOf?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Key of the source the population is taken from; required with a population, null without one. Create a source first with `createSource`. */
  populationSource?: InputMaybe<Scalars['String']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Federal state. */
  state?: InputMaybe<State>;
  /** Official website (http or https). */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** Sort order of municipalities; ties are broken by id in the same direction. */
export type MunicipalityOrder = {
  /** Sort direction. */
  direction?: OrderDirection;
  /** Field to sort by. */
  field?: MunicipalityOrderField;
};

/** Fields a list of municipalities can be sorted by. */
export type MunicipalityOrderField =
  /** By when the record was added to the hub. */
  | 'CREATED_AT'
  /** By name. */
  | 'NAME'
  /** By official municipality key (AGS), i.e. by state and district. */
  | 'OFFICIAL_KEY'
  /** By slug. */
  | 'SLUG';

export type Mutation = {
  __typename?: 'Mutation';
  /** Archives a budget line: it keeps its history, the public sees it gone, and it can no longer be changed. */
  archiveBudgetLine: BudgetLine;
  /** Archives a decision: it keeps its history, the public sees it gone, and it can no longer be changed. */
  archiveDecision: Decision;
  /** Archives a engagement: it keeps its history, the public sees it gone, and it can no longer be changed. */
  archiveEngagement: Engagement;
  /** Archives a field of action: it keeps its history, the public sees it gone, and it can no longer be changed. */
  archiveFieldOfAction: FieldOfAction;
  /** Archives a indicator: it keeps its history, the public sees it gone, and it can no longer be changed. */
  archiveIndicator: Indicator;
  /** Archives a lesson: it keeps its history, the public sees it gone, and it can no longer be changed. */
  archiveLessonLearned: LessonLearned;
  /** Archives a project: it keeps its history, the public sees it gone, and it can no longer be changed. */
  archiveProject: Project;
  /** Archives a source: it keeps its history, the public sees it gone, and it can no longer be changed. */
  archiveSource: Source;
  /** Archives a strategy: it keeps its history, the public sees it gone, and it can no longer be changed. */
  archiveStrategy: Strategy;
  /** Adds a budget line to a strategy, as a draft. */
  createBudgetLine: BudgetLine;
  /** Records one sitting's treatment of a council paper, as a draft. */
  createDecision: Decision;
  /** Records that a provider works for a municipality in a role, as a draft. */
  createEngagement: Engagement;
  /** Adds a field of action to a strategy, as a draft. */
  createFieldOfAction: FieldOfAction;
  /** Creates an indicator of a municipality with its dated values, as a draft. */
  createIndicator: Indicator;
  /** Creates a lesson learned of a municipality, as a draft. */
  createLessonLearned: LessonLearned;
  /** Adds a municipality to the hub (admins only). */
  createMunicipality: Municipality;
  /** Adds a software product to the hub (admins only). */
  createProduct: Product;
  /** Creates a project of a municipality, as a draft. */
  createProject: Project;
  /** Adds a provider (IT service provider, vendor, consultancy) to the hub (admins only). */
  createProvider: Provider;
  /** Creates a source that records can cite, as a draft. */
  createSource: Source;
  /** Creates a strategy of a municipality, as a draft. */
  createStrategy: Strategy;
  /** Adds a topic that records can be tagged with (admins only). */
  createTopic: Topic;
  /** Makes a budget line public. Publishing a published one changes nothing. */
  publishBudgetLine: BudgetLine;
  /** Makes a decision public. Publishing a published one changes nothing. */
  publishDecision: Decision;
  /** Makes a engagement public. Publishing a published one changes nothing. */
  publishEngagement: Engagement;
  /** Makes a field of action public. Publishing a published one changes nothing. */
  publishFieldOfAction: FieldOfAction;
  /** Makes a indicator public. Publishing a published one changes nothing. */
  publishIndicator: Indicator;
  /** Makes a lesson public. Publishing a published one changes nothing. */
  publishLessonLearned: LessonLearned;
  /** Makes a project public. Publishing a published one changes nothing. */
  publishProject: Project;
  /** Makes a source public. Publishing a published one changes nothing. */
  publishSource: Source;
  /** Makes a strategy public. Publishing a published one changes nothing. */
  publishStrategy: Strategy;
  /** Takes a budget line back to a draft: the public no longer sees it. */
  unpublishBudgetLine: BudgetLine;
  /** Takes a decision back to a draft: the public no longer sees it. */
  unpublishDecision: Decision;
  /** Takes a engagement back to a draft: the public no longer sees it. */
  unpublishEngagement: Engagement;
  /** Takes a field of action back to a draft: the public no longer sees it. */
  unpublishFieldOfAction: FieldOfAction;
  /** Takes a indicator back to a draft: the public no longer sees it. */
  unpublishIndicator: Indicator;
  /** Takes a lesson back to a draft: the public no longer sees it. */
  unpublishLessonLearned: LessonLearned;
  /** Takes a project back to a draft: the public no longer sees it. */
  unpublishProject: Project;
  /** Takes a source back to a draft: the public no longer sees it. */
  unpublishSource: Source;
  /** Takes a strategy back to a draft: the public no longer sees it. */
  unpublishStrategy: Strategy;
  /** Changes a budget line, if it still has the version you last saw (CONFLICT otherwise). */
  updateBudgetLine: BudgetLine;
  /** Changes a council decision, if it still has the version you last saw (CONFLICT otherwise). */
  updateDecision: Decision;
  /** Changes an engagement, if it still has the version you last saw (CONFLICT otherwise). */
  updateEngagement: Engagement;
  /** Changes a field of action, if it still has the version you last saw (CONFLICT otherwise). */
  updateFieldOfAction: FieldOfAction;
  /** Changes an indicator and its dated values (`input.values` adds, changes and removes them), if it still has the version you last saw (CONFLICT otherwise). */
  updateIndicator: Indicator;
  /** Changes a lesson learned, if it still has the version you last saw (CONFLICT otherwise). */
  updateLessonLearned: LessonLearned;
  /** Changes a municipality (admins only). */
  updateMunicipality: Municipality;
  /** Changes a software product (admins only). */
  updateProduct: Product;
  /** Changes a project, if it still has the version you last saw (CONFLICT otherwise). */
  updateProject: Project;
  /** Changes a provider (admins only). */
  updateProvider: Provider;
  /** Changes a source, if it still has the version you last saw (CONFLICT otherwise). */
  updateSource: Source;
  /** Changes a strategy, if it still has the version you last saw (CONFLICT otherwise). */
  updateStrategy: Strategy;
  /** Changes a topic's labels or description (admins only). */
  updateTopic: Topic;
};


export type MutationArchiveBudgetLineArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationArchiveDecisionArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
  municipality?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationArchiveEngagementArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationArchiveFieldOfActionArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationArchiveIndicatorArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationArchiveLessonLearnedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationArchiveProjectArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationArchiveSourceArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationArchiveStrategyArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationCreateBudgetLineArgs = {
  input: CreateBudgetLineInput;
};


export type MutationCreateDecisionArgs = {
  input: CreateDecisionInput;
};


export type MutationCreateEngagementArgs = {
  input: CreateEngagementInput;
};


export type MutationCreateFieldOfActionArgs = {
  input: CreateFieldOfActionInput;
};


export type MutationCreateIndicatorArgs = {
  input: CreateIndicatorInput;
};


export type MutationCreateLessonLearnedArgs = {
  input: CreateLessonInput;
};


export type MutationCreateMunicipalityArgs = {
  input: CreateMunicipalityInput;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationCreateProjectArgs = {
  input: CreateProjectInput;
};


export type MutationCreateProviderArgs = {
  input: CreateProviderInput;
};


export type MutationCreateSourceArgs = {
  input: CreateSourceInput;
};


export type MutationCreateStrategyArgs = {
  input: CreateStrategyInput;
};


export type MutationCreateTopicArgs = {
  input: CreateTopicInput;
};


export type MutationPublishBudgetLineArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationPublishDecisionArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
  municipality?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationPublishEngagementArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationPublishFieldOfActionArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationPublishIndicatorArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationPublishLessonLearnedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationPublishProjectArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationPublishSourceArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationPublishStrategyArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUnpublishBudgetLineArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUnpublishDecisionArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
  municipality?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUnpublishEngagementArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUnpublishFieldOfActionArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUnpublishIndicatorArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUnpublishLessonLearnedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUnpublishProjectArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUnpublishSourceArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUnpublishStrategyArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUpdateBudgetLineArgs = {
  id: Scalars['ID']['input'];
  input: BudgetLineInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateDecisionArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: DecisionInput;
  key?: InputMaybe<Scalars['String']['input']>;
  municipality?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateEngagementArgs = {
  id: Scalars['ID']['input'];
  input: EngagementInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateFieldOfActionArgs = {
  id: Scalars['ID']['input'];
  input: FieldOfActionInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateIndicatorArgs = {
  id: Scalars['ID']['input'];
  input: IndicatorInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateLessonLearnedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: LessonInput;
  slug?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateMunicipalityArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: MunicipalityInput;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateProductArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: ProductInput;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateProjectArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: ProjectInput;
  slug?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateProviderArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: ProviderInput;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateSourceArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: SourceInput;
  key?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateStrategyArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: StrategyInput;
  slug?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateTopicArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: TopicInput;
  key?: InputMaybe<Scalars['String']['input']>;
};

/** An object with a globally unique ID, fetchable with `Query.node`. */
export type Node = {
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Sort direction. */
export type OrderDirection =
  /** Ascending: A to Z, oldest first. */
  | 'ASC'
  /** Descending: Z to A, newest first. */
  | 'DESC';

/** Where a page stands within its connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item; pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items precede this page (true when `after` was given). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of the page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Figures per inhabitant of the compared municipalities, each with its numerator and the population it divides by. */
export type PerInhabitantComparison = {
  __typename?: 'PerInhabitantComparison';
  /** One entry per compared municipality, in the requested order. */
  cities: Array<CityPerInhabitant>;
  /** Why the populations are not comparable by date, when they are not (then only `allowPopulationDateGap: true` gives the figures); null when they are. */
  populationDateGap?: Maybe<PopulationDateGap>;
};

/** One figure per inhabitant: `numerator` (EUR) divided by `denominator`, the municipality's population (`CityPerInhabitant.population` gives its date and source). `value` is null, with `unavailableReason`, where there is no sourced population: never an estimate. */
export type PerInhabitantFigure = {
  __typename?: 'PerInhabitantFigure';
  /** Denominator: the population; null where there is none sourced. */
  denominator?: Maybe<Scalars['Int']['output']>;
  /** What the figure is, in German, e.g. "Budget der veröffentlichten Strategien 2021". */
  label: Scalars['String']['output'];
  /** What the numerator is. */
  measure: PerInhabitantMeasure;
  /** Numerator: the amount in EUR, exact to the cent. */
  numerator: Scalars['Decimal']['output'];
  /** The project, for `PROJECT_ANNUAL_COST`; null otherwise. */
  project?: Maybe<Project>;
  /** Why `value` is null, in German, e.g. "Keine belegte Einwohnerzahl"; null when it is given. */
  unavailableReason?: Maybe<Scalars['String']['output']>;
  /** EUR per inhabitant, `numerator / denominator` rounded half up to the cent; null where unavailable. */
  value?: Maybe<Scalars['Decimal']['output']>;
  /** Budget year, for `STRATEGY_BUDGET`; null otherwise. */
  year?: Maybe<Scalars['Int']['output']>;
};

/** What a per-inhabitant figure divides by the population. */
export type PerInhabitantMeasure =
  /** The annual costs (`COST` items per year, in EUR) of one published project. */
  | 'PROJECT_ANNUAL_COST'
  /** The published budget of the municipality's published strategies in one year, all categories. */
  | 'STRATEGY_BUDGET';

/** A compared municipality's population reference date. */
export type PopulationDate = {
  __typename?: 'PopulationDate';
  /** Reference date (Stichtag) of its population. */
  asOf: Scalars['PartialDate']['output'];
  /** The municipality. */
  municipality: Municipality;
};

/** Why the sourced populations of a comparison cannot be shown to be counted within two years of each other: some have no reference date, or two lie more than two years apart. */
export type PopulationDateGap = {
  __typename?: 'PopulationDateGap';
  /** The earlier of two reference dates more than two years apart (the widest such pair); null when none are. */
  earlier?: Maybe<PopulationDate>;
  /** The later date of that pair; null when none are. */
  later?: Maybe<PopulationDate>;
  /** Compared municipalities whose sourced population has no reference date. */
  undated: Array<Municipality>;
};

/** A municipality's population with its reference date and its (published) source. */
export type PopulationFigure = {
  __typename?: 'PopulationFigure';
  /** Reference date (Stichtag) of the count; null when the source states none. */
  asOf?: Maybe<Scalars['PartialDate']['output']>;
  /** Inhabitants, as the source gives them. */
  count: Scalars['Int']['output'];
  /** The publication the count is taken from. */
  source: Source;
};

/** A software product used by municipalities. */
export type Product = Node & {
  __typename?: 'Product';
  /** What the product does, in German. */
  description: Scalars['String']['output'];
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Product name. */
  name: Scalars['String']['output'];
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Stable slug, e.g. `jugis`. */
  slug: Scalars['String']['output'];
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** Topics of the shared taxonomy this record is tagged with. */
  topics: Array<Topic>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Vendor of the product, where known. */
  vendor?: Maybe<Provider>;
};


/** A software product used by municipalities. */
export type ProductRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** A page of software products. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The items with their cursors. */
  edges: Array<ProductEdge>;
  /** The items, without cursors. */
  nodes: Array<Product>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, on all pages: exact up to 1,000 items; above that an estimate from the database's statistics (see `totalCountIsExact`), never below 1,001. Counted only when asked. */
  totalCount: Scalars['Int']['output'];
  /** Whether `totalCount` is exact. False when more than 1,000 items match a root list: the count is then an estimate (typically within a few percent, for a rare filter combination further off); page through the list to count exactly. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** A Product with its cursor. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Opaque cursor of this item; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The Product. */
  node: Product;
};

/** Changes to a software product (admins only). Fields left out keep their value; null clears an optional field; lists replace. */
export type ProductInput = {
  /** What it does, in German. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Product name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Topic keys, e.g. `["e-file"]`; replaces the list. `topics` lists the keys. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Slug of the provider that makes it; null when not known. */
  vendor?: InputMaybe<Scalars['String']['input']>;
};

/** Sort order of products; ties are broken by id in the same direction. */
export type ProductOrder = {
  /** Sort direction. */
  direction?: OrderDirection;
  /** Field to sort by. */
  field?: ProductOrderField;
};

/** Fields a list of products can be sorted by. */
export type ProductOrderField =
  /** By when the record was added to the hub. */
  | 'CREATED_AT'
  /** By name. */
  | 'NAME'
  /** By slug. */
  | 'SLUG';

/** A municipality's digitalisation project. */
export type Project = Node & Publishable & {
  __typename?: 'Project';
  /** When it was completed. */
  completedOn?: Maybe<Scalars['PartialDate']['output']>;
  /** What the project's cost items of kind `COST` add up to, one entry per currency by currency code (none without such items); comparison values and differences are left out. Computed from the published record only: a draft project has no summary, whoever reads it. */
  costSummary: Array<CostSummary>;
  /** Costs, in the order the source lists them. */
  costs: Array<CostItem>;
  /** Field of action the project serves, if any. */
  fieldOfAction?: Maybe<FieldOfAction>;
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Lessons learned in the project. */
  lessons: Array<LessonLearned>;
  /** Municipality that runs the project. */
  municipality: Municipality;
  /** Editorial remark, e.g. where sources are ambiguous. */
  note?: Maybe<Scalars['String']['output']>;
  /** Partner municipalities in the project. */
  partners: Array<Municipality>;
  /** When it is planned to end. */
  plannedEndOn?: Maybe<Scalars['PartialDate']['output']>;
  /** Software products used. */
  products: Array<Product>;
  /** Providers involved (IT service providers, vendors, consultancies). */
  providers: Array<Provider>;
  /** Draft, published or archived. The public only ever sees published records. */
  publicationState: PublicationState;
  /** Software products the project replaces: in use until it is done, not used by it (their vendors and hosts are the municipality's engagements, not the project's providers). */
  replacedProducts: Array<Product>;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Published projects of other municipalities that resemble this one (shared topics, wording of title and summary, a shared provider or product), best first, each with its reasons. Empty when nothing is plausibly similar: the list is never padded. */
  similar: Array<SimilarProject>;
  /** Stable slug, e.g. `herten-kita-online`. */
  slug: Scalars['String']['output'];
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** When work started. */
  startedOn?: Maybe<Scalars['PartialDate']['output']>;
  /** Progress of the project. */
  status: ProjectStatus;
  /** The date the status is valid for according to its source ("Stand laut Quelle"), e.g. `2018-11` for a council paper of November 2018; null when no source dates it. */
  statusAsOf?: Maybe<Scalars['PartialDate']['output']>;
  /** The project's public status history, oldest first: its status as its first source gave it, then each status it was published with. Status changes made while it was a draft do not show. */
  statusHistory: Array<ProjectStatusChange>;
  /** Strategy the project belongs to, if any. */
  strategy?: Maybe<Strategy>;
  /** Summary in German. */
  summary: Scalars['String']['output'];
  /** Title in German. */
  title: Scalars['String']['output'];
  /** Topics of the shared taxonomy this record is tagged with. */
  topics: Array<Topic>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Version of the record, raised by every write. Pass it to `update…` as the version you last saw. */
  version: Scalars['Int']['output'];
};


/** A municipality's digitalisation project. */
export type ProjectCostSummaryArgs = {
  first?: Scalars['Int']['input'];
};


/** A municipality's digitalisation project. */
export type ProjectCostsArgs = {
  first?: Scalars['Int']['input'];
};


/** A municipality's digitalisation project. */
export type ProjectLessonsArgs = {
  first?: Scalars['Int']['input'];
};


/** A municipality's digitalisation project. */
export type ProjectRevisionsArgs = {
  first?: Scalars['Int']['input'];
};


/** A municipality's digitalisation project. */
export type ProjectSimilarArgs = {
  first?: Scalars['Int']['input'];
};


/** A municipality's digitalisation project. */
export type ProjectStatusHistoryArgs = {
  first?: Scalars['Int']['input'];
};

/** A page of projects. */
export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  /** The items with their cursors. */
  edges: Array<ProjectEdge>;
  /** The items, without cursors. */
  nodes: Array<Project>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, on all pages: exact up to 1,000 items; above that an estimate from the database's statistics (see `totalCountIsExact`), never below 1,001. Counted only when asked. */
  totalCount: Scalars['Int']['output'];
  /** Whether `totalCount` is exact. False when more than 1,000 items match a root list: the count is then an estimate (typically within a few percent, for a rare filter combination further off); page through the list to count exactly. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** A Project with its cursor. */
export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  /** Opaque cursor of this item; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The Project. */
  node: Project;
};

/** Narrows a project list. Every given criterion must hold; within one criterion any value may match. */
export type ProjectFilter = {
  /** Municipality slugs, e.g. `["herten", "kelsterbach"]`. */
  municipalities?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Slugs of providers involved, e.g. `["krzn"]`. */
  providers?: InputMaybe<Array<Scalars['String']['input']>>;
  /** States of the records' municipalities, e.g. `[NW, HE]`. */
  states?: InputMaybe<Array<State>>;
  /** Project statuses. */
  statuses?: InputMaybe<Array<ProjectStatus>>;
  /** Topic keys, e.g. `["e-file"]`; query `topics` for the list. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Changes to a project. Fields left out keep their value; null clears an optional field; lists replace the current list. */
export type ProjectInput = {
  /** When it was completed. */
  completedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** The costs, in the order the source lists them, at most 50; replaces the list: an entry with `id` changes that cost item, one without adds one, cost items left out are removed. */
  costs?: InputMaybe<Array<CostItemInput>>;
  /** ID of the field of action (of that strategy) the project serves; null for none. */
  fieldOfAction?: InputMaybe<Scalars['ID']['input']>;
  /** Editorial remark, e.g. where sources are ambiguous. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Slugs of partner municipalities; replaces the list. */
  partners?: InputMaybe<Array<Scalars['String']['input']>>;
  /** When it is planned to end. */
  plannedEndOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Slugs of the software products used; replaces the list. */
  products?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Slugs of the providers involved; replaces the list. */
  providers?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Slugs of the software products the project replaces (not uses); replaces the list. */
  replacedProducts?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** When work started: `2021`, `2021-08` or `2021-08-26`. */
  startedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Progress of the project. */
  status?: InputMaybe<ProjectStatus>;
  /** The date the status is valid for according to its source (`2018`, `2018-11` or `2018-11-22`), not in the future. A status change without one clears it; publishing a status change records it as the date of the change in `statusHistory`. */
  statusAsOf?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Slug of the strategy (of the same municipality) the project belongs to; null for none. */
  strategy?: InputMaybe<Scalars['String']['input']>;
  /** Summary in German, in your own words. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Title in German. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Topic keys, e.g. `["e-file"]`; replaces the list. `topics` lists the keys. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Sort order of projects; ties are broken by id in the same direction. */
export type ProjectOrder = {
  /** Sort direction. */
  direction?: OrderDirection;
  /** Field to sort by. */
  field?: ProjectOrderField;
};

/** Fields a list of projects can be sorted by. */
export type ProjectOrderField =
  /** By when the record was added to the hub. */
  | 'CREATED_AT'
  /** By slug. */
  | 'SLUG'
  /** By status. */
  | 'STATUS'
  /** By title. */
  | 'TITLE'
  /** By when the record was last changed. */
  | 'UPDATED_AT';

/** Progress of a project. */
export type ProjectStatus =
  /** Finished. */
  | 'COMPLETED'
  /** Named as a possible project; no decision to carry it out yet. */
  | 'IDEA'
  /** Being carried out. */
  | 'IN_PROGRESS'
  /** The sources do not say how far the project has got; recorded instead of a guessed status. */
  | 'NOT_STATED'
  /** Decided or scheduled, not started. */
  | 'PLANNED'
  /** Abandoned or put on hold. */
  | 'STOPPED';

/** One step of a project's public status history: a status and since when it held. */
export type ProjectStatusChange = {
  __typename?: 'ProjectStatusChange';
  /** When the hub recorded the change. */
  recordedAt: Scalars['DateTime']['output'];
  /** Since when the status held: the date its source gives (`statusAsOf`), else the day it was published; null when not known. */
  since?: Maybe<Scalars['PartialDate']['output']>;
  /** The publication the status is taken from; null when none is named (or it is not published). */
  source?: Maybe<Source>;
  /** The status the project had from `since`. */
  status: ProjectStatus;
};

/** How many published projects have one status. */
export type ProjectStatusCount = {
  __typename?: 'ProjectStatusCount';
  /** Number of published projects with this status. */
  count: Scalars['Int']['output'];
  /** The status. */
  status: ProjectStatus;
};

/** An organisation that serves municipalities. */
export type Provider = Node & {
  __typename?: 'Provider';
  /** Municipalities the provider works for, by name, with its roles there (published engagements only). */
  clients: Array<ProviderClient>;
  /** What the organisation does, in German. */
  description: Scalars['String']['output'];
  /** The provider's engagements with municipalities. */
  engagements: Array<Engagement>;
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Kind of organisation. */
  kind: ProviderKind;
  /** Full legal name. */
  legalName?: Maybe<Scalars['String']['output']>;
  /** Short name. */
  name: Scalars['String']['output'];
  /** Software products the provider makes. */
  products: Array<Product>;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Seat (town) of the organisation. */
  seat?: Maybe<Scalars['String']['output']>;
  /** Stable slug, e.g. `krzn`. */
  slug: Scalars['String']['output'];
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** States whose municipalities it serves, where known. */
  statesServed: Array<State>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Website. */
  website?: Maybe<Scalars['String']['output']>;
};


/** An organisation that serves municipalities. */
export type ProviderClientsArgs = {
  first?: Scalars['Int']['input'];
};


/** An organisation that serves municipalities. */
export type ProviderEngagementsArgs = {
  first?: Scalars['Int']['input'];
};


/** An organisation that serves municipalities. */
export type ProviderProductsArgs = {
  first?: Scalars['Int']['input'];
};


/** An organisation that serves municipalities. */
export type ProviderRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** A municipality a provider works for (from published engagements), with the provider's roles there. */
export type ProviderClient = {
  __typename?: 'ProviderClient';
  /** The client municipality. */
  municipality: Municipality;
  /** The provider's roles for the municipality, alphabetically. */
  roles: Array<EngagementRole>;
  /** Start of the earliest engagement, where known. */
  since?: Maybe<Scalars['PartialDate']['output']>;
};

/** A page of providers. */
export type ProviderConnection = {
  __typename?: 'ProviderConnection';
  /** The items with their cursors. */
  edges: Array<ProviderEdge>;
  /** The items, without cursors. */
  nodes: Array<Provider>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, on all pages: exact up to 1,000 items; above that an estimate from the database's statistics (see `totalCountIsExact`), never below 1,001. Counted only when asked. */
  totalCount: Scalars['Int']['output'];
  /** Whether `totalCount` is exact. False when more than 1,000 items match a root list: the count is then an estimate (typically within a few percent, for a rare filter combination further off); page through the list to count exactly. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** How many of the hub's municipalities in one state a provider serves (from published engagements), and what share of them that is. The denominator is the municipalities the hub holds in the state (within the filter), not all municipalities of the state: this is coverage within the hub, not a market share. */
export type ProviderCoverage = {
  __typename?: 'ProviderCoverage';
  /** `servedMunicipalities / hubMunicipalities`, from 0 to 1, rounded to four places by the database. */
  coverageShare: Scalars['Float']['output'];
  /** Denominator: the hub's municipalities of the state (within the filter's municipalities and states). Municipalities have no drafts: every one in the hub counts. */
  hubMunicipalities: Scalars['Int']['output'];
  /** Population of the denominator's municipalities; null when `populationCoverageShare` is. */
  hubPopulation?: Maybe<Scalars['Int']['output']>;
  /** Why `populationCoverageShare` is null, in English; null when it is given. */
  populationCoverageNote?: Maybe<Scalars['String']['output']>;
  /** `servedPopulation / hubPopulation`, from 0 to 1, rounded to four places: the share weighted by population. Null when a municipality of the denominator has no population in the hub (see `populationCoverageNote`). */
  populationCoverageShare?: Maybe<Scalars['Float']['output']>;
  /** The provider. */
  provider: Provider;
  /** Numerator: the hub's municipalities of the state (within the filter) where the provider has a published engagement (in one of the given roles, if any). */
  servedMunicipalities: Scalars['Int']['output'];
  /** Population of the served municipalities; null when `populationCoverageShare` is. */
  servedPopulation?: Maybe<Scalars['Int']['output']>;
  /** The state. */
  state: State;
};

/** A Provider with its cursor. */
export type ProviderEdge = {
  __typename?: 'ProviderEdge';
  /** Opaque cursor of this item; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The Provider. */
  node: Provider;
};

/** Narrows a provider list. Every given criterion must hold; within one criterion any value may match. */
export type ProviderFilter = {
  /** Kinds of provider. */
  kinds?: InputMaybe<Array<ProviderKind>>;
  /** Slugs of the providers, e.g. `["krzn"]` (unknown slugs are left out). */
  slugs?: InputMaybe<Array<Scalars['String']['input']>>;
  /** States the provider serves. */
  states?: InputMaybe<Array<State>>;
};

/** Changes to a provider (admins only). Fields left out keep their value; null clears an optional field; lists replace. */
export type ProviderInput = {
  /** What the provider does, in German. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Kind of provider. */
  kind?: InputMaybe<ProviderKind>;
  /** Legal name, e.g. `Kommunales Rechenzentrum Niederrhein`. */
  legalName?: InputMaybe<Scalars['String']['input']>;
  /** Common name, e.g. `KRZN`. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Seat (town). */
  seat?: InputMaybe<Scalars['String']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** States the provider serves; replaces the list. */
  statesServed?: InputMaybe<Array<State>>;
  /** Website (http or https). */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** Kind of organisation a provider is. */
export type ProviderKind =
  /** Association, federation or initiative. */
  | 'ASSOCIATION'
  /** Consulting firm. */
  | 'CONSULTANCY'
  /** Company owned by a municipality, e.g. Stadtwerke or a local business development agency. */
  | 'MUNICIPAL_COMPANY'
  /** Kommunaler IT-Dienstleister, e.g. a Zweckverband or municipally owned data centre. */
  | 'MUNICIPAL_IT_SERVICE_PROVIDER'
  /** Anything else. */
  | 'OTHER'
  /** Company that makes and sells software. */
  | 'SOFTWARE_VENDOR';

/** Sort order of providers; ties are broken by id in the same direction. */
export type ProviderOrder = {
  /** Sort direction. */
  direction?: OrderDirection;
  /** Field to sort by. */
  field?: ProviderOrderField;
};

/** Fields a list of providers can be sorted by. */
export type ProviderOrderField =
  /** By when the record was added to the hub. */
  | 'CREATED_AT'
  /** By name. */
  | 'NAME'
  /** By slug. */
  | 'SLUG';

/** A provider working for a municipality, with all its roles there (from published engagements). */
export type ProviderRoles = {
  __typename?: 'ProviderRoles';
  /** The provider. */
  provider: Provider;
  /** The provider's roles for the municipality, alphabetically. */
  roles: Array<EngagementRole>;
};

/** A provider's client municipalities in one state (from published engagements), as a share of the hub's municipalities there. Not a market share: the hub holds only a few municipalities of a state. Superseded by `ProviderCoverage`, which gives the same counts under clear names, and a population-weighted share. */
export type ProviderShare = {
  __typename?: 'ProviderShare';
  /** Municipalities of the state the provider works for. */
  clients: Scalars['Int']['output'];
  /** Municipalities of the state in the hub (within the filter). */
  municipalities: Scalars['Int']['output'];
  /** The provider. */
  provider: Provider;
  /** `clients / municipalities`, from 0 to 1, rounded to four places by the database. */
  share: Scalars['Float']['output'];
  /** The state. */
  state: State;
};

/** Where a record stands in its editorial life cycle. */
export type PublicationState =
  /** Withdrawn for good; kept with its history, but gone for the public. */
  | 'ARCHIVED'
  /** Being written; visible only to its municipality's editors and to admins. */
  | 'DRAFT'
  /** Public: everybody can read it. */
  | 'PUBLISHED';

/** A record municipal editors maintain: drafted, published, archived, with a version and revisions. */
export type Publishable = {
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Draft, published or archived. The public only ever sees published records. */
  publicationState: PublicationState;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Version of the record, raised by every write. Pass it to `update…` as the version you last saw. */
  version: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Public records created (or published), updated, unpublished and archived since a moment, in commit order: sync a portal by paging with `after` and remembering the last cursor, as OParl's `modified_since` allows. Children follow their parent: when a strategy leaves the public view, so do its fields of action and budget lines. `newestFirst` lists the latest first, `municipalities` and `topics` narrow the feed. */
  changes: ChangeConnection;
  /** Compares municipalities topic by topic: rows are topics, cells (one per municipality, in the requested order) hold the municipality's fields of action and projects on the topic with a coverage level; key figures per municipality sit beside the matrix. Only published records count. */
  compare: Comparison;
  /** The lesson learned with this slug, or null. Anonymous callers see published lessons; editors also their own municipality's drafts. */
  lesson?: Maybe<LessonLearned>;
  /** Lessons learned of all municipalities, filtered, sorted and paginated. */
  lessons: LessonConnection;
  /** Municipalities in the hub, filtered, sorted and paginated. */
  municipalities: MunicipalityConnection;
  /** The municipality with this slug, or null. */
  municipality?: Maybe<Municipality>;
  /** Fetches any object by its global `id`; null when none has that ID. */
  node?: Maybe<Node>;
  /** The product with this slug, or null. */
  product?: Maybe<Product>;
  /** Software products of every vendor, found by name or slug, sorted and paginated. */
  products: ProductConnection;
  /** The project with this slug, or null. */
  project?: Maybe<Project>;
  /** Projects of all municipalities, filtered, sorted and paginated. */
  projects: ProjectConnection;
  /** The provider with this slug, or null. */
  provider?: Maybe<Provider>;
  /** Providers (IT service providers, consultancies, vendors, …), filtered, sorted and paginated. */
  providers: ProviderConnection;
  /** Full-text search across all municipalities: German stemming, umlaut folding, typo tolerance, synonyms; filterable, with facets and marked snippets. An empty query browses by filter. */
  search: SearchResults;
  /** The source with this key, or null. Anonymous callers see published sources; editors also their own municipality's drafts. */
  source?: Maybe<Source>;
  /** Sources (publications the hub's facts are taken from), found by text and municipality, sorted and paginated. Anonymous callers see published sources; editors also their own municipality's drafts. */
  sources: SourceConnection;
  /** Aggregate answers over published records, without downloading them: projects by topic × state and by status, providers' coverage of the hub's municipalities, strategies by adoption year, budget totals. Filterable like `projects`. */
  stats: Stats;
  /** Strategies of all municipalities, filtered, sorted and paginated. */
  strategies: StrategyConnection;
  /** The strategy with this slug, or null. */
  strategy?: Maybe<Strategy>;
  /** The topic with this key (e.g. `e-file`), or null. */
  topic?: Maybe<Topic>;
  /** The shared topic taxonomy, sorted by key. */
  topics: TopicConnection;
  /** The API token of this request (`Authorization: Bearer …`); null for anonymous callers. */
  viewer?: Maybe<Viewer>;
  /** Inter-municipal (IKZ) working groups, sorted by name. */
  workingGroups: WorkingGroupConnection;
};


export type QueryChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  municipalities?: InputMaybe<Array<Scalars['String']['input']>>;
  newestFirst?: Scalars['Boolean']['input'];
  since: Scalars['DateTime']['input'];
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryCompareArgs = {
  indicators?: InputMaybe<Array<Scalars['String']['input']>>;
  municipalities: Array<Scalars['String']['input']>;
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryLessonArgs = {
  slug: Scalars['String']['input'];
};


export type QueryLessonsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<LessonFilter>;
  first?: Scalars['Int']['input'];
  orderBy?: InputMaybe<LessonOrder>;
};


export type QueryMunicipalitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MunicipalityFilter>;
  first?: Scalars['Int']['input'];
  orderBy?: InputMaybe<MunicipalityOrder>;
};


export type QueryMunicipalityArgs = {
  slug: Scalars['String']['input'];
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductArgs = {
  slug: Scalars['String']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  orderBy?: InputMaybe<ProductOrder>;
  query?: InputMaybe<Scalars['String']['input']>;
  slugs?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryProjectArgs = {
  slug: Scalars['String']['input'];
};


export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: Scalars['Int']['input'];
  orderBy?: InputMaybe<ProjectOrder>;
};


export type QueryProviderArgs = {
  slug: Scalars['String']['input'];
};


export type QueryProvidersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProviderFilter>;
  first?: Scalars['Int']['input'];
  orderBy?: InputMaybe<ProviderOrder>;
  query?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SearchFilter>;
  first?: Scalars['Int']['input'];
  query: Scalars['String']['input'];
};


export type QuerySourceArgs = {
  key: Scalars['String']['input'];
};


export type QuerySourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  keys?: InputMaybe<Array<Scalars['String']['input']>>;
  municipality?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<SourceOrder>;
  query?: InputMaybe<Scalars['String']['input']>;
};


export type QueryStatsArgs = {
  filter?: InputMaybe<ProjectFilter>;
};


export type QueryStrategiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StrategyFilter>;
  first?: Scalars['Int']['input'];
  orderBy?: InputMaybe<StrategyOrder>;
};


export type QueryStrategyArgs = {
  slug: Scalars['String']['input'];
};


export type QueryTopicArgs = {
  key: Scalars['String']['input'];
};


export type QueryTopicsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  direction?: OrderDirection;
  first?: Scalars['Int']['input'];
};


export type QueryWorkingGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkingGroupFilter>;
  first?: Scalars['Int']['input'];
};

/** One write to a record: who, when, and the before and after of each changed field. */
export type Revision = {
  __typename?: 'Revision';
  /** What the write did. */
  action: RevisionAction;
  /** Name of the API token that wrote, e.g. `Amt 10 – Digitalisierung`, or of the person who wrote signed in through their town's single sign-on, e.g. `Erika Mustermann`. */
  actor: Scalars['String']['output'];
  /** When the write was committed. */
  at: Scalars['DateTime']['output'];
  /** The changed fields with their values before and after. */
  changes: Array<FieldChange>;
  /** The record's version after the write; null for records without versions. */
  version?: Maybe<Scalars['Int']['output']>;
};

/** What a write did to a record. */
export type RevisionAction =
  /** The record was archived. */
  | 'ARCHIVED'
  /** The record was created. */
  | 'CREATED'
  /** The record was made public. */
  | 'PUBLISHED'
  /** The record was taken back to a draft. */
  | 'UNPUBLISHED'
  /** Fields of the record were changed. */
  | 'UPDATED';

/** How the matches spread over the values of one field. */
export type SearchFacet = {
  __typename?: 'SearchFacet';
  /** The field counted. */
  field: SearchFacetField;
  /** The most frequent values (at most 20), most frequent first. */
  values: Array<SearchFacetValue>;
};

/** A field search results are counted by. */
export type SearchFacetField =
  /** Municipality; values are slugs. */
  | 'MUNICIPALITY'
  /** Provider involved; values are provider slugs. */
  | 'PROVIDER'
  /** State of the municipality; values are `State` codes. */
  | 'STATE'
  /** Status of projects and strategies. */
  | 'STATUS'
  /** Topic; values are topic keys. */
  | 'TOPIC'
  /** Kind of record; values are `SearchResultType` names. */
  | 'TYPE';

/** A value of a facet and how many matches have it. */
export type SearchFacetValue = {
  __typename?: 'SearchFacetValue';
  /** Matches with this value. */
  count: Scalars['Int']['output'];
  /** Human-readable German label of the value. */
  label: Scalars['String']['output'];
  /** The value, as `SearchFilter` takes it: a slug, key, code or type name. */
  value: Scalars['String']['output'];
};

/** Narrows a search. Every given criterion must hold; within one criterion any value may match. */
export type SearchFilter = {
  /** Municipality slugs, e.g. `["herten"]`. Providers have no municipality and drop out. */
  municipalities?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Provider slugs, e.g. `["krzn"]`: the providers and the projects and strategies they work on. */
  providers?: InputMaybe<Array<Scalars['String']['input']>>;
  /** States of the records' municipalities, e.g. `[NW]`. */
  states?: InputMaybe<Array<State>>;
  /** Statuses of projects (`ProjectStatus`) and strategies (`StrategyStatus`), e.g. `["IN_PROGRESS"]`. */
  statuses?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Topic keys, e.g. `["childcare"]`; query `topics` for the list. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Kinds of record, e.g. `[PROJECT, LESSON_LEARNED]`. */
  types?: InputMaybe<Array<SearchResultType>>;
};

/** A field of the record where the query matched, with the matched words marked. */
export type SearchHighlight = {
  __typename?: 'SearchHighlight';
  /** Name of the field: `title`, `summary` or `body` (the record's main text: description, body, note). */
  field: Scalars['String']['output'];
  /** HTML-escaped excerpt of the field with the matched words in `<mark>…</mark>`; nothing else is markup. */
  snippet: Scalars['String']['output'];
};

/** A record that matches the search, with why it matched. */
export type SearchHit = {
  __typename?: 'SearchHit';
  /** Matched fields with marked snippets, title first; empty when browsing without a query. */
  highlights: Array<SearchHighlight>;
  /** Municipality the record belongs to; null for providers. */
  municipality?: Maybe<Municipality>;
  /** The record. */
  node: SearchNode;
  /** Relevance: higher is better. Comparable only within one result. */
  score: Scalars['Float']['output'];
};

/** A record found by search. */
export type SearchNode = FieldOfAction | LessonLearned | Municipality | Project | Provider | Strategy;

/** A kind of record that search finds. */
export type SearchResultType =
  /** Fields of action of strategies. */
  | 'FIELD_OF_ACTION'
  /** Lessons learned. */
  | 'LESSON_LEARNED'
  /** Municipalities. */
  | 'MUNICIPALITY'
  /** Projects. */
  | 'PROJECT'
  /** Providers (IT service providers, vendors, consultancies). */
  | 'PROVIDER'
  /** Digitalisation strategies. */
  | 'STRATEGY';

/** Results of a search across all municipalities. */
export type SearchResults = {
  __typename?: 'SearchResults';
  /** Counts per type, municipality, state, topic, status and provider over the matches counted in `totalCount`. */
  facets: Array<SearchFacet>;
  /** This page of hits, best first. */
  hits: Array<SearchHit>;
  /** Paging information; pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** Matches of the query and filter, counted up to 500 (see `totalCountIsExact`). */
  totalCount: Scalars['Int']['output'];
  /** False when more than 500 records match: then `totalCount` is 500, and only the best 500 can be paged through. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** A project of another municipality suggested for reuse, with the reasons it is suggested. */
export type SimilarProject = {
  __typename?: 'SimilarProject';
  /** The suggested project. */
  project: Project;
  /** Why it is suggested, most telling first, e.g. `same topic: childcare`, `same provider: KRZN`. Never empty. */
  reasons: Array<Scalars['String']['output']>;
  /** Similarity from 0 (unrelated) to 1: 0.5 × shared topics + 0.3 × shared wording + 0.2 × a shared provider or product. */
  score: Scalars['Float']['output'];
};

/** A publication that facts in the hub are taken from. */
export type Source = Node & Publishable & {
  __typename?: 'Source';
  /** Author, where named. */
  author?: Maybe<Scalars['String']['output']>;
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Stable key of the source. */
  key: Scalars['String']['output'];
  /** Municipality whose editors maintain the source; null for sources the hub's operators keep. */
  municipality?: Maybe<Municipality>;
  /** Editorial remark, e.g. on what the source leaves unclear. */
  note?: Maybe<Scalars['String']['output']>;
  /** Draft, published or archived. The public only ever sees published records. */
  publicationState: PublicationState;
  /** Publication date, to the precision known. */
  publishedOn?: Maybe<Scalars['PartialDate']['output']>;
  /** Who published it; null when not known. */
  publisher?: Maybe<Scalars['String']['output']>;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Title of the publication. */
  title: Scalars['String']['output'];
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Address of the publication, where known. */
  url?: Maybe<Scalars['String']['output']>;
  /** Version of the record, raised by every write. Pass it to `update…` as the version you last saw. */
  version: Scalars['Int']['output'];
};


/** A publication that facts in the hub are taken from. */
export type SourceRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** A page of sources. */
export type SourceConnection = {
  __typename?: 'SourceConnection';
  /** The items with their cursors. */
  edges: Array<SourceEdge>;
  /** The items, without cursors. */
  nodes: Array<Source>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, on all pages: exact up to 1,000 items; above that an estimate from the database's statistics (see `totalCountIsExact`), never below 1,001. Counted only when asked. */
  totalCount: Scalars['Int']['output'];
  /** Whether `totalCount` is exact. False when more than 1,000 items match a root list: the count is then an estimate (typically within a few percent, for a rare filter combination further off); page through the list to count exactly. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** A Source with its cursor. */
export type SourceEdge = {
  __typename?: 'SourceEdge';
  /** Opaque cursor of this item; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The Source. */
  node: Source;
};

/** Changes to a source. Fields left out keep their value; null clears an optional field. */
export type SourceInput = {
  /** Author, where named. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** Editorial remark, e.g. on what the source leaves unclear. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Publication date, to the precision known. */
  publishedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Who published it, e.g. `Stadt Herten` or a newspaper. */
  publisher?: InputMaybe<Scalars['String']['input']>;
  /** Title of the publication. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Address of the publication (http or https). */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** Sort order of sources; ties are broken by id in the same direction. */
export type SourceOrder = {
  /** Sort direction. */
  direction?: OrderDirection;
  /** Field to sort by. */
  field?: SourceOrderField;
};

/** Fields a list of sources can be sorted by. */
export type SourceOrderField =
  /** By when the record was added to the hub. */
  | 'CREATED_AT'
  /** By key. */
  | 'KEY'
  /** By title. */
  | 'TITLE';

/** A German state (Land), by its ISO 3166-2:DE code without the `DE-` prefix. */
export type State =
  /** Brandenburg */
  | 'BB'
  /** Berlin */
  | 'BE'
  /** Baden-Württemberg */
  | 'BW'
  /** Bayern */
  | 'BY'
  /** Bremen */
  | 'HB'
  /** Hessen */
  | 'HE'
  /** Hamburg */
  | 'HH'
  /** Mecklenburg-Vorpommern */
  | 'MV'
  /** Niedersachsen */
  | 'NI'
  /** Nordrhein-Westfalen */
  | 'NW'
  /** Rheinland-Pfalz */
  | 'RP'
  /** Schleswig-Holstein */
  | 'SH'
  /** Saarland */
  | 'SL'
  /** Sachsen */
  | 'SN'
  /** Sachsen-Anhalt */
  | 'ST'
  /** Thüringen */
  | 'TH';

/** Aggregate figures over published records, computed by the database. Each figure costs one SQL statement, whatever the data size. */
export type Stats = {
  __typename?: 'Stats';
  /** Published budget lines of published strategies, summed by year and category. */
  budgetByYearAndCategory: Array<BudgetTotal>;
  /** Number of published projects that match the filter. */
  projectCount: Scalars['Int']['output'];
  /** Published projects by status; statuses without projects are left out. */
  projectsByStatus: Array<ProjectStatusCount>;
  /** Published projects by topic and state, by topic key and state; with a topic filter, only its topics. */
  projectsByTopicAndState: Array<TopicStateCount>;
  /** Each provider's coverage of the hub's municipalities per state: how many of them it serves (published engagements), out of how many, and the share, also weighted by population where every municipality has one; by state, then most served first. Narrowed by the filter's municipalities, states and providers, and by `providerKinds` and `roles`. */
  providerCoverage: Array<ProviderCoverage>;
  /**
   * Providers by number of client municipalities per state, by state, then most clients first; the share is of the hub's municipalities in the state, not a market share.
   * @deprecated Its `share` is no market share but the share of the hub's few municipalities in a state: use `providerCoverage`, which gives the same counts as `servedMunicipalities` / `hubMunicipalities`.
   */
  providersByClients: Array<ProviderShare>;
  /** Published strategies by year of adoption, oldest first; those without one last. */
  strategiesByAdoptionYear: Array<AdoptionYearCount>;
};


/** Aggregate figures over published records, computed by the database. Each figure costs one SQL statement, whatever the data size. */
export type StatsProviderCoverageArgs = {
  first?: Scalars['Int']['input'];
  providerKinds?: InputMaybe<Array<ProviderKind>>;
  roles?: InputMaybe<Array<EngagementRole>>;
};


/** Aggregate figures over published records, computed by the database. Each figure costs one SQL statement, whatever the data size. */
export type StatsProvidersByClientsArgs = {
  first?: Scalars['Int']['input'];
  providerKinds?: InputMaybe<Array<ProviderKind>>;
  roles?: InputMaybe<Array<EngagementRole>>;
};

/** A municipality's digitalisation strategy. */
export type Strategy = Node & Publishable & {
  __typename?: 'Strategy';
  /** When the council adopted it (or it came into force). */
  adoptedOn?: Maybe<Scalars['PartialDate']['output']>;
  /** Budget lines, by year, in the source's order. */
  budget: Array<BudgetLine>;
  /** Consultants who helped draw the strategy up. */
  consultants: Array<Provider>;
  /** Council decisions that carried the strategy, oldest first. */
  decisions: Array<Decision>;
  /** Fields of action, in the strategy's order. */
  fieldsOfAction: Array<FieldOfAction>;
  /** Year the strategy looks ahead to, e.g. 2025. */
  horizon?: Maybe<Scalars['Int']['output']>;
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Indicators that measure the strategy's progress. */
  indicators: Array<Indicator>;
  /** Municipality whose strategy it is. */
  municipality: Municipality;
  /** Editorial remark, e.g. where sources disagree. */
  note?: Maybe<Scalars['String']['output']>;
  /** When it was presented to the council or public. */
  presentedOn?: Maybe<Scalars['PartialDate']['output']>;
  /** Projects that belong to the strategy. */
  projects: Array<Project>;
  /** Draft, published or archived. The public only ever sees published records. */
  publicationState: PublicationState;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** Stable slug, e.g. `ratingen-digital-2025plus`. */
  slug: Scalars['String']['output'];
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** Life-cycle state. */
  status: StrategyStatus;
  /** The date the status is valid for according to its source ("Stand laut Quelle"), e.g. `2020-12-21` for a council resolution; null when no source dates it. */
  statusAsOf?: Maybe<Scalars['PartialDate']['output']>;
  /** Summary in German. */
  summary: Scalars['String']['output'];
  /** Title of the strategy. */
  title: Scalars['String']['output'];
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
  /** Version of the record, raised by every write. Pass it to `update…` as the version you last saw. */
  version: Scalars['Int']['output'];
  /** Vision or motto, e.g. `HI-digital: gemeinsam. einfach. besser.` */
  vision?: Maybe<Scalars['String']['output']>;
};


/** A municipality's digitalisation strategy. */
export type StrategyBudgetArgs = {
  first?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};


/** A municipality's digitalisation strategy. */
export type StrategyIndicatorsArgs = {
  first?: Scalars['Int']['input'];
};


/** A municipality's digitalisation strategy. */
export type StrategyProjectsArgs = {
  first?: Scalars['Int']['input'];
};


/** A municipality's digitalisation strategy. */
export type StrategyRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** A page of strategies. */
export type StrategyConnection = {
  __typename?: 'StrategyConnection';
  /** The items with their cursors. */
  edges: Array<StrategyEdge>;
  /** The items, without cursors. */
  nodes: Array<Strategy>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, on all pages: exact up to 1,000 items; above that an estimate from the database's statistics (see `totalCountIsExact`), never below 1,001. Counted only when asked. */
  totalCount: Scalars['Int']['output'];
  /** Whether `totalCount` is exact. False when more than 1,000 items match a root list: the count is then an estimate (typically within a few percent, for a rare filter combination further off); page through the list to count exactly. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** A Strategy with its cursor. */
export type StrategyEdge = {
  __typename?: 'StrategyEdge';
  /** Opaque cursor of this item; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The Strategy. */
  node: Strategy;
};

/** Narrows a strategy list. Every given criterion must hold; within one criterion any value may match. */
export type StrategyFilter = {
  /** Municipality slugs, e.g. `["herten", "kelsterbach"]`. */
  municipalities?: InputMaybe<Array<Scalars['String']['input']>>;
  /** States of the records' municipalities, e.g. `[NW, HE]`. */
  states?: InputMaybe<Array<State>>;
  /** Strategy statuses. */
  statuses?: InputMaybe<Array<StrategyStatus>>;
  /** Topic keys, e.g. `["e-file"]`; query `topics` for the list. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Changes to a strategy. Fields left out keep their value; null clears an optional field; lists replace the current list. */
export type StrategyInput = {
  /** When the council adopted it (or it came into force). */
  adoptedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Slugs of the consultancies that helped write it; replaces the list. */
  consultants?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Keys of the council decisions of the strategy's municipality that carried it (`Municipality.decisions`); replaces the list. */
  decisions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Year the strategy looks ahead to, e.g. 2025. */
  horizon?: InputMaybe<Scalars['Int']['input']>;
  /** Editorial remark, e.g. where sources disagree. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** When it was presented to the council or public. */
  presentedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Life-cycle state. */
  status?: InputMaybe<StrategyStatus>;
  /** The date the status is valid for according to its source (`2020`, `2020-12` or `2020-12-21`), not in the future. A status change without one clears it. */
  statusAsOf?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Summary in German, in your own words. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Title of the strategy. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Vision or motto. */
  vision?: InputMaybe<Scalars['String']['input']>;
};

/** Sort order of strategies; ties are broken by id in the same direction. */
export type StrategyOrder = {
  /** Sort direction. */
  direction?: OrderDirection;
  /** Field to sort by. */
  field?: StrategyOrderField;
};

/** Fields a list of strategies can be sorted by. */
export type StrategyOrderField =
  /** By when the record was added to the hub. */
  | 'CREATED_AT'
  /** By slug. */
  | 'SLUG'
  /** By title. */
  | 'TITLE';

/** Life-cycle state of a strategy. */
export type StrategyStatus =
  /** Adopted by the council. */
  | 'ADOPTED'
  /** Old name of `IN_PREPARATION`, accepted on input as that value and never returned. */
  | 'DRAFT'
  /** Adopted (or running) and being carried out. */
  | 'IN_IMPLEMENTATION'
  /** Being drawn up or presented, not yet adopted by the council. */
  | 'IN_PREPARATION'
  /** Replaced by a newer strategy. */
  | 'SUPERSEDED';

/** Role of an API token. */
export type TokenRole =
  /** Hub operator: manages municipalities, providers, topics and tokens. */
  | 'ADMIN'
  /** Writes only the records of its own municipality. */
  | 'EDITOR';

/** A topic of the shared taxonomy that makes cities comparable. */
export type Topic = Node & {
  __typename?: 'Topic';
  /** What the topic covers. */
  description: Scalars['String']['output'];
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Stable key, e.g. `e-file`; use it in filters. */
  key: Scalars['String']['output'];
  /** Label in the requested language; German by default. */
  label: Scalars['String']['output'];
  /** Municipalities that address the topic, by name, with how many published fields of action and projects each has on it. */
  municipalities: Array<TopicCityCount>;
  /** Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here. */
  revisions?: Maybe<Array<Revision>>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A topic of the shared taxonomy that makes cities comparable. */
export type TopicLabelArgs = {
  language?: Language;
};


/** A topic of the shared taxonomy that makes cities comparable. */
export type TopicMunicipalitiesArgs = {
  first?: Scalars['Int']['input'];
};


/** A topic of the shared taxonomy that makes cities comparable. */
export type TopicRevisionsArgs = {
  first?: Scalars['Int']['input'];
};

/** How many published fields of action and projects one municipality has on a topic. */
export type TopicCityCount = {
  __typename?: 'TopicCityCount';
  /** Published fields of action (of published strategies) tagged with the topic. */
  fieldsOfAction: Scalars['Int']['output'];
  /** The municipality. */
  municipality: Municipality;
  /** Published projects tagged with the topic. */
  projects: Scalars['Int']['output'];
};

/** A page of topics. */
export type TopicConnection = {
  __typename?: 'TopicConnection';
  /** The items with their cursors. */
  edges: Array<TopicEdge>;
  /** The items, without cursors. */
  nodes: Array<Topic>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, on all pages: exact up to 1,000 items; above that an estimate from the database's statistics (see `totalCountIsExact`), never below 1,001. Counted only when asked. */
  totalCount: Scalars['Int']['output'];
  /** Whether `totalCount` is exact. False when more than 1,000 items match a root list: the count is then an estimate (typically within a few percent, for a rare filter combination further off); page through the list to count exactly. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** A Topic with its cursor. */
export type TopicEdge = {
  __typename?: 'TopicEdge';
  /** Opaque cursor of this item; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The Topic. */
  node: Topic;
};

/** Changes to a topic (admins only). Fields left out keep their value. */
export type TopicInput = {
  /** What the topic covers, in German. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** German label, e.g. `E-Akte`. */
  labelDe?: InputMaybe<Scalars['String']['input']>;
  /** English label, e.g. `e-file`. */
  labelEn?: InputMaybe<Scalars['String']['input']>;
};

/** How many published projects of one state's municipalities carry one topic. */
export type TopicStateCount = {
  __typename?: 'TopicStateCount';
  /** Number of published projects. */
  count: Scalars['Int']['output'];
  /** State of the projects' municipalities. */
  state: State;
  /** The topic. */
  topic: Topic;
};

/** The API token this request was made with. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The municipality an editor token writes; null for admin tokens. */
  municipality?: Maybe<Municipality>;
  /** Name of the token, e.g. `Amt 10 – Digitalisierung`. */
  name: Scalars['String']['output'];
  /** What the token may do. */
  role: TokenRole;
};

/** An inter-municipal (IKZ) working group. */
export type WorkingGroup = Node & {
  __typename?: 'WorkingGroup';
  /** How often it meets, e.g. `drei- bis viermal im Jahr`. */
  cadence?: Maybe<Scalars['String']['output']>;
  /** What the group does, in German. */
  description: Scalars['String']['output'];
  /** Globally unique, opaque ID of this object. */
  id: Scalars['ID']['output'];
  /** Member municipalities that are in the hub. */
  members: Array<Municipality>;
  /** Name of the group. */
  name: Scalars['String']['output'];
  /** Members that are not (yet) in the hub, in words. */
  otherMembers?: Maybe<Scalars['String']['output']>;
  /** Stable slug. */
  slug: Scalars['String']['output'];
  /** Publications this record's facts are taken from. */
  sources: Array<Source>;
  /** Topics of the shared taxonomy this record is tagged with. */
  topics: Array<Topic>;
  /** When the record's public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`. */
  updatedAt: Scalars['DateTime']['output'];
};


/** An inter-municipal (IKZ) working group. */
export type WorkingGroupMembersArgs = {
  first?: Scalars['Int']['input'];
};

/** A page of working groups. */
export type WorkingGroupConnection = {
  __typename?: 'WorkingGroupConnection';
  /** The items with their cursors. */
  edges: Array<WorkingGroupEdge>;
  /** The items, without cursors. */
  nodes: Array<WorkingGroup>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, on all pages: exact up to 1,000 items; above that an estimate from the database's statistics (see `totalCountIsExact`), never below 1,001. Counted only when asked. */
  totalCount: Scalars['Int']['output'];
  /** Whether `totalCount` is exact. False when more than 1,000 items match a root list: the count is then an estimate (typically within a few percent, for a rare filter combination further off); page through the list to count exactly. */
  totalCountIsExact: Scalars['Boolean']['output'];
};

/** A WorkingGroup with its cursor. */
export type WorkingGroupEdge = {
  __typename?: 'WorkingGroupEdge';
  /** Opaque cursor of this item; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The WorkingGroup. */
  node: WorkingGroup;
};

/** Narrows a list of working groups. */
export type WorkingGroupFilter = {
  /** Slugs of member municipalities. */
  municipalities?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Topic keys. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type AnalystComparisonQueryVariables = Exact<{
  municipalities: Array<Scalars['String']['input']> | Scalars['String']['input'];
  topics?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type AnalystComparisonQuery = { __typename?: 'Query', compare: { __typename?: 'Comparison', municipalities: Array<{ __typename?: 'Municipality', slug: string, name: string }>, rows: Array<{ __typename?: 'ComparisonRow', topic: { __typename?: 'Topic', key: string, label: string }, cells: Array<{ __typename?: 'ComparisonCell', coverage: Coverage, projects: Array<{ __typename?: 'Project', slug: string, title: string, status: ProjectStatus }> }> }>, keyFigures: Array<{ __typename?: 'CityKeyFigures', population?: number | null, fieldOfActionCount: number, municipality: { __typename?: 'Municipality', slug: string }, strategies: Array<{ __typename?: 'Strategy', title: string, adoptedOn?: string | null, horizon?: number | null }>, projectsByStatus: Array<{ __typename?: 'ProjectStatusCount', status: ProjectStatus, count: number }>, budgetByYear: Array<{ __typename?: 'BudgetTotal', year: number, total: string }> }> } };


export const AnalystComparisonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalystComparison"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"municipalities"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"topics"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"municipalities"},"value":{"kind":"Variable","name":{"kind":"Name","value":"municipalities"}}},{"kind":"Argument","name":{"kind":"Name","value":"topics"},"value":{"kind":"Variable","name":{"kind":"Name","value":"topics"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"municipalities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"EnumValue","value":"DE"}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverage"}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"keyFigures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"fieldOfActionCount"}},{"kind":"Field","name":{"kind":"Name","value":"strategies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"adoptedOn"}},{"kind":"Field","name":{"kind":"Name","value":"horizon"}}]}},{"kind":"Field","name":{"kind":"Name","value":"projectsByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgetByYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnalystComparisonQuery, AnalystComparisonQueryVariables>;