import type { EntityManager } from "@mikro-orm/postgresql";
import { ref } from "@mikro-orm/core";
import { badUserInput } from "../common/errors.js";
import { findNamed } from "../publishing/references.js";
import { isFuturePartialDate } from "../publishing/validation.js";
import type { Source } from "../source/source.entity.js";
import type { MunicipalityInput } from "./municipality-write.inputs.js";
import type { Municipality } from "./municipality.entity.js";

const POPULATION_FIELDS = ["population", "populationAsOf", "populationSource"] as const;

/**
 * Writes a municipality's population, its reference date and its source, which
 * are written together, so that a new figure never keeps the date or source of
 * the old one; a population needs its source, a date or source needs a population,
 * and a reference date may not lie in the future.
 */
export async function applyPopulation(
  tx: EntityManager,
  municipality: Municipality,
  input: MunicipalityInput,
): Promise<void> {
  const given = POPULATION_FIELDS.filter((field) => input[field] !== undefined);
  if (given.length === 0) return;
  const missing = POPULATION_FIELDS.filter((field) => input[field] === undefined);
  if (missing.length) {
    throw badUserInput(
      `input.population, input.populationAsOf and input.populationSource are written together (a figure with its reference date and source; populationAsOf null when the source states none); missing: ${missing.map((field) => `input.${field}`).join(", ")}.`,
      missing.map((field) => `input.${field}`),
    );
  }
  const { population, populationAsOf, populationSource } = input;
  if (population === null) {
    const stray = POPULATION_FIELDS.filter((field) => field !== "population" && input[field] !== null);
    if (stray.length) {
      throw badUserInput(
        `${stray.map((field) => `input.${field}`).join(" and ")} need a population; set input.population too, or null them all to clear the population.`,
        stray.map((field) => `input.${field}`),
      );
    }
  } else if (populationSource === null) {
    throw badUserInput(
      "input.populationSource: a population needs the source it is taken from; give the key of that source (create it first with `createSource`).",
      ["input.populationSource"],
    );
  }
  if (populationAsOf && isFuturePartialDate(populationAsOf)) {
    throw badUserInput(
      `input.populationAsOf ${JSON.stringify(populationAsOf)} lies in the future; give the date the population was counted, or null when the source states none.`,
      ["input.populationAsOf"],
    );
  }
  const source = populationSource
    ? await findNamed<Source>(
        tx,
        "Source",
        "key",
        populationSource,
        "input.populationSource",
        "Create the source first with `createSource`, or check its key.",
      )
    : null;
  municipality.population = population ?? null;
  municipality.populationAsOf = populationAsOf ?? null;
  municipality.populationSource = source ? ref(source) : null;
}
