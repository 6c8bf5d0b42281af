import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { defineLoader } from "../common/loaders.js";
import { ListArgs, PER_RECORD_AGGREGATE_WORK, Work } from "../common/list-bounds.js";
import { MAX_PAGE_SIZE } from "../common/pagination.js";
import { groupBy, selectRows } from "../common/sql.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { TopicCityCount } from "./topic-city-count.type.js";
import { Topic } from "./topic.entity.js";

/**
 * Each topic's first cities by name, with their counts: one statement for all topics of a request. It walks the
 * cities in name order (their index) and stops at the first `MAX_PAGE_SIZE` that address the topic, so a topic of
 * every city reads a hundred of them, not all; a city's projects are counted from their summary per topic and city
 * (migration `TopicCitySummary`, kept by triggers with every write), its fields of action through its strategies.
 */
export const cityCountsLoader = defineLoader<number, TopicCityCount[]>("Topic.municipalities", async ({ em }, ids) => {
  const rows = await selectRows<{ topic_id: number; municipality_id: number; fields: number; projects: number }>(
    em,
    `select t.topic_id, c.municipality_id, c.fields, c.projects
       from unnest(array[?]::int[]) as t(topic_id)
       cross join lateral (
             select m.id as municipality_id, coalesce(f.count, 0) as fields, coalesce(p.count, 0) as projects
               from municipality m
               left join stats_project_topic_municipality p on p.topic_id = t.topic_id and p.municipality_id = m.id
               left join lateral (
                     select count(*)::int as count
                       from strategy s
                       join public_field_of_action f on f.strategy_id = s.id
                       join field_of_action_topics ft on ft.field_of_action_id = f.id and ft.topic_id = t.topic_id
                      where s.municipality_id = m.id) as f on true
              where p.count is not null or f.count > 0
              order by m.name, m.id
              limit ?) as c`,
    [[...ids], MAX_PAGE_SIZE],
  );
  const grouped = groupBy(rows, (row) => row.topic_id);
  return ids.map((id) =>
    (grouped.get(id) ?? []).map((row) => new TopicCityCount(row.municipality_id, row.fields, row.projects)),
  );
});

/** Serves `Topic.municipalities`: per-city counts for all topics of a request in one statement. */
@Resolver(() => Topic)
export class TopicCountsResolver {
  // Its share of the aggregate over every record of the topic, whatever `first` says.
  @Work(PER_RECORD_AGGREGATE_WORK)
  @FieldResolver(() => [TopicCityCount], {
    description:
      "Municipalities that address the topic, by name, with how many published fields of action and projects each has on it.",
  })
  async municipalities(
    @Root() topic: Topic,
    @Args() { first }: ListArgs,
    @Ctx() ctx: HubContext,
  ): Promise<TopicCityCount[]> {
    const loader = cityCountsLoader(ctx);
    // One statement for every `first` asked (aliases included): the longest list, cut here.
    return (await loader.load(topic.id)).slice(0, first);
  }
}

/** Resolves the municipality of a per-city topic count. */
@Resolver(() => TopicCityCount)
export class TopicCityCountResolver {
  @FieldResolver(() => Municipality, { description: "The municipality." })
  async municipality(@Root() count: TopicCityCount, @Ctx() { loaders }: HubContext): Promise<Municipality> {
    return (await loaders.byId(Municipality).load(count.municipalityId))!;
  }
}
