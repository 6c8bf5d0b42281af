import {
  type AnyEntity,
  type Collection,
  type EntityClass,
  type EntityManager,
  type FilterQuery,
  ref,
} from "@mikro-orm/core";
import { Seeder } from "@mikro-orm/seeder";
import { BudgetLine } from "../schema/budget/budget-line.entity.js";
import { Decision } from "../schema/decision/decision.entity.js";
import { Engagement } from "../schema/engagement/engagement.entity.js";
import { FieldOfAction } from "../schema/field-of-action/field-of-action.entity.js";
import { copyLatestValue, IndicatorValue } from "../schema/indicator/indicator-value.entity.js";
import { Indicator } from "../schema/indicator/indicator.entity.js";
import { LessonLearned } from "../schema/lesson/lesson-learned.entity.js";
import { Municipality } from "../schema/municipality/municipality.entity.js";
import { officialKeyProblem } from "../schema/municipality/official-key.js";
import { Product } from "../schema/product/product.entity.js";
import { CostItem } from "../schema/project/cost-item.entity.js";
import { Project } from "../schema/project/project.entity.js";
import { ProjectStatusChange } from "../schema/project/project-status-change.entity.js";
import { Provider } from "../schema/provider/provider.entity.js";
import { PublicationState } from "../schema/publishing/publication-state.enum.js";
import { Publishable } from "../schema/publishing/publishable.js";
import { VISIBILITY_FILTER, type Visibility } from "../schema/publishing/visibility.js";
import { Source } from "../schema/source/source.entity.js";
import { Strategy } from "../schema/strategy/strategy.entity.js";
import { Topic } from "../schema/topic/topic.entity.js";
import { transactional } from "../schema/common/transaction.js";
import { WorkingGroup } from "../schema/working-group/working-group.entity.js";
import { seedData } from "./data/index.js";
import type {
  BudgetLineSeed,
  CitySeed,
  CostItemSeed,
  DecisionSeed,
  EngagementSeed,
  FieldOfActionSeed,
  IndicatorSeed,
  LessonSeed,
  ProjectSeed,
  SeedData,
  SourceKeys,
  StrategySeed,
} from "./seed-data.js";

/**
 * Loads the seed data, matching every record by its natural key (slug, key,
 * parent and position). Running it again changes nothing: existing records are
 * updated only where the data differs, and no record is duplicated.
 */
export class HubSeeder extends Seeder {
  constructor(private readonly data: SeedData = seedData) {
    super();
  }

  async run(em: EntityManager): Promise<void> {
    await transactional(em, (tx) => new SeedRun(tx, this.data).run());
  }
}

/** Looks records up by natural key, failing loudly on a dangling reference. */
function lookup<K, T>(map: Map<K, T>, key: K, what: string): T {
  const found = map.get(key);
  if (!found) throw new Error(`Seed data refers to unknown ${what} "${key}"`);
  return found;
}

/** A seeded strategy and its fields of action by position, for the projects that name them. */
interface SeededStrategy {
  strategy: Strategy;
  fields: Map<number, FieldOfAction>;
}

class SeedRun {
  private readonly topics = new Map<string, Topic>();
  private readonly sources = new Map<string, Source>();
  private readonly providers = new Map<string, Provider>();
  private readonly products = new Map<string, Product>();
  private readonly municipalities = new Map<string, Municipality>();

  constructor(
    private readonly em: EntityManager,
    private readonly data: SeedData,
  ) {}

