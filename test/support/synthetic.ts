import { ref } from "@mikro-orm/core";
import type { MikroORM } from "@mikro-orm/postgresql";
import { BudgetCategory } from "../../schema/budget/budget-category.enum.js";
import { BudgetLine } from "../../schema/budget/budget-line.entity.js";
import { EngagementRole } from "../../schema/engagement/engagement-role.enum.js";
import { Engagement } from "../../schema/engagement/engagement.entity.js";
import { FieldOfAction } from "../../schema/field-of-action/field-of-action.entity.js";
import { indicatorWithValue } from "../../schema/indicator/indicator-value.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { State } from "../../schema/municipality/state.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";
import { Strategy } from "../../schema/strategy/strategy.entity.js";
import { Topic } from "../../schema/topic/topic.entity.js";

const STATUSES = [ProjectStatus.IDEA, ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS, ProjectStatus.COMPLETED];

/**
 * Adds `count` published synthetic municipalities (slugs `<prefix>-0`, …), each with
 * a strategy of three fields of action, a budget line, an indicator, an engagement
 * and six projects, so that statement-count tests can show that more data does not
 * mean more statements. Returns the new slugs.
 */
export async function addSyntheticCities(
  orm: MikroORM,
  count: number,
  prefix: string,
  keyOffset = 0,
): Promise<string[]> {
  const em = orm.em.fork();
  const topics = await em.find(Topic, {}, { orderBy: { key: "asc" }, limit: 8 });
  const providers = await em.find(Provider, {}, { orderBy: { slug: "asc" }, limit: 4 });
  const slugs: string[] = [];
  for (let i = 0; i < count; i++) {
    const slug = `${prefix}-${i}`;
    slugs.push(slug);
    const municipality = new Municipality(
      slug,
      `Synthetische Stadt ${prefix} ${i}`,
      `0999${String(keyOffset + i).padStart(4, "0")}`,
      i % 2 ? State.NW : State.HE,
    );
    municipality.population = 10_000 + i;
    em.persist(municipality);
    const strategy = new Strategy(
      `${slug}-strategy`,
      `Strategie ${i}`,
      ref(municipality),
      StrategyStatus.ADOPTED,
      "Synthetisch.",
    );
    strategy.adoptedOn = `${2015 + (i % 8)}`;
    strategy.publicationState = PublicationState.PUBLISHED;
    em.persist(strategy);
    for (let f = 1; f <= 3; f++) {
      const field = new FieldOfAction(ref(strategy), f, `Handlungsfeld ${f}`);
      field.publicationState = PublicationState.PUBLISHED;
      field.topics.set([topics[(i + f) % topics.length]]);
      em.persist(field);
    }
    const line = new BudgetLine(ref(strategy), 1, 2021 + (i % 3), "1000.50", BudgetCategory.EXPENSE, "Synthetisch.");
    line.publicationState = PublicationState.PUBLISHED;
    em.persist(line);
    const indicator = indicatorWithValue(ref(municipality), "processes", "Prozesse", "Prozesse", 10 + i, null);
    indicator.publicationState = PublicationState.PUBLISHED;
    em.persist(indicator);
    const engagement = new Engagement(
      ref(municipality),
      ref(providers[i % providers.length]),
      EngagementRole.IT_OPERATIONS,
      "Synthetisch.",
    );
    engagement.publicationState = PublicationState.PUBLISHED;
    em.persist(engagement);
    for (let p = 0; p < 6; p++) {
      const project = new Project(
        `${slug}-project-${p}`,
        `Synthetisches Projekt ${p} Stadt ${i}`,
        `Zusammenfassung ${p}.`,
        ref(municipality),
        STATUSES[p % STATUSES.length],
      );
      project.publicationState = PublicationState.PUBLISHED;
      project.topics.set([topics[(i + p) % topics.length], topics[(i + p + 1) % topics.length]]);
      project.providers.set([providers[p % providers.length]]);
      em.persist(project);
    }
  }
  await em.flush();
  return slugs;
}
