import type { EntityManager } from "@mikro-orm/postgresql";
import { selectRows } from "../common/sql.js";
import { Project } from "../project/project.entity.js";
import { SimilarProject } from "./similar-project.type.js";
import { type ProjectFeatures, SimilarityIndex } from "./similarity.score.js";

/** A project's features, and whether it may be suggested (only published projects may). */
type Candidate = ProjectFeatures & { published: boolean };

/**
 * The features of every published project, and of the `sourceIds` (which may be
 * drafts an editor is looking at), in one statement.
 */
async function loadFeatures(em: EntityManager, sourceIds: readonly number[]): Promise<Candidate[]> {
  const rows = await selectRows<{
    id: number;
    municipality_id: number;
    published: boolean;
    topics: string[];
    providers: { slug: string; name: string }[];
    products: { slug: string; name: string }[];
    words: string[];
    text: string;
  }>(
    em,
    `select p.id, p.municipality_id, p.publication_state = 'PUBLISHED' as published,
            coalesce((select array_agg(t.key::text order by t.key) from project_topics pt join topic t on t.id = pt.topic_id where pt.project_id = p.id), '{}') as topics,
            coalesce((select json_agg(json_build_object('slug', v.slug, 'name', v.name) order by v.slug) from project_providers pv join provider v on v.id = pv.provider_id where pv.project_id = p.id), '[]') as providers,
            coalesce((select json_agg(json_build_object('slug', d.slug, 'name', d.name) order by d.slug) from project_products pd join product d on d.id = pd.product_id where pd.project_id = p.id), '[]') as products,
            tsvector_to_array(to_tsvector('german', p.title || ' ' || p.summary)) as words,
            p.title || ' ' || p.summary as text
       from project p
      where p.publication_state = 'PUBLISHED' or p.id in (?)`,
    [sourceIds.length ? [...sourceIds] : [0]],
  );
  return rows.map((row): Candidate => ({
    id: row.id,
    municipalityId: row.municipality_id,
    published: row.published,
    topics: row.topics,
    providers: row.providers,
    products: row.products,
    words: row.words,
    text: row.text,
  }));
}

/**
 * Suggestions for each source project: published projects of other
 * municipalities, ranked and explained. Two statements for any number of sources.
 */
export async function similarProjects(em: EntityManager, sourceIds: readonly number[], first: number): Promise<Map<number, SimilarProject[]>> {
  const features = await loadFeatures(em, sourceIds);
  const corpus = features.filter((project) => project.published);
  const index = new SimilarityIndex(corpus);
  const byId = new Map(features.map((project) => [project.id, project]));
  const ranked = new Map(
    sourceIds.map((id) => {
      const source = byId.get(id);
      return [id, source ? index.rank(source, first) : []] as const;
    }),
  );
  const matchIds = [...new Set([...ranked.values()].flatMap((matches) => matches.map((match) => match.id)))];
  const projects = matchIds.length ? await em.find(Project, { id: { $in: matchIds } }) : [];
  const projectById = new Map(projects.map((project) => [project.id, project]));
  return new Map(
    [...ranked].map(([id, matches]) => [
      id,
      matches
        .filter((match) => projectById.has(match.id))
        .map((match) => new SimilarProject(projectById.get(match.id)!, match.score, match.reasons)),
    ]),
  );
}