  async run(): Promise<void> {
    // The seeder matches records whatever their state, drafts and archived ones included.
    this.em.setFilterParams(VISIBILITY_FILTER, { scope: "all" } satisfies Visibility);
    for (const seed of this.data.topics) {
      const topic = await this.upsert(
        Topic,
        { key: seed.key },
        () => new Topic(seed.key, seed.labelDe, seed.labelEn, seed.description),
        [],
      );
      this.em.assign(topic, { labelDe: seed.labelDe, labelEn: seed.labelEn, description: seed.description });
      this.topics.set(seed.key, topic);
    }
    for (const seed of this.data.sources) {
      const source = await this.upsert(Source, { key: seed.key }, () => new Source(seed.key, seed.title), []);
      this.em.assign(source, {
        title: seed.title,
        publisher: seed.publisher,
        author: seed.author,
        publishedOn: seed.publishedOn,
        url: seed.url,
        note: seed.note,
      });
      this.sources.set(seed.key, source);
    }
    for (const seed of this.data.providers) {
      const provider = await this.upsert(
        Provider,
        { slug: seed.slug },
        () => new Provider(seed.slug, seed.name, seed.kind, seed.description),
        ["sources"],
      );
      this.em.assign(provider, {
        name: seed.name,
        legalName: seed.legalName,
        kind: seed.kind,
        seat: seed.seat,
        statesServed: seed.statesServed,
        website: seed.website,
        description: seed.description,
      });
      this.cite(provider, seed.sources);
      this.providers.set(seed.slug, provider);
    }
    for (const seed of this.data.products) {
      const product = await this.upsert(
        Product,
        { slug: seed.slug },
        () => new Product(seed.slug, seed.name, seed.description),
        ["sources", "topics"],
      );
      this.em.assign(product, { name: seed.name, description: seed.description });
      product.vendor = seed.vendor ? ref(lookup(this.providers, seed.vendor, "provider")) : null;
      this.tag(product, seed.topics);
      this.cite(product, seed.sources);
      this.products.set(seed.slug, product);
    }
    // Municipalities first, so that projects and working groups may name any of them as partners.
    for (const city of this.data.cities) await this.municipality(city);
    for (const city of this.data.cities) await this.city(city);
    for (const seed of this.data.workingGroups) {
      const group = await this.upsert(
        WorkingGroup,
        { slug: seed.slug },
        () => new WorkingGroup(seed.slug, seed.name, seed.description),
        ["members", "topics", "sources"],
      );
      this.em.assign(group, {
        name: seed.name,
        description: seed.description,
        otherMembers: seed.otherMembers,
        cadence: seed.cadence,
      });
      group.members.set(seed.members.map((slug) => lookup(this.municipalities, slug, "municipality")));
      this.tag(group, seed.topics);
      this.cite(group, seed.sources);
    }
    await this.em.flush();
  }

  private async municipality({ municipality: seed }: CitySeed): Promise<void> {
    const problem = officialKeyProblem(seed.officialKey, seed.state);
    if (problem) throw new Error(`Seed data for municipality "${seed.slug}": ${problem}`);
    const municipality = await this.upsert(
      Municipality,
      { slug: seed.slug },
      () => new Municipality(seed.slug, seed.name, seed.officialKey, seed.state),
      ["sources"],
    );
    this.em.assign(municipality, {
      name: seed.name,
      officialKey: seed.officialKey,
      state: seed.state,
      governmentRegion: seed.governmentRegion,
      district: seed.district,
      population: seed.population,
      populationAsOf: seed.populationAsOf,
      populationSource:
        seed.populationSource === null ? null : ref(lookup(this.sources, seed.populationSource, "source")),
      website: seed.website,
      note: seed.note,
    });
    this.cite(municipality, seed.sources);
    this.municipalities.set(seed.slug, municipality);
    // New municipalities need ids before their children can be looked up by parent.
    await this.em.flush();
  }

  /** Loads a city's records, parents before children: engagements, decisions, strategies, projects, lessons. */
  private async city(city: CitySeed): Promise<void> {
    const municipality = lookup(this.municipalities, city.municipality.slug, "municipality");
    for (const seed of city.engagements) await this.engagement(municipality, seed);
    const decisions = new Map<string, Decision>();
    for (const seed of city.decisions) decisions.set(seed.key, await this.decision(municipality, seed));
    const strategies = new Map<string, SeededStrategy>();
    for (const seed of city.strategies) strategies.set(seed.slug, await this.strategy(municipality, seed, decisions));
    const projects = new Map<string, Project>();
    for (const seed of city.projects) projects.set(seed.slug, await this.project(municipality, seed, strategies));
    for (const seed of city.lessons) await this.lesson(municipality, seed, projects);
    await this.em.flush();
  }

  private async engagement(municipality: Municipality, seed: EngagementSeed): Promise<void> {
    const provider = lookup(this.providers, seed.provider, "provider");
    const engagement = await this.upsert(
      Engagement,
      { municipality, provider, role: seed.role },
      () => new Engagement(ref(municipality), ref(provider), seed.role, seed.description),
      ["sources"],
    );
    this.em.assign(engagement, { since: seed.since, description: seed.description, note: seed.note });
    this.cite(engagement, seed.sources);
  }

