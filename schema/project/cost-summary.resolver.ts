import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs, PER_RECORD_AGGREGATE_WORK, Work } from "../common/list-bounds.js";
import { defineLoader } from "../common/loaders.js";
import { groupBy, selectRows } from "../common/sql.js";
import { CostSummary } from "./cost-summary.type.js";
import { Project } from "./project.entity.js";

/**
 * Each project's cost summary per currency, from the `COST` items of published projects (`public_cost_item`):
 * one statement for all projects of a request.
 */
export const costSummaryLoader = defineLoader<number, CostSummary[]>("Project.costSummary", async ({ em }, ids) => {
  const rows = await selectRows<{
    project_id: number;
    currency: string;
    item_count: number;
    one_off: string | null;
    one_off_item_count: number;
    annual: string | null;
    annual_item_count: number;
    over_stated_terms: string | null;
    over_stated_terms_item_count: number;
  }>(
    em,
    `select c.project_id, c.currency, count(*)::int as item_count,
            (sum(c.amount) filter (where c.period = 'ONE_OFF'))::text as one_off,
            (count(*) filter (where c.period = 'ONE_OFF'))::int as one_off_item_count,
            (sum(case when c.period = 'MONTHLY' then c.amount * 12 else c.amount end)
               filter (where c.period in ('ANNUAL', 'MONTHLY')))::text as annual,
            (count(*) filter (where c.period in ('ANNUAL', 'MONTHLY')))::int as annual_item_count,
            (sum(c.amount) filter (where c.period = 'TOTAL'))::text as over_stated_terms,
            (count(*) filter (where c.period = 'TOTAL'))::int as over_stated_terms_item_count
       from public_cost_item c
      where c.kind = 'COST' and c.project_id in (?)
      group by c.project_id, c.currency
      order by c.project_id, c.currency collate "C"`,
    [[...ids]],
  );
  const grouped = groupBy(rows, (row) => row.project_id);
  return ids.map((id) =>
    (grouped.get(id) ?? []).map(
      (row) =>
        new CostSummary({
          currency: row.currency,
          itemCount: row.item_count,
          oneOff: row.one_off,
          oneOffItemCount: row.one_off_item_count,
          annual: row.annual,
          annualItemCount: row.annual_item_count,
          overStatedTerms: row.over_stated_terms,
          overStatedTermsItemCount: row.over_stated_terms_item_count,
        }),
    ),
  );
});

/** Serves `Project.costSummary`: one statement for all projects of a request. */
@Resolver(() => Project)
export class ProjectCostSummaryResolver {
  // Its share of the aggregate over every cost item of the project, whatever `first` says.
  @Work(PER_RECORD_AGGREGATE_WORK)
  @FieldResolver(() => [CostSummary], {
    description:
      "What the project's cost items of kind `COST` add up to, one entry per currency by currency code (none without " +
      "such items); comparison values and differences are left out. Computed from the published record only: a " +
      "draft project has no summary, whoever reads it.",
  })
  async costSummary(
    @Root() project: Project,
    @Args() { first }: ListArgs,
    @Ctx() ctx: HubContext,
  ): Promise<CostSummary[]> {
    return (await costSummaryLoader(ctx).load(project.id)).slice(0, first);
  }
}
