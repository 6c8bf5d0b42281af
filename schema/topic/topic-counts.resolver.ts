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
 * Each topic's first cities by name, with their counts: one statement for all topics of a request. The projects are
 * counted from their summary per topic and city (migration `TopicCitySummary`), kept by triggers with every write.
 */
export const cityCountsLoader = defineLoader<number, TopicCityCount[]>("Topic.municipalities", async ({ em }, ids) => {
  const rows = await selectRows<{ topic_id: number; municipality_id: number; fields: number; projects: number }>(
    em,
    // The first MAX_PAGE_SIZE cities per topic, picked by the database: a topic can concern every city.
    `select * from (
           select x.topic_id, x.municipality_id, sum(x.fields)::int as fields, sum(x.projects)::int as projects,
                  row_number() over (partition by x.topic_id order by m.name, x.municipality_id) as rn
             from (select ft.topic_id, s.municipality_id, 1 as fields, 0 as projects
                     from field_of_action_topics ft
                     join public_field_of_action f on f.id = ft.field_of_action_id
                     join strategy s on s.id = f.strategy_id
                    where ft.topic_id in (?)
                   union all
                   select topic_id, municipality_id, 0, count
                     from stats_project_topic_municipality
                    where topic_id in (?)) as x
             join municipality m on m.id = x.municipality_id
            group by x.topic_id, x.municipality_id, m.name) as ranked
            where rn <= ? order by topic_id, rn`,
    [[...ids], [...ids], MAX_PAGE_SIZE],
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
