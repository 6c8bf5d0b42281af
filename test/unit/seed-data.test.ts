import { describe, expect, it } from "vitest";
import { seedData } from "../../seeds/data/index.js";
import type { CitySeed, ProjectSeed, SourceKeys, StrategySeed } from "../../seeds/seed-data.js";
import { BudgetCategory } from "../../schema/budget/budget-category.enum.js";
import { DecisionOutcome } from "../../schema/decision/decision-outcome.enum.js";
import { State, STATE_AGS_PREFIX } from "../../schema/municipality/state.enum.js";
import { CostPeriod } from "../../schema/project/cost-period.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const AMOUNT = /^\d+\.\d{2}$/;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const topicKeys = new Set(seedData.topics.map((t) => t.key));
const sourceKeys = new Set(seedData.sources.map((s) => s.key));
const providerSlugs = new Set(seedData.providers.map((p) => p.slug));
const productSlugs = new Set(seedData.products.map((p) => p.slug));
const municipalitySlugs = new Set(seedData.cities.map((c) => c.municipality.slug));

function city(slug: string): CitySeed {
  const found = seedData.cities.find((c) => c.municipality.slug === slug);
  if (!found) throw new Error(`city ${slug} missing`);
  return found;
}

function strategy(c: CitySeed, slug: string): StrategySeed {
  const found = c.strategies.find((s) => s.slug === slug);
  if (!found) throw new Error(`strategy ${slug} missing`);
  return found;
}

function project(c: CitySeed, slug: string): ProjectSeed {
  const found = c.projects.find((p) => p.slug === slug);
  if (!found) throw new Error(`project ${slug} missing`);
  return found;
}

