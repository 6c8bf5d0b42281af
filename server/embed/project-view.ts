import type { EntityManager } from "@mikro-orm/postgresql";
import { MAX_SLUG_LENGTH } from "../../schema/common/slug.args.js";
import type { LessonKind } from "../../schema/lesson/lesson-kind.enum.js";
import { LessonLearned } from "../../schema/lesson/lesson-learned.entity.js";
import { CostItem } from "../../schema/project/cost-item.entity.js";
import type { CostKind } from "../../schema/project/cost-kind.enum.js";
import type { CostPeriod } from "../../schema/project/cost-period.enum.js";
import type { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";

/** What a project card shows; plain data, so that the renderers stay pure and testable. */
export interface CardView {
  slug: string;
  title: string;
  summary: string;
  status: ProjectStatus;
  municipality: { slug: string; name: string; stateName: string; website: string | null };
  /** Sorted by German label. */
  topics: { key: string; labelDe: string; labelEn: string }[];
  /** Sorted by name, the German way. */
  providers: { slug: string; name: string; website: string | null }[];
}

/** A cost item as the project page lists it. */
export interface CostView {
  amount: string;
  currency: string;
  kind: CostKind;
  period: CostPeriod;
  description: string;
  note: string | null;
}

/** A source as the project page cites it. */
export interface SourceView {
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  url: string | null;
}

/** What the public project page shows: the card's facts and the rest of the record. */
export interface ProjectPageView extends CardView {
  strategy: { slug: string; title: string } | null;
  fieldOfAction: { title: string } | null;
  startedOn: string | null;
  plannedEndOn: string | null;
  completedOn: string | null;
  note: string | null;
  partners: { slug: string; name: string }[];
  products: { slug: string; name: string }[];
  costs: CostView[];
  lessons: { kind: LessonKind; title: string; body: string }[];
  sources: SourceView[];
}

const GERMAN = new Intl.Collator("de");

/** Whether `slug` can name a record at all; anything else is not looked up. */
export function isPlausibleSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && !/[\u0000-\u001f\u007f/]/.test(slug);
}

async function findProject(em: EntityManager, slug: string, populate: readonly string[]): Promise<Project | null> {
  if (!isPlausibleSlug(slug)) return null;
  // select-in: one statement per relation, however many rows each has (no join fan-out).
  return em.findOne(Project, { slug }, { populate: populate as never, strategy: "select-in" });
}

function toCardView(project: Project): CardView {
  const municipality = project.municipality.getEntity();
  return {
    slug: project.slug,
    title: project.title,
    summary: project.summary,
    status: project.status,
    municipality: { slug: municipality.slug, name: municipality.name, stateName: municipality.stateName, website: municipality.website },
    topics: project.topics
      .getItems()
      .map((topic) => ({ key: topic.key, labelDe: topic.labelDe, labelEn: topic.labelEn }))
      .sort((a, b) => GERMAN.compare(a.labelDe, b.labelDe)),
    providers: project.providers
      .getItems()
      .map((provider) => ({ slug: provider.slug, name: provider.name, website: provider.website }))
      .sort((a, b) => GERMAN.compare(a.name, b.name)),
  };
}

/** Loads what a card shows of the project with this slug (four statements), or null when there is none. */
export async function loadCardView(em: EntityManager, slug: string): Promise<CardView | null> {
  const project = await findProject(em, slug, ["municipality", "topics", "providers"]);
  return project ? toCardView(project) : null;
}

/** Loads everything the project page shows (at most eleven statements, however many rows), or null when there is no such project. */
export async function loadProjectPageView(em: EntityManager, slug: string): Promise<ProjectPageView | null> {
  const project = await findProject(em, slug, [
    "municipality",
    "topics",
    "providers",
    "strategy",
    "fieldOfAction",
    "partners",
    "products",
    "sources",
  ]);
  if (!project) return null;
  // One after the other: an EntityManager is not meant for concurrent use.
  const costs = await em.find(CostItem, { project }, { orderBy: { position: "asc", id: "asc" } });
  const lessons = await em.find(LessonLearned, { project }, { orderBy: { id: "asc" } });
  const strategy = project.strategy?.getEntity() ?? null;
  const fieldOfAction = project.fieldOfAction?.getEntity() ?? null;
  return {
    ...toCardView(project),
    strategy: strategy && { slug: strategy.slug, title: strategy.title },
    fieldOfAction: fieldOfAction && { title: fieldOfAction.title },
    startedOn: project.startedOn,
    plannedEndOn: project.plannedEndOn,
    completedOn: project.completedOn,
    note: project.note,
    partners: project.partners
      .getItems()
      .map((partner) => ({ slug: partner.slug, name: partner.name }))
      .sort((a, b) => GERMAN.compare(a.name, b.name)),
    products: project.products
      .getItems()
      .map((product) => ({ slug: product.slug, name: product.name }))
      .sort((a, b) => GERMAN.compare(a.name, b.name)),
    costs: costs.map((cost) => ({
      amount: cost.amount,
      currency: cost.currency,
      kind: cost.kind,
      period: cost.period,
      description: cost.description,
      note: cost.note,
    })),
    lessons: [...lessons]
      .sort((a, b) => GERMAN.compare(a.title, b.title))
      .map((lesson) => ({ kind: lesson.kind, title: lesson.title, body: lesson.body })),
    sources: project.sources
      .getItems()
      .map((source) => ({ title: source.title, publisher: source.publisher, publishedOn: source.publishedOn, url: source.url }))
      // Newest first; undated sources last, then by title.
      .sort((a, b) => (b.publishedOn ?? "").localeCompare(a.publishedOn ?? "") || GERMAN.compare(a.title, b.title)),
  };
}
