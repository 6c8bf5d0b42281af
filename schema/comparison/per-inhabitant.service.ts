import type { EntityManager } from "@mikro-orm/postgresql";
import type { BudgetTotal } from "../budget/budget-total.type.js";
import { groupBy, selectRows } from "../common/sql.js";
import type { Municipality } from "../municipality/municipality.entity.js";
import { PUBLIC_ONLY } from "../publishing/visibility.js";
import { Source } from "../source/source.entity.js";
import {
  CityPerInhabitant,
  PerInhabitantComparison,
  PerInhabitantFigure,
  PerInhabitantMeasure,
  PopulationFigure,
} from "./per-inhabitant.types.js";
import { populationDateGap } from "./population-dates.js";

/** The reasons a city's figures are unavailable, in German (content). */
export const UNAVAILABLE = {
  noPopulation: "Keine belegte Einwohnerzahl: Für die Kommune ist keine Einwohnerzahl erfasst.",
  noPublishedSource: "Keine belegte Einwohnerzahl: Die erfasste Einwohnerzahl nennt keine veröffentlichte Quelle.",
} as const;

/**
 * `numerator / population` in EUR per inhabitant, rounded half away from zero to
 * the cent, computed in whole cents so that nothing is lost to floating point.
 */
export function perInhabitant(numerator: string, population: number): string {
  const negative = numerator.startsWith("-");
  const [whole, fraction = ""] = numerator.replace(/^-/, "").split(".");
  const cents = BigInt(whole + fraction.padEnd(2, "0").slice(0, 2));
  const divisor = BigInt(population);
  const rounded = (cents * 2n + divisor) / (divisor * 2n);
  const text = rounded.toString().padStart(3, "0");
  const sign = negative && rounded > 0n ? "-" : "";
  return `${sign}${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** The population of each municipality whose population has a published source, by municipality id. */
async function sourcedPopulations(
  em: EntityManager,
  municipalities: readonly Municipality[],
): Promise<Map<number, PopulationFigure>> {
  const sourceIds = municipalities.flatMap((m) =>
    m.population !== null && m.populationSource ? [m.populationSource.id] : [],
  );
  const sources = sourceIds.length ? await em.find(Source, { id: { $in: sourceIds } }, { filters: PUBLIC_ONLY }) : [];
  const byId = new Map(sources.map((source) => [source.id, source]));
  const populations = new Map<number, PopulationFigure>();
  for (const m of municipalities) {
    const source = m.populationSource ? byId.get(m.populationSource.id) : undefined;
    if (m.population !== null && source)
      populations.set(m.id, new PopulationFigure(m.population, m.populationAsOf, source));
  }
  return populations;
}

/**
 * The per-inhabitant part of a comparison: each municipality's sourced population
 * (read as the public sees its source, whoever asks) and what keeps the populations
 * from being compared by date, if anything. One statement.
 */
export async function comparePerInhabitant(
  em: EntityManager,
  municipalities: readonly Municipality[],
): Promise<PerInhabitantComparison> {
  const populations = await sourcedPopulations(em, municipalities);
  const cities = municipalities.map((municipality) => {
    const population = populations.get(municipality.id) ?? null;
    const reason = population
      ? null
      : municipality.population === null
        ? UNAVAILABLE.noPopulation
        : UNAVAILABLE.noPublishedSource;
    return new CityPerInhabitant(municipality, population, reason);
  });
  const dated = cities.flatMap((city) =>
    city.population ? [{ municipality: city.municipality, asOf: city.population.asOf }] : [],
  );
  return new PerInhabitantComparison(cities, populationDateGap(dated));
}

/** A figure of `city`: its numerator divided by the city's population, or null with the city's reason. */
export function figureOf(
  city: CityPerInhabitant,
  what: Pick<PerInhabitantFigure, "measure" | "label" | "year" | "projectId" | "numerator">,
): PerInhabitantFigure {
  const { population } = city;
  return new PerInhabitantFigure(
    what,
    population
      ? {
          denominator: population.count,
          value: perInhabitant(what.numerator, population.count),
          unavailableReason: null,
        }
      : { denominator: null, value: null, unavailableReason: city.unavailableReason },
  );
}

/** The strategy budget figures of a city, one per year. */
export function budgetFigures(city: CityPerInhabitant, totals: readonly BudgetTotal[]): PerInhabitantFigure[] {
  return totals.map((total) =>
    figureOf(city, {
      measure: PerInhabitantMeasure.STRATEGY_BUDGET,
      label: `Budget der veröffentlichten Strategien ${total.year} (alle Kategorien)`,
      year: total.year,
      projectId: null,
      numerator: total.total,
    }),
  );
}

/** A published project's annual costs: the sum of its `COST` items per year in EUR. */
export interface ProjectAnnualCost {
  projectId: number;
  title: string;
  total: string;
}

/** The annual costs of each published project per municipality, by project title, summed by the database. */
export async function projectAnnualCosts(
  em: EntityManager,
  municipalityIds: readonly number[],
): Promise<Map<number, ProjectAnnualCost[]>> {
  const rows = await selectRows<{ municipality_id: number; project_id: number; title: string; total: string }>(
    em,
    `select p.municipality_id, p.id as project_id, p.title, sum(c.amount)::text as total
       from public_cost_item c join public_project p on p.id = c.project_id
      where p.municipality_id in (?) and c.kind = 'COST' and c.period = 'ANNUAL' and c.currency = 'EUR'
      group by p.municipality_id, p.id, p.title order by p.municipality_id, p.title, p.id`,
    [[...municipalityIds]],
  );
  const grouped = groupBy(rows, (row) => row.municipality_id);
  return new Map(
    [...grouped].map(([id, group]) => [
      id,
      group.map((row) => ({ projectId: row.project_id, title: row.title, total: row.total })),
    ]),
  );
}

/** The project cost figures of a city, one per project. */
export function projectCostFigures(
  city: CityPerInhabitant,
  costs: readonly ProjectAnnualCost[],
): PerInhabitantFigure[] {
  return costs.map((cost) =>
    figureOf(city, {
      measure: PerInhabitantMeasure.PROJECT_ANNUAL_COST,
      label: `Jährliche Kosten des Projekts „${cost.title}“`,
      year: null,
      projectId: cost.projectId,
      numerator: cost.total,
    }),
  );
}