/** Exact sum of decimal strings, computed in cents. */
function sum(amounts: string[]): string {
  const cents = amounts.reduce((acc, a) => acc + BigInt(a.replace(".", "")), 0n);
  const s = cents.toString().padStart(3, "0");
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

function isRealPartialDate(value: string): boolean {
  if (!PARTIAL_DATE.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  if (m === undefined) return y >= 1900 && y <= 2100;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** Every record that carries `sources`, with a label for messages. */
function sourcedRecords(): Array<{ label: string; sources: SourceKeys }> {
  const out: Array<{ label: string; sources: SourceKeys }> = [];
  for (const p of seedData.providers) out.push({ label: `provider ${p.slug}`, sources: p.sources });
  for (const p of seedData.products) out.push({ label: `product ${p.slug}`, sources: p.sources });
  for (const g of seedData.workingGroups) out.push({ label: `working group ${g.slug}`, sources: g.sources });
  for (const c of seedData.cities) {
    const slug = c.municipality.slug;
    out.push({ label: `municipality ${slug}`, sources: c.municipality.sources });
    c.engagements.forEach((e, i) =>
      out.push({ label: `${slug} engagement #${i} (${e.provider})`, sources: e.sources }),
    );
    for (const d of c.decisions) out.push({ label: `${slug} decision ${d.key}`, sources: d.sources });
    for (const s of c.strategies) {
      out.push({ label: `strategy ${s.slug}`, sources: s.sources });
      for (const f of s.fieldsOfAction) out.push({ label: `${s.slug} field ${f.position}`, sources: f.sources });
      s.budget.forEach((b, i) => out.push({ label: `${s.slug} budget #${i}`, sources: b.sources }));
      for (const ind of s.indicators) out.push({ label: `${s.slug} indicator ${ind.key}`, sources: ind.sources });
    }
    for (const p of c.projects) {
      out.push({ label: `project ${p.slug}`, sources: p.sources });
      p.costs.forEach((cost, i) => out.push({ label: `${p.slug} cost #${i}`, sources: cost.sources }));
    }
    for (const l of c.lessons) out.push({ label: `lesson ${l.slug}`, sources: l.sources });
  }
  return out;
}

/** Every topic list in the data set, with a label. */
function topicLists(): Array<{ label: string; topics: string[] }> {
  const out: Array<{ label: string; topics: string[] }> = [];
  for (const p of seedData.products) out.push({ label: `product ${p.slug}`, topics: p.topics });
  for (const g of seedData.workingGroups) out.push({ label: `working group ${g.slug}`, topics: g.topics });
  for (const c of seedData.cities) {
    for (const s of c.strategies)
      for (const f of s.fieldsOfAction) out.push({ label: `${s.slug} field ${f.position}`, topics: f.topics });
    for (const p of c.projects) out.push({ label: `project ${p.slug}`, topics: p.topics });
    for (const l of c.lessons) out.push({ label: `lesson ${l.slug}`, topics: l.topics });
  }
  return out;
}

/** Every PartialDate value in the data set, with a label. */
function partialDates(): Array<{ label: string; value: string }> {
  const out: Array<{ label: string; value: string }> = [];
  const push = (label: string, value: string | null) => {
    if (value !== null) out.push({ label, value });
  };
  for (const s of seedData.sources) push(`source ${s.key} publishedOn`, s.publishedOn);
  for (const c of seedData.cities) {
    const slug = c.municipality.slug;
    push(`${slug} populationAsOf`, c.municipality.populationAsOf);
    c.engagements.forEach((e, i) => push(`${slug} engagement #${i} since`, e.since));
    for (const d of c.decisions) push(`${slug} decision ${d.key}`, d.date);
    for (const s of c.strategies) {
      push(`${s.slug} presentedOn`, s.presentedOn);
      push(`${s.slug} adoptedOn`, s.adoptedOn);
      for (const ind of s.indicators) push(`${s.slug} indicator ${ind.key}`, ind.asOf);
    }
    for (const p of c.projects) {
      push(`${p.slug} startedOn`, p.startedOn);
      push(`${p.slug} plannedEndOn`, p.plannedEndOn);
      push(`${p.slug} completedOn`, p.completedOn);
    }
  }
  return out;
}

describe("seed data integrity", () => {
  it("contains the four cities with their stable slugs", () => {
    expect(seedData.cities.map((c) => c.municipality.slug)).toEqual([
      "ratingen",
      "herten",
      "kelsterbach",
      "hildesheim",
    ]);
  });

  it("has unique keys and slugs", () => {
    const all = seedData.cities;
    expect(duplicates(seedData.topics.map((t) => t.key))).toEqual([]);
    expect(duplicates(seedData.sources.map((s) => s.key))).toEqual([]);
    expect(duplicates(seedData.sources.map((s) => s.document))).toEqual([]);
    expect(duplicates(seedData.providers.map((p) => p.slug))).toEqual([]);
    expect(duplicates(seedData.products.map((p) => p.slug))).toEqual([]);
    expect(duplicates(all.map((c) => c.municipality.slug))).toEqual([]);
    expect(duplicates(all.map((c) => c.municipality.officialKey))).toEqual([]);
    expect(duplicates(all.flatMap((c) => c.strategies.map((s) => s.slug)))).toEqual([]);
    expect(duplicates(all.flatMap((c) => c.projects.map((p) => p.slug)))).toEqual([]);
    expect(duplicates(all.flatMap((c) => c.lessons.map((l) => l.slug)))).toEqual([]);
    expect(duplicates(seedData.workingGroups.map((g) => g.slug))).toEqual([]);
    for (const c of all) {
      expect(duplicates(c.decisions.map((d) => d.key)), c.municipality.slug).toEqual([]);
      expect(duplicates(c.strategies.flatMap((s) => s.indicators.map((i) => i.key))), c.municipality.slug).toEqual([]);
    }
  });

  it("uses kebab-case keys and slugs", () => {
    const keys = [
      ...seedData.topics.map((t) => t.key),
      ...seedData.sources.map((s) => s.key),
      ...seedData.providers.map((p) => p.slug),
      ...seedData.products.map((p) => p.slug),
      ...seedData.workingGroups.map((g) => g.slug),
      ...seedData.cities.flatMap((c) => [
        c.municipality.slug,
        ...c.decisions.map((d) => d.key),
        ...c.strategies.map((s) => s.slug),
        ...c.strategies.flatMap((s) => s.indicators.map((i) => i.key)),
        ...c.projects.map((p) => p.slug),
        ...c.lessons.map((l) => l.slug),
      ]),
    ];
    for (const key of keys) expect(key, key).toMatch(KEBAB);
  });

  it("names every city's strategies, projects and lessons in the city's naming, as editors must", () => {
    for (const c of seedData.cities) {
      for (const slug of [
        ...c.strategies.map((s) => s.slug),
        ...c.projects.map((p) => p.slug),
        ...c.lessons.map((l) => l.slug),
      ]) {
        expect(slug.startsWith(`${c.municipality.slug}-`), slug).toBe(true);
      }
    }
  });

  it("gives every topic both labels and a description", () => {
    for (const t of seedData.topics) {
      expect(t.labelDe.length, t.key).toBeGreaterThan(0);
      expect(t.labelEn.length, t.key).toBeGreaterThan(0);
      expect(t.description.length, t.key).toBeGreaterThan(0);
    }
  });

  it("includes the required topics", () => {
    for (const key of [
      "e-file",
      "online-services",
      "schools",
      "childcare",
      "gis",
      "it-security",
      "new-work",
      "staff-qualification",
      "open-data-ai",
      "sustainability",
      "infrastructure",
      "process-optimisation",
      "e-payment",
      "council-work",
      "building-permits",
      "smart-city",
    ]) {
      expect(topicKeys.has(key), key).toBe(true);
    }
  });

  it("uses every topic at least once", () => {
    const used = new Set(topicLists().flatMap((l) => l.topics));
    for (const key of topicKeys) expect(used.has(key), key).toBe(true);
  });

  it("backs every fact-bearing record with at least one existing source", () => {
    for (const { label, sources } of sourcedRecords()) {
      expect(sources.length, label).toBeGreaterThan(0);
      expect(duplicates([...sources]), label).toEqual([]);
      for (const key of sources) expect(sourceKeys.has(key), `${label} → ${key}`).toBe(true);
    }
  });

  it("gives a population exactly with the source it is taken from, one the municipality cites", () => {
    for (const { municipality: m } of seedData.cities) {
      expect(m.populationSource === null, m.slug).toBe(m.population === null);
      if (m.populationSource !== null) expect(m.sources, m.slug).toContain(m.populationSource);
    }
  });

  it("cites every source somewhere", () => {
    const cited = new Set(sourcedRecords().flatMap((r) => [...r.sources]));
    for (const key of sourceKeys) expect(cited.has(key), key).toBe(true);
  });

  it("names a seed document for every source and no invented URLs", () => {
    for (const s of seedData.sources) {
      // The reference facts (AGS, districts, providers' seats) are cited from the documents' index, not from a text.
      expect(s.document, s.key).toMatch(/^(\d{3}_[0-9a-f]{16}\.txt|INDEX\.md)$/);
      if (s.url !== null) expect(s.url, s.key).toMatch(/^https?:\/\//);
    }
  });

  it("refers only to existing topics", () => {
    for (const { label, topics } of topicLists()) {
      expect(duplicates(topics), label).toEqual([]);
      for (const key of topics) expect(topicKeys.has(key), `${label} → ${key}`).toBe(true);
    }
  });

  it("refers only to existing providers and products", () => {
    for (const p of seedData.products) {
      if (p.vendor !== null) expect(providerSlugs.has(p.vendor), `${p.slug} vendor`).toBe(true);
    }
    for (const c of seedData.cities) {
      for (const e of c.engagements)
        expect(providerSlugs.has(e.provider), `${c.municipality.slug} → ${e.provider}`).toBe(true);
      for (const s of c.strategies)
        for (const slug of s.consultants) expect(providerSlugs.has(slug), `${s.slug} consultant ${slug}`).toBe(true);
      for (const p of c.projects) {
        for (const slug of p.providers) expect(providerSlugs.has(slug), `${p.slug} provider ${slug}`).toBe(true);
        for (const slug of p.products) expect(productSlugs.has(slug), `${p.slug} product ${slug}`).toBe(true);
      }
    }
  });

  it("refers only to existing municipalities", () => {
    for (const c of seedData.cities)
      for (const p of c.projects)
        for (const slug of p.partners) {
          expect(municipalitySlugs.has(slug), `${p.slug} partner ${slug}`).toBe(true);
          expect(slug, `${p.slug} partners itself`).not.toBe(c.municipality.slug);
        }
    for (const g of seedData.workingGroups) {
      expect(g.members.length, g.slug).toBeGreaterThan(0);
      for (const slug of g.members) expect(municipalitySlugs.has(slug), `${g.slug} member ${slug}`).toBe(true);
    }
  });

  it("refers only to decisions, strategies, fields of action and projects of the same city", () => {
    for (const c of seedData.cities) {
      const decisionKeys = new Set(c.decisions.map((d) => d.key));
      const strategies = new Map(c.strategies.map((s) => [s.slug, s]));
      const projectSlugs = new Set(c.projects.map((p) => p.slug));
      for (const s of c.strategies)
        for (const key of s.decisions) expect(decisionKeys.has(key), `${s.slug} decision ${key}`).toBe(true);
      for (const p of c.projects) {
        if (p.strategy === null) {
          expect(p.fieldOfAction, `${p.slug} has a field of action but no strategy`).toBeNull();
          continue;
        }
        const s = strategies.get(p.strategy);
        expect(s, `${p.slug} strategy ${p.strategy}`).toBeDefined();
        if (p.fieldOfAction !== null) {
          const positions = s!.fieldsOfAction.map((f) => f.position);
          expect(positions, `${p.slug} field ${p.fieldOfAction}`).toContain(p.fieldOfAction);
        }
      }
      for (const l of c.lessons)
        if (l.project !== null) expect(projectSlugs.has(l.project), `${l.slug} project ${l.project}`).toBe(true);
    }
  });

  it("numbers fields of action 1..n in order", () => {
    for (const c of seedData.cities)
      for (const s of c.strategies)
        expect(
          s.fieldsOfAction.map((f) => f.position),
          s.slug,
        ).toEqual(s.fieldsOfAction.map((_, i) => i + 1));
  });

  it("writes PartialDates as real dates of the given precision", () => {
    const dates = partialDates();
    expect(dates.length).toBeGreaterThan(20);
    for (const { label, value } of dates) {
      expect(value, label).toMatch(PARTIAL_DATE);
      expect(isRealPartialDate(value), `${label}: ${value}`).toBe(true);
    }
  });

  it("keeps project dates in order", () => {
    for (const c of seedData.cities)
      for (const p of c.projects) {
        if (p.startedOn && p.completedOn) expect(p.startedOn <= p.completedOn, p.slug).toBe(true);
        if (p.startedOn && p.plannedEndOn) expect(p.startedOn <= p.plannedEndOn, p.slug).toBe(true);
        if (p.status === ProjectStatus.COMPLETED) expect(p.completedOn, p.slug).not.toBeNull();
      }
  });

  it("writes amounts as decimal strings with two decimals in EUR", () => {
    for (const c of seedData.cities) {
      for (const s of c.strategies) for (const b of s.budget) expect(b.amount, `${s.slug} ${b.year}`).toMatch(AMOUNT);
      for (const p of c.projects)
        for (const cost of p.costs) {
          expect(cost.amount, p.slug).toMatch(AMOUNT);
          expect(cost.currency).toBe("EUR");
        }
    }
  });

  it("uses valid 8-digit AGS that match the state", () => {
    for (const c of seedData.cities) {
      const m = c.municipality;
      expect(m.officialKey, m.slug).toMatch(/^\d{8}$/);
      expect(m.officialKey.slice(0, 2), m.slug).toBe(STATE_AGS_PREFIX[m.state]);
    }
  });

  it("gives provider states only as State values", () => {
    const states = new Set(Object.values(State));
    for (const p of seedData.providers) for (const s of p.statesServed) expect(states.has(s), p.slug).toBe(true);
  });
});

describe("seed data key facts", () => {
  const ratingen = city("ratingen");
  const herten = city("herten");
  const kelsterbach = city("kelsterbach");
  const hildesheim = city("hildesheim");

  it("records the municipalities' reference facts", () => {
    expect(ratingen.municipality).toMatchObject({
      officialKey: "05158028",
      state: State.NW,
      population: 90000,
      populationAsOf: null,
      // The article calls Ratingen the „90.000-Einwohner-Stadt“, without a reference date.
      populationSource: "ratingen-trimborn-2021",
    });
    for (const [other, officialKey, state] of [
      [herten, "05562020", State.NW],
      [kelsterbach, "06433007", State.HE],
      [hildesheim, "03254021", State.NI],
    ] as const)
      expect(other.municipality).toMatchObject({ officialKey, state, population: null, populationSource: null });
    expect(ratingen.municipality.note).toMatch(/gerundet/);
  });

  it("records the main providers", () => {
    const byslug = new Map(seedData.providers.map((p) => [p.slug, p]));
    expect(byslug.get("regio-it")?.statesServed).toEqual([State.NW]);
    expect(byslug.get("ekom21")?.statesServed).toEqual([State.HE]);
    expect(byslug.get("krzn")?.statesServed).toEqual([State.NW]);
    expect(byslug.get("krzn")?.seat).toBe("Kamp-Lintfort");
    expect(seedData.products.find((p) => p.slug === "jugis")?.vendor).toBe("krzn");
    expect(seedData.products.find((p) => p.slug === "winkita")?.vendor).toBe("software-beratung-meinhard");
  });

  it("Ratingen: ten fields of action, adopted end of August 2021", () => {
    const s = strategy(ratingen, "ratingen-digital-2025plus");
    expect(s.title).toBe("Ratingen.digital 2025plus");
    expect(s.fieldsOfAction).toHaveLength(10);
    expect(s.fieldsOfAction[0].title).toBe("Verwaltung online");
    expect(s.fieldsOfAction[9].title).toBe("Nachhaltige Digitalisierung und Klimawandel");
    expect(s.fieldsOfAction.find((f) => f.title === "Digitalisierung der Schulen")?.topics).toContain("schools");
    expect(s.horizon).toBe(2025);
    expect(s.presentedOn).toBe("2021-06-24");
    expect(s.adoptedOn).toBe("2021-08");
    expect(s.consultants).toContain("regio-it");
    expect(s.note).toMatch(/Gentzsch/);
    expect(s.note).toMatch(/Gentsch/);
    const itOps = ratingen.engagements.find((e) => e.provider === "regio-it" && e.role === "IT_OPERATIONS");
    expect(itOps?.since).toBe("2020");
    expect(itOps?.note).toMatch(/Mai 2021/);
    expect(project(ratingen, "ratingen-amt-digitalisierung-it").completedOn).toBe("2021-05-01");
  });

  it("Herten: Kita software costs to the euro", () => {
    const kita = project(herten, "herten-kita-online");
    expect(kita.topics).toContain("childcare");
    const jugis = kita.costs.filter((c) => c.description.startsWith("JUGIS-Baustein"));
    expect(jugis.map((c) => c.amount)).toEqual(["8400.00", "1700.00", "4400.00", "4800.00"]);
    expect(jugis.every((c) => c.period === CostPeriod.ANNUAL)).toBe(true);
    expect(sum(jugis.map((c) => c.amount))).toBe("19300.00");
    const winkita = kita.costs.find((c) => c.description.includes("winkita"));
    const extra = kita.costs.find((c) => c.description.startsWith("Jährlicher Mehrbedarf"));
    expect(winkita?.amount).toBe("4400.00");
    expect(extra?.amount).toBe("14900.00");
    expect(sum([winkita!.amount, extra!.amount])).toBe("19300.00");
    const total = kita.costs.find((c) => c.period === CostPeriod.TOTAL);
    expect(total?.amount).toBe("74500.00");
    expect(total?.note).toMatch(/59\.600/);
    expect(kita.products).toEqual(expect.arrayContaining(["jugis"]));
    // winkita is what the project replaces; its vendor and host are not the project's providers.
    expect(kita.replacedProducts).toEqual(["winkita"]);
    expect(kita.providers).toEqual(["krzn"]);
  });

  it("Herten: strategy draft with three goals, decisions and project ideas", () => {
    const s = herten.strategies[0];
    expect(s.status).toBe(StrategyStatus.IN_PREPARATION);
    expect(s.fieldsOfAction).toHaveLength(3);
    expect(s.indicators.find((i) => i.key === "interviews-2018")?.value).toBe(30);
    const dates = Object.fromEntries(herten.decisions.map((d) => [d.key, d.date]));
    expect(dates["18-203-hfa-2018-11-22"]).toBe("2018-11-22");
    expect(dates["18-203-rat-2018-11-28"]).toBe("2018-11-28");
    expect(dates["antrag-juergens-2018-02-27"]).toBe("2018-02-27");
    // The vote form reads coherently (approved by majority, 5 against, no abstention) but names no sitting.
    for (const d of herten.decisions.filter((d) => d.reference === "18/203")) {
      expect(d.outcome).toBe(DecisionOutcome.UNKNOWN);
      expect(d.note).toMatch(/mit Mehrheit zugestimmt, bei 5 Gegenstimmen und keiner Enthaltung/);
      expect(d.note).not.toMatch(/widersprüchlich/);
    }
    // The strategy was still to be written; 22.11.2018 is the committee sitting on the progress report.
    expect(s.presentedOn).toBeNull();
    expect(herten.projects.filter((p) => p.status === ProjectStatus.IDEA)).toHaveLength(10);
  });

  it("Kelsterbach: 176 processes identified, 64 done in 2022", () => {
    const s = strategy(kelsterbach, "kelsterbach-godigital");
    const ind = new Map(s.indicators.map((i) => [i.key, i]));
    expect(ind.get("processes-identified")?.value).toBe(176);
    expect(ind.get("processes-done-2022")?.value).toBe(64);
    expect(ind.get("processes-done-2022")?.asOf).toBe("2022");
    expect(s.consultants).toEqual(["ekom21"]);
    const eFile = project(kelsterbach, "kelsterbach-e-akte");
    expect(eFile).toMatchObject({ startedOn: "2022-07", plannedEndOn: "2023-12" });
    expect(project(kelsterbach, "kelsterbach-kindergartenverwaltung").topics).toContain("childcare");
    expect(kelsterbach.lessons.find((l) => l.project === "kelsterbach-e-akte")).toBeDefined();
    const group = seedData.workingGroups.find((g) => g.slug === "ikz-stammgruppe-egovernment");
    expect(group?.members).toEqual(["kelsterbach"]);
    expect(group?.cadence).toBe("drei- bis viermal im Jahr");
  });

  it("Hildesheim: seven fields of action, budget and consultation steps", () => {
    const s = strategy(hildesheim, "hildesheim-digitale-stadtverwaltung-2025");
    expect(s.fieldsOfAction).toHaveLength(7);
    expect(s.fieldsOfAction[0].title).toBe("Digitaler Handlungsrahmen");
    expect(s.fieldsOfAction[6].title).toBe("Digitales Lernen und Wissen");
    expect(s.vision).toContain("HI-digital: gemeinsam. einfach. besser.");
    expect(s.horizon).toBe(2025);
    expect(s.adoptedOn).toBe("2020-12-21");
    expect(s.consultants).toEqual(["unity-ag"]);
    const year = (y: number) => s.budget.filter((b) => b.year === y);
    expect(sum(year(2021).map((b) => b.amount))).toBe("544500.00");
    expect(sum(year(2022).map((b) => b.amount))).toBe("220000.00");
    expect(year(2021).find((b) => b.category === BudgetCategory.EXPENSE)?.amount).toBe("124500.00");
    expect(year(2021).find((b) => b.category === BudgetCategory.INVESTMENT)?.amount).toBe("420000.00");
    expect(year(2022).find((b) => b.category === BudgetCategory.EXPENSE)?.amount).toBe("87000.00");
    expect(year(2022).find((b) => b.category === BudgetCategory.INVESTMENT)?.amount).toBe("133000.00");
    const ind = new Map(s.indicators.map((i) => [i.key, i.value]));
    expect(ind.get("roadmap-projects")).toBe(19);
    expect(ind.get("workshop-participants")).toBe(150);
    const steps = s.decisions.map((key) => hildesheim.decisions.find((d) => d.key === key)!);
    expect(steps.map((d) => [d.date, d.outcome])).toEqual([
      ["2020-09-14", DecisionOutcome.NOTED],
      ["2020-09-16", DecisionOutcome.DEFERRED],
      ["2020-11-25", DecisionOutcome.ADOPTED_WITH_CHANGES],
      ["2020-12-14", DecisionOutcome.UNKNOWN],
      ["2020-12-21", DecisionOutcome.ADOPTED_WITH_CHANGES],
    ]);
  });

  it("Hildesheim: the school media plan is a strategy with no field of action and a project of unstated status", () => {
    const mep = strategy(hildesheim, "hildesheim-medienentwicklungsplan-schulen");
    expect(mep.adoptedOn).toBe("2019-09-23");
    // The text names no field of action of the plan and nothing of its implementation.
    expect(mep.fieldsOfAction).toEqual([]);
    const p = hildesheim.projects.find((p) => p.strategy === mep.slug);
    expect(p?.topics).toContain("schools");
    expect(p?.status).toBe(ProjectStatus.NOT_STATED);
    expect(hildesheim.decisions.find((d) => d.reference === "19/282")?.date).toBe("2019-09-23");
  });
});
