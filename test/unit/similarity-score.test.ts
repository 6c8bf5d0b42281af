import { describe, expect, it } from "vitest";
import { MIN_SCORE, type ProjectFeatures, SimilarityIndex } from "../../schema/similarity/similarity.score.js";

let nextId = 1;
function project(municipalityId: number, topics: string[], extra: Partial<ProjectFeatures> = {}): ProjectFeatures {
  return { id: nextId++, municipalityId, topics, providers: [], products: [], words: [], text: "", ...extra };
}

describe("SimilarityIndex", () => {
  // A small corpus where "online" is everywhere and "kita" rare.
  const kitaA = project(1, ["kita", "online"], {
    providers: [{ slug: "krzn", name: "KRZN" }],
    words: ["kita", "anmeld"],
    text: "Kita Anmeldung online",
  });
  const kitaB = project(2, ["kita", "online"], {
    providers: [{ slug: "krzn", name: "KRZN" }],
    products: [{ slug: "jugis", name: "JUGIS" }],
    words: ["kita", "anmeld"],
    text: "Kita-Anmeldung",
  });
  const sameCity = project(1, ["kita", "online"]);
  const onlineOnly = [2, 3, 4, 5, 6].map((city) => project(city, ["online", `other-${city}`, `more-${city}`]));
  const lonely = project(7, ["recruiting"], { words: ["bewerb"] });
  const corpus = [kitaA, kitaB, sameCity, ...onlineOnly, lonely];
  const index = new SimilarityIndex(corpus);

  // Equally rare words are named in alphabetical order of their lexemes.
  it("suggests only other municipalities' projects, with every contributing signal as a reason", () => {
    const matches = index.rank(kitaA, 5);
    expect(matches.map((m) => m.id)).toEqual([kitaB.id]);
    expect(matches[0].reasons).toEqual([
      "same topic: kita",
      "same topic: online",
      "same provider: KRZN",
      "similar wording: Anmeldung, Kita",
    ]);
    expect(matches[0].score).toBeGreaterThan(0.9);
    expect(matches[0].score).toBeLessThanOrEqual(1);
  });

  it("does not pad: sharing only a common topic with projects about other things is below the threshold", () => {
    for (const match of index.rank(onlineOnly[0], 5)) expect(match.score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(index.rank(kitaA, 5).map((m) => m.id)).not.toContain(onlineOnly[0].id);
  });

  it("returns nothing for a project that shares nothing, and nothing for first 0", () => {
    expect(index.rank(lonely, 5)).toEqual([]);
    expect(index.rank(kitaA, 0)).toEqual([]);
  });

  it("scores a shared product like a shared provider and names it", () => {
    const withProduct = project(9, ["unrelated"], { products: [{ slug: "jugis", name: "JUGIS" }] });
    const matches = new SimilarityIndex([...corpus, withProduct]).rank(withProduct, 5);
    expect(matches).toEqual([]); // a shared product alone (0.2) is not enough
    const alsoTopic = project(9, ["kita"], { products: [{ slug: "jugis", name: "JUGIS" }] });
    const found = new SimilarityIndex([...corpus, alsoTopic]).rank(alsoTopic, 5);
    expect(found[0].id).toBe(kitaB.id);
    expect(found[0].reasons).toEqual(["same topic: kita", "same product: JUGIS"]);
  });
});
