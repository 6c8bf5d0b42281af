import { GraphQLError } from "graphql";
import { ErrorCode } from "../common/errors.js";
import { partialDateParts } from "../common/scalars.js";
import type { Municipality } from "../municipality/municipality.entity.js";
import { PopulationDate, PopulationDateGap } from "./per-inhabitant.types.js";

/** Most years two populations' reference dates may lie apart for their per-inhabitant figures to be compared. */
export const MAX_POPULATION_DATE_GAP_YEARS = 2;

/** `extensions.reason` of the refusal: the populations' reference dates are not comparable. */
export const POPULATION_DATE_GAP = "POPULATION_DATE_GAP";

const monthIndex = (year: number, month: number) => year * 12 + month - 1;

/**
 * Whether two reference dates lie more than two years apart, compared at the
 * precision both state: `2019` and `2021-12-31` by year (two apart: no), months
 * by month (24 at most), days by day (the later one at most on the earlier
 * one's day two years on). A date is never read as more precise than it is.
 */
export function moreThanTwoYearsApart(a: string, b: string): boolean {
  const [early, late] = (a <= b ? [a, b] : [b, a]).map(partialDateParts);
  if (early.month === null || late.month === null) return late.year - early.year > MAX_POPULATION_DATE_GAP_YEARS;
  const months = monthIndex(late.year, late.month) - monthIndex(early.year, early.month);
  if (early.day === null || late.day === null) return months > 12 * MAX_POPULATION_DATE_GAP_YEARS;
  const limit = Date.UTC(early.year + MAX_POPULATION_DATE_GAP_YEARS, early.month - 1, early.day);
  return Date.UTC(late.year, late.month - 1, late.day) > limit;
}

/**
 * What keeps the populations of the given municipalities (those with a sourced
 * population) from being compared: an undated one, or two dated more than two years
 * apart (the widest such pair); null when all are dated within two years, or when
 * fewer than two are there to compare.
 */
export function populationDateGap(
  cities: readonly { municipality: Municipality; asOf: string | null }[],
): PopulationDateGap | null {
  if (cities.length < 2) return null;
  const undated = cities.filter((city) => city.asOf === null).map((city) => city.municipality);
  const dated = cities
    .filter((city): city is { municipality: Municipality; asOf: string } => city.asOf !== null)
    .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  let pair: [PopulationDate, PopulationDate] | null = null;
  for (let i = 0; i < dated.length && !pair; i++) {
    for (let j = dated.length - 1; j > i && !pair; j--) {
      if (moreThanTwoYearsApart(dated[i].asOf, dated[j].asOf)) {
        pair = [
          new PopulationDate(dated[i].municipality, dated[i].asOf),
          new PopulationDate(dated[j].municipality, dated[j].asOf),
        ];
      }
    }
  }
  if (!pair && undated.length === 0) return null;
  return new PopulationDateGap(undated, pair?.[0] ?? null, pair?.[1] ?? null);
}

/** The refusal of per-inhabitant figures whose populations are not comparable by date: BAD_USER_INPUT naming them. */
export function populationDateGapError(gap: PopulationDateGap): GraphQLError {
  const problems: string[] = [];
  if (gap.earlier && gap.later) {
    problems.push(
      `the populations of ${gap.earlier.municipality.name} (as of ${gap.earlier.asOf}) and ${gap.later.municipality.name} (as of ${gap.later.asOf}) were counted more than ${MAX_POPULATION_DATE_GAP_YEARS} years apart`,
    );
  }
  if (gap.undated.length) {
    const names = gap.undated.map((municipality) => municipality.name).join(", ");
    problems.push(
      `the population of ${names} has no reference date, so it cannot be shown to be counted within ${MAX_POPULATION_DATE_GAP_YEARS} years of the others`,
    );
  }
  return new GraphQLError(
    `Per-inhabitant figures are not comparable: ${problems.join("; ")}. Pass \`allowPopulationDateGap: true\` to get them anyway; \`populationDateGap\` then states the gap.`,
    {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        fields: ["allowPopulationDateGap"],
        reason: POPULATION_DATE_GAP,
      },
    },
  );
}