  private async decision(municipality: Municipality, seed: DecisionSeed): Promise<Decision> {
    const decision = await this.upsert(
      Decision,
      { municipality, key: seed.key },
      () => new Decision(ref(municipality), seed.key, seed.title, seed.body, seed.outcome),
      ["sources"],
    );
    this.em.assign(decision, {
      reference: seed.reference,
      title: seed.title,
      body: seed.body,
      date: seed.date,
      outcome: seed.outcome,
      description: seed.description,
      note: seed.note,
    });
    this.cite(decision, seed.sources);
    return decision;
  }

  /** A strategy, flushed so that it has an id, then its fields of action, budget lines and indicators. */
  private async strategy(
    municipality: Municipality,
    seed: StrategySeed,
    decisions: Map<string, Decision>,
  ): Promise<SeededStrategy> {
    const strategy = await this.upsert(
      Strategy,
      { slug: seed.slug },
      () => new Strategy(seed.slug, seed.title, ref(municipality), seed.status, seed.summary),
      ["sources", "decisions", "consultants"],
    );
    this.em.assign(strategy, {
      title: seed.title,
      status: seed.status,
      statusAsOf: seed.statusAsOf,
      presentedOn: seed.presentedOn,
      adoptedOn: seed.adoptedOn,
      horizon: seed.horizon,
      summary: seed.summary,
      vision: seed.vision,
      note: seed.note,
    });
    strategy.decisions.set(seed.decisions.map((key) => lookup(decisions, key, "decision")));
    strategy.consultants.set(seed.consultants.map((slug) => lookup(this.providers, slug, "provider")));
    this.cite(strategy, seed.sources);
    await this.em.flush();
    const fields = new Map<number, FieldOfAction>();
    for (const fieldSeed of seed.fieldsOfAction)
      fields.set(fieldSeed.position, await this.fieldOfAction(strategy, fieldSeed));
    for (const [position, lineSeed] of seed.budget.entries()) await this.budgetLine(strategy, position + 1, lineSeed);
    for (const indicatorSeed of seed.indicators) await this.indicator(municipality, strategy, indicatorSeed);
    return { strategy, fields };
  }

  private async fieldOfAction(strategy: Strategy, seed: FieldOfActionSeed): Promise<FieldOfAction> {
    const field = await this.upsert(
      FieldOfAction,
      { strategy, position: seed.position },
      () => new FieldOfAction(ref(strategy), seed.position, seed.title),
      ["topics", "sources"],
    );
    this.em.assign(field, { title: seed.title, description: seed.description });
    this.tag(field, seed.topics);
    this.cite(field, seed.sources);
    return field;
  }

  private async budgetLine(strategy: Strategy, position: number, seed: BudgetLineSeed): Promise<void> {
    const line = await this.upsert(
      BudgetLine,
      { strategy, position },
      () => new BudgetLine(ref(strategy), position, seed.year, seed.amount, seed.category, seed.description),
      ["sources"],
    );
    this.em.assign(line, {
      year: seed.year,
      amount: seed.amount,
      category: seed.category,
      description: seed.description,
      note: seed.note,
    });
    this.cite(line, seed.sources);
  }

  /** An indicator with the one dated value its sources give (values editors added later stay). */
  private async indicator(municipality: Municipality, strategy: Strategy, seed: IndicatorSeed): Promise<void> {
    const indicator = await this.upsert(
      Indicator,
      { municipality, key: seed.key },
      () => new Indicator(ref(municipality), seed.key, seed.name, seed.unit),
      ["sources", "values", "values.sources"],
    );
    this.em.assign(indicator, { name: seed.name, unit: seed.unit, note: seed.note });
    indicator.strategy = ref(strategy);
    this.cite(indicator, seed.sources);
    const value =
      indicator.values.getItems().find((each) => each.asOf === seed.asOf) ??
      new IndicatorValue(ref(indicator), seed.value, seed.asOf);
    indicator.values.add(value);
    value.value = seed.value;
    this.cite(value, seed.sources);
    copyLatestValue(indicator);
  }

