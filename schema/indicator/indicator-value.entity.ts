import {
  Collection,
  DeferMode,
  Entity,
  Filter,
  ManyToMany,
  ManyToOne,
  Property,
  type Ref,
  ref,
  Unique,
} from "@mikro-orm/core";
import { Field, Float, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { PartialDateScalar } from "../common/scalars.js";
import { Source } from "../source/source.entity.js";
import { ParentUpdatedAt } from "../publishing/parent-updated-at.js";
import { VISIBILITY_FILTER, visibilityFilter } from "../publishing/visibility.js";
import type { Municipality } from "../municipality/municipality.entity.js";
import { Indicator } from "./indicator.entity.js";
import { INDICATOR_VISIBILITY } from "./indicator.visibility.js";

/** One dated figure of an indicator's series. */
@ObjectType({ implements: HubEntity, description: "One dated figure of an indicator: a point of its series." })
@Entity()
// No state of its own: a value is public exactly when its indicator is (and so that indicator's strategy).
@Filter(
  visibilityFilter({
    owner: "indicator.municipality",
    parent: "indicator",
    parentPaths: INDICATOR_VISIBILITY,
    ownState: false,
  }),
)
// Checked at commit: a write may swap two values' dates; the write path refuses a date given twice in its list.
@Unique({ properties: ["indicator", "asOf"], deferMode: DeferMode.INITIALLY_DEFERRED })
export class IndicatorValue extends HubEntity {
  // The value's own filter states its indicator's visibility in full. Without this, reads that set the visibility
  // with `setFilterParams` (every request's) also join the indicator with its own filter, whose optional-strategy
  // `$or` MikroORM 6.6 turns into a join condition that drops every indicator with a strategy. Reads that pass
  // the filter in their options override this and meet that join: read values with `setFilterParams` only.
  @ManyToOne({ entity: () => Indicator, ref: true, filters: { [VISIBILITY_FILTER]: false } })
  indicator: Ref<Indicator>;

  @ParentUpdatedAt("indicator", "indicator_id")
  override parentUpdatedAt?: Date | null;

  @Field(() => Float, { description: "The figure, in the indicator's unit." })
  @Property({ type: "double" })
  value: number;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      "When the figure was taken. Null only for a figure whose source gives no date (recorded before indicators had series); a value written through the API always has one.",
  })
  @Property({ type: "string", length: 10, nullable: true })
  asOf: string | null;

  @Field(() => String, { nullable: true, description: "Editorial remark on this figure." })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  constructor(indicator: Ref<Indicator>, value: number, asOf: string | null) {
    super();
    this.indicator = indicator;
    this.value = value;
    this.asOf = asOf;
  }
}

/** Oldest first; a value without a date (from before series) comes before the dated ones. */
function byAsOf(a: IndicatorValue, b: IndicatorValue): number {
  const left = a.asOf ?? "";
  const right = b.asOf ?? "";
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Copies the latest of the indicator's (loaded, at least one) values onto its `value` and `asOf`. */
export function copyLatestValue(indicator: Indicator): void {
  const latest = [...indicator.values.getItems()].sort(byAsOf).at(-1);
  if (!latest) throw new Error(`Indicator ${indicator.key} has no value to copy.`);
  indicator.value = latest.value;
  indicator.asOf = latest.asOf;
}

/** A new indicator with one dated value, e.g. as a source gives it. */
export function indicatorWithValue(
  municipality: Ref<Municipality>,
  key: string,
  name: string,
  unit: string,
  value: number,
  asOf: string | null,
): Indicator {
  const indicator = new Indicator(municipality, key, name, unit);
  indicator.values.add(new IndicatorValue(ref(indicator), value, asOf));
  copyLatestValue(indicator);
  return indicator;
}
