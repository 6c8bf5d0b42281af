import type { EntityManager } from "@mikro-orm/postgresql";
import { MAX_SLUG_LENGTH } from "../../schema/common/slug.args.js";
import type { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";

/** What a project card shows; plain data, so that the renderers stay pure and testable. */
export interface CardView {
  slug: string;
  title: string;
  summary: string;
  status: ProjectStatus;
  /** The date the source gives the status for ("Stand laut Quelle"), a PartialDate; null when none does. */
  statusAsOf: string | null;
  /** When the project's public content last changed. */
  updatedAt: Date;
  municipality: { slug: string; name: string; stateName: string; website: string | null };
  /** Sorted by German label. */
  topics: { key: string; labelDe: string; labelEn: string }[];
  /** Sorted by name, the German way. */
  providers: { slug: string; name: string; website: string | null }[];
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
    statusAsOf: project.statusAsOf,
    updatedAt: project.publicUpdatedAt,
    municipality: {
      slug: municipality.slug,
      name: municipality.name,
      stateName: municipality.stateName,
      website: municipality.website,
    },
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
