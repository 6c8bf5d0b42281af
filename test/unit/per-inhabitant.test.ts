/** The pure parts of per-inhabitant figures: the date rule, the future-date check and the division to the cent. */
import { describe, expect, it } from "vitest";
import { perInhabitant } from "../../schema/comparison/per-inhabitant.service.js";
import { moreThanTwoYearsApart } from "../../schema/comparison/population-dates.js";
import { isFuturePartialDate } from "../../schema/publishing/validation.js";

describe("moreThanTwoYearsApart", () => {
  it.each([
    ["2019-12-31", "2021-12-31", false],
    ["2019-12-31", "2022-01-01", true],
    // 29 February two years on is 1 March.
    ["2020-02-29", "2022-03-01", false],
    ["2020-02-29", "2022-03-02", true],
    ["2020-02-29", "2022-02-28", false],
    ["2019-12", "2021-12", false],
    ["2019-12", "2022-01", true],
    // Compared at the precision both state: a year is not read as a day.
    ["2019", "2021-12-31", false],
    ["2019", "2022-01-01", true],
    ["2023-12-31", "2019-12-31", true],
  ])("%s and %s: %s", (a, b, expected) => {
    expect(moreThanTwoYearsApart(a, b)).toBe(expected);
  });
});

describe("isFuturePartialDate", () => {
  it.each([
    ["2026-12-06", false],
    ["2026-12-07", true],
    ["2026-12", false],
    ["2026", false],
    ["2027", true],
  ])("%s after 2026-12-06: %s", (value, expected) => {
    expect(isFuturePartialDate(value, "2026-12-06")).toBe(expected);
  });
});

describe("perInhabitant", () => {
  it.each([
    ["1000000.00", 90000, "11.11"],
    ["0.05", 10, "0.01"],
    ["0.04", 10, "0.00"],
    ["-1000.00", 3, "-333.33"],
    ["-0.01", 3, "0.00"],
    ["999999999999.99", 1, "999999999999.99"],
    ["1234.5", 100, "12.35"],
  ])("%s / %d = %s", (numerator, population, expected) => {
    expect(perInhabitant(numerator, population)).toBe(expected);
  });
});
