import { describe, expect, it } from "vitest";
import { officialKeyProblem } from "../../schema/municipality/official-key.js";
import { State } from "../../schema/municipality/state.enum.js";
import { seedData } from "../../seeds/data/index.js";

describe("official municipality key (AGS)", () => {
  it("accepts the four seeded cities' keys", () => {
    for (const { municipality } of seedData.cities)
      expect(officialKeyProblem(municipality.officialKey, municipality.state)).toBeNull();
  });

  it("rejects keys that are not eight digits", () => {
    for (const key of ["", "0515802", "051580280", "05158O28", " 05158028", "05158028\n", "٠٥١٥٨٠٢٨"]) {
      expect(officialKeyProblem(key, State.NW)).toMatch(/must be exactly 8 digits/);
    }
  });

  it("rejects a key of another state", () => {
    expect(officialKeyProblem("06433007", State.NW)).toBe(
      "official key 06433007 does not belong to state NW: its keys start with 05",
    );
    expect(officialKeyProblem("03254021", State.NI)).toBeNull();
  });
});
