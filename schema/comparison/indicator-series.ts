import type { EntityManager } from "@mikro-orm/postgresql";
import { Field, ObjectType } from "type-graphql";
import { unknownValues } from "../common/filters.js";
import { MAX_INDICATOR_VALUES, MaxItems } from "../common/list-bounds.js";
import { relatedKey } from "../common/plain-rows.js";
import { groupBy } from "../common/sql.js";
import { IndicatorValue } from "../indicator/indicator-value.entity.js";
import { Indicator } from "../indicator/indicator.entity.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { PUBLIC_ONLY, VISIBILITY_FILTER, type Visibility } from "../publishing/visibility.js";

/** One compared municipality's series of one chosen indicator. */
@ObjectType({
  description: "One compared municipality's series of one chosen indicator (`compare(indicators:)`): its dated values.",
})
export class IndicatorSeries {
  @Field(() => Municipality, { description: "The municipality." })
  municipality: Municipality;

  @Field({ description: "The indicator's key, as chosen in `compare(indicators:)`." })
  key: string;

  @Field(() => Indicator, {
    nullable: true,
    description:
      "The municipality's published indicator with this key: name, unit, `betterWhen`, definition, sources. Null when it has none.",
  })
  indicator: Indicator | null;

  @Field(() => [IndicatorValue], { description: "The indicator's values, oldest first; empty when it has none." })
  @MaxItems(MAX_INDICATOR_VALUES)
  values: IndicatorValue[];

  constructor(municipality: Municipality, key: string, indicator: Indicator | null, values: IndicatorValue[]) {
    this.municipality = municipality;
    this.key = key;
    this.indicator = indicator;
    this.values = values;
  }
}

/** The published indicators of the municipalities with one of the keys. */
function publishedIndicators(
  em: EntityManager,
  municipalities: readonly Municipality[],
  keys: readonly string[],
): Promise<Indicator[]> {
  return em.find(
    Indicator,
    { municipality: { $in: municipalities.map((each) => each.id) }, key: { $in: [...keys] } },
    { filters: PUBLIC_ONLY },
  );
}

/**
 * The keys of `compare(indicators:)`, in their order, once each is known, and the compared municipalities' published
 * indicators with them (their series read no indicator again): a key that no published indicator of the compared
 * municipalities has is a BAD_USER_INPUT error naming it.
 */
export async function chosenIndicators(
  em: EntityManager,
  municipalities: readonly Municipality[],
  keys: readonly string[] | null | undefined,
): Promise<{ keys: string[]; indicators: Indicator[] }> {
  if (!keys?.length) return { keys: [], indicators: [] };
  const indicators = await publishedIndicators(em, municipalities, keys);
  const known = new Set(indicators.map((indicator) => indicator.key));
  const unknown = keys.filter((key) => !known.has(key));
  if (unknown.length) {
    throw unknownValues(
      unknown,
      "indicators",
      "No compared municipality has a published indicator with this key; query `municipality { indicators { key } }` for the keys.",
    );
  }
  return { keys: [...keys], indicators };
}

/** Reads values as the public sees them: the values' filter set as a request sets it (see `IndicatorValue.indicator`). */
function publicValues(em: EntityManager, indicatorIds: readonly number[]): Promise<IndicatorValue[]> {
  const reader = em.fork({ clear: false });
  reader.setFilterParams(VISIBILITY_FILTER, { scope: "public" } satisfies Visibility);
  return reader.find(
    IndicatorValue,
    { indicator: { $in: [...indicatorIds] } },
    { orderBy: { asOf: "asc nulls first", id: "asc" } },
  );
}

/**
 * Per municipality one series per key (in order), of the published `indicators` that `chosenIndicators` found:
 * one statement for all of them, their values.
 */
export async function indicatorSeries(
  em: EntityManager,
  municipalities: readonly Municipality[],
  keys: readonly string[],
  indicators: readonly Indicator[],
): Promise<IndicatorSeries[][]> {
  if (!keys.length) return municipalities.map(() => []);
  const values = indicators.length
    ? await publicValues(
        em,
        indicators.map((indicator) => indicator.id),
      )
    : [];
  const valuesOf = groupBy(values, (value) => relatedKey(value, "indicator") as number);
  const byCityAndKey = new Map(
    indicators.map((indicator) => [`${indicator.municipality.id}/${indicator.key}`, indicator]),
  );
  return municipalities.map((municipality) =>
    keys.map((key) => {
      const indicator = byCityAndKey.get(`${municipality.id}/${key}`) ?? null;
      return new IndicatorSeries(municipality, key, indicator, indicator ? (valuesOf.get(indicator.id) ?? []) : []);
    }),
  );
}