  /** A project, flushed so that it has an id, then its cost items. */
  private async project(
    municipality: Municipality,
    seed: ProjectSeed,
    strategies: Map<string, SeededStrategy>,
  ): Promise<Project> {
    const project = await this.upsert(
      Project,
      { slug: seed.slug },
      () => new Project(seed.slug, seed.title, seed.summary, ref(municipality), seed.status),
      ["topics", "providers", "products", "replacedProducts", "partners", "sources"],
    );
    const owner = seed.strategy ? lookup(strategies, seed.strategy, "strategy") : null;
    const field =
      owner && seed.fieldOfAction !== null ? lookup(owner.fields, seed.fieldOfAction, "field of action") : null;
    this.em.assign(project, {
      title: seed.title,
      summary: seed.summary,
      status: seed.status,
      statusAsOf: seed.statusAsOf,
      startedOn: seed.startedOn,
      plannedEndOn: seed.plannedEndOn,
      completedOn: seed.completedOn,
      note: seed.note,
    });
    project.strategy = owner ? ref(owner.strategy) : null;
    project.fieldOfAction = field ? ref(field) : null;
    this.tag(project, seed.topics);
    project.providers.set(seed.providers.map((slug) => lookup(this.providers, slug, "provider")));
    project.products.set(seed.products.map((slug) => lookup(this.products, slug, "product")));
    project.replacedProducts.set((seed.replacedProducts ?? []).map((slug) => lookup(this.products, slug, "product")));
    project.partners.set(seed.partners.map((slug) => lookup(this.municipalities, slug, "municipality")));
    this.cite(project, seed.sources);
    await this.em.flush();
    for (const [position, costSeed] of seed.costs.entries()) await this.costItem(project, position + 1, costSeed);
    await this.firstStatus(project, seed);
    return project;
  }

  /**
   * The first step of a project's status history: its status as the source gives it. A project with a history keeps
   * it; only the undated step the migration gave a project published before histories existed is dated from the seed.
   */
  private async firstStatus(project: Project, seed: ProjectSeed): Promise<void> {
    if (!seed.sources.includes(seed.statusSource))
      throw new Error(`Project ${seed.slug}: statusSource ${seed.statusSource} is not one of its sources.`);
    const steps = await this.em.find(ProjectStatusChange, { project }, { orderBy: { id: "asc" }, limit: 2 });
    const undated =
      steps.length === 1 && steps[0].since === null && !steps[0].source && steps[0].status === seed.status;
    if (steps.length > 0 && !undated) return;
    const step = steps[0] ?? new ProjectStatusChange(ref(project), seed.status, null);
    this.em.persist(step);
    step.since = seed.statusAsOf;
    step.source = ref(lookup(this.sources, seed.statusSource, "source"));
  }

  private async costItem(project: Project, position: number, seed: CostItemSeed): Promise<void> {
    const cost = await this.upsert(
      CostItem,
      { project, position },
      () => new CostItem(ref(project), position, seed.amount, seed.period, seed.description),
      ["sources"],
    );
    this.em.assign(cost, {
      kind: seed.kind,
      amount: seed.amount,
      currency: seed.currency,
      period: seed.period,
      description: seed.description,
      note: seed.note,
    });
    this.cite(cost, seed.sources);
  }

  private async lesson(municipality: Municipality, seed: LessonSeed, projects: Map<string, Project>): Promise<void> {
    const lesson = await this.upsert(
      LessonLearned,
      { slug: seed.slug },
      () => new LessonLearned(seed.slug, seed.title, seed.body, seed.kind, ref(municipality)),
      ["topics", "sources"],
    );
    this.em.assign(lesson, { title: seed.title, body: seed.body, kind: seed.kind });
    lesson.project = seed.project ? ref(lookup(projects, seed.project, "project")) : null;
    this.tag(lesson, seed.topics);
    this.cite(lesson, seed.sources);
  }

  /** Finds the record by its natural key, or creates and persists it. */
  private async upsert<T extends AnyEntity>(
    entity: EntityClass<T>,
    where: object,
    create: () => T,
    populate: string[],
  ): Promise<T> {
    const existing = await this.em.findOne(entity, where as FilterQuery<T>, { populate: populate as never });
    if (existing) return existing;
    const created = create();
    // Seed data comes from published council papers and articles: it is public from the start.
    if (created instanceof Publishable) created.publicationState = PublicationState.PUBLISHED;
    this.em.persist(created);
    return created;
  }

  private cite(record: { sources: Collection<Source> }, keys: SourceKeys): void {
    record.sources.set(keys.map((key) => lookup(this.sources, key, "source")));
  }

  private tag(record: { topics: Collection<Topic> }, keys: readonly string[]): void {
    record.topics.set(keys.map((key) => lookup(this.topics, key, "topic")));
  }
}
