/**
 * Property-based fuzzing of every create and update mutation with fast-check:
 * valid, wrong, hostile and oversized values in every field. Whatever comes in,
 * the answer is never a 500 or an uncatalogued error; a refused write leaves every
 * table as it was; an accepted one belongs to the writer's city, leaves exactly
 * one revision when it changed something, and raises the version with it; and a
 * record only gets published with the fields publishing requires.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicErrorCode } from "../../schema/common/errors.js";
import { gql } from "../support/client.js";
import { databaseDigest } from "../support/digest.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import {
  ADMIN_TYPES,
  CREATE_INPUTS,
  createTestTokens,
  findTargets,
  type Targets,
  type TestTokens,
  UPDATE_INPUTS,
  updateInputType,
} from "../support/mutations.js";

const HOSTILE_STRINGS = [
  "",
  "   ",
  "\u0000",
  "Kita\u0000",
  "'; drop table project; --",
  "<img src=x onerror=alert(1)>",
  "🏛️🇩🇪 Straße",
  "x".repeat(30_000),
  "javascript:alert(1)",
  "${jndi:ldap://127.0.0.1/x}",
  "e-file",
  "herten",
  "https://www.herten.de",
];
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(...HOSTILE_STRINGS),
);
const anyValue = fc.oneof(
  { weight: 4, arbitrary: text },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 60 }),
  fc.constant({ nested: { deeper: ["x"] } }),
);

/** Plausible values per field name, valid and not, beside the hostile ones. */
const PLAUSIBLE: Record<string, fc.Arbitrary<unknown>> = {
  topics: fc.subarray(["e-file", "schools", "online-services", "childcare", "unbekannt"]),
  sources: fc.subarray(["herten-vorlage-18-203", "ratingen-trimborn-2021", "fehlt"]),
  providers: fc.subarray(["krzn", "ekom21", "regio-it"]),
  consultants: fc.subarray(["krzn", "ekom21"]),
  partners: fc.subarray(["ratingen", "kelsterbach", "herten"]),
  products: fc.constantFrom([], ["gibt-es-nicht"]),
  strategy: fc.constantFrom(
    "herten-it-digitalisierungsstrategie",
    "herten-gesamtstrategie",
    "ratingen-digital-2025plus",
    null,
  ),
  project: fc.constantFrom("herten-kita-online", "ratingen-e-akte", null),
  municipality: fc.constantFrom("herten", "ratingen", "atlantis"),
  provider: fc.constantFrom("krzn", "ekom21", "nope"),
  status: fc.constantFrom("PLANNED", "IN_PROGRESS", "COMPLETED", "DRAFT", "ADOPTED", "WRONG"),
  kind: fc.constantFrom("PITFALL", "SUCCESS", "SOFTWARE_VENDOR", "WRONG"),
  role: fc.constantFrom("CONSULTING", "IT_OPERATIONS", "WRONG"),
  category: fc.constantFrom("EXPENSE", "INVESTMENT", "WRONG"),
  state: fc.constantFrom("NW", "HE", "XX"),
  officialKey: fc.constantFrom("05999998", "06999999", "1234", "05562014"),
  amount: fc.constantFrom("100.00", "-5", "1e9", "1234567890123.00", "12,50"),
  year: fc.integer({ min: 1800, max: 2300 }),
  horizon: fc.integer({ min: 1800, max: 2300 }),
  position: fc.integer({ min: -2, max: 1002 }),
  value: fc.double({ noNaN: true }),
  population: fc.integer({ min: -1, max: 20_000_000 }),
  populationAsOf: fc.constantFrom("2022-12-31", "2099", null),
  populationSource: fc.constantFrom("herten-vorlage-18-203", "gibt-es-nicht", null),
  startedOn: fc.constantFrom("2021", "2021-08", "2021-08-26", "2021-02-30", "21-1-1"),
  plannedEndOn: fc.constantFrom("2025", "2025-13"),
  asOf: fc.constantFrom("2023-10", "gestern"),
  publishedOn: fc.constantFrom("2021-07-02", "2021-7-2"),
  url: fc.constantFrom("https://www.herten.de/x", "javascript:alert(1)", "ftp://x"),
  website: fc.constantFrom("https://www.herten.de", "www.herten.de"),
  statesServed: fc.subarray(["NW", "HE", "XX"]),
  outcome: fc.constantFrom("ADOPTED", "DEFERRED", "WRONG"),
  date: fc.constantFrom("2018-11-28", "2018", "2018-02-30", "28.11.2018"),
  reference: fc.constantFrom("18/203", "x".repeat(61)),
};
/** Optional fields each type's inputs have, beside those of its valid base input. */
const OPTIONAL: Record<string, string[]> = {
  Project: ["note", "startedOn", "plannedEndOn", "strategy", "topics", "sources", "providers", "products", "partners"],
  Strategy: ["adoptedOn", "horizon", "vision", "consultants", "sources"],
  FieldOfAction: ["position", "description", "topics", "sources"],
  BudgetLine: ["position", "note", "sources"],
  Indicator: ["strategy", "asOf", "note", "sources"],
  LessonLearned: ["project", "topics", "sources"],
  Source: ["publisher", "author", "publishedOn", "url", "note"],
  Engagement: ["since", "note", "sources"],
  Decision: ["reference", "date", "description", "note", "sources"],
  Municipality: ["district", "population", "populationAsOf", "populationSource", "website", "sources"],
  Provider: ["legalName", "seat", "statesServed", "website", "sources"],
  Product: ["vendor", "topics", "sources"],
  Topic: [],
};
const REQUIRED_TO_PUBLISH: Record<string, string[]> = {
  Project: ["topics", "sources"],
  LessonLearned: ["topics", "sources"],
  FieldOfAction: ["topics"],
  Strategy: ["sources"],
  BudgetLine: ["sources"],
  Indicator: ["sources"],
  Engagement: ["sources"],
  Decision: ["sources"],
  Source: [],
};
const OWNER_SQL: Record<string, string> = {
  Project: "select m.slug from project r join municipality m on m.id = r.municipality_id where r.id = ?",
  Strategy: "select m.slug from strategy r join municipality m on m.id = r.municipality_id where r.id = ?",
  FieldOfAction:
    "select m.slug from field_of_action r join strategy s on s.id = r.strategy_id join municipality m on m.id = s.municipality_id where r.id = ?",
  BudgetLine:
    "select m.slug from budget_line r join strategy s on s.id = r.strategy_id join municipality m on m.id = s.municipality_id where r.id = ?",
  Indicator: "select m.slug from indicator r join municipality m on m.id = r.municipality_id where r.id = ?",
  LessonLearned: "select m.slug from lesson_learned r join municipality m on m.id = r.municipality_id where r.id = ?",
  Source: "select m.slug from source r join municipality m on m.id = r.municipality_id where r.id = ?",
  Engagement: "select m.slug from engagement r join municipality m on m.id = r.municipality_id where r.id = ?",
  Decision: "select m.slug from decision r join municipality m on m.id = r.municipality_id where r.id = ?",
};
const TYPE_OF_CREATE = (name: string) => name.replace(/^create/, "");

type Answer = Awaited<ReturnType<typeof gql>>;

/** Builds an input from a base: each field kept, or replaced by a plausible or hostile value; optional fields added. */
function inputFrom(base: Record<string, unknown>, optional: string[]): fc.Arbitrary<Record<string, unknown>> {
  const KEEP = Symbol("keep");
  const fields = [...Object.keys(base), ...optional];
  return fc
    .record(
      Object.fromEntries(
        fields.map((field) => [
          field,
          fc.oneof(
            { weight: field in base ? 5 : 3, arbitrary: fc.constant(KEEP) },
            { weight: 2, arbitrary: PLAUSIBLE[field] ?? text },
            { weight: 1, arbitrary: anyValue },
          ),
        ]),
      ),
    )
    .map((draws) => {
      const input: Record<string, unknown> = {};
      for (const field of fields) {
        const draw = draws[field];
        if (draw !== KEEP) input[field] = draw;
        else if (field in base) input[field] = base[field];
      }
      return input;
    });
}

describe("fuzzing every mutation's input", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let targets: Targets;
  let serial = 0;
  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    targets = await findTargets(hub.db.orm);
  });
  afterAll(() => hub?.close());

  const connection = () => hub.db.orm.em.getConnection();
  async function revisionCount(): Promise<number> {
    const [row] = await connection().execute("select count(*)::int as n from revision");
    return row.n;
  }
  async function digest(): Promise<Record<string, string>> {
    // Verifying a token stamps its last use (at most once a minute): that is authentication's bookkeeping, not the write's.
    const { api_token: _lastUse, ...tables } = await databaseDigest(hub.db.orm);
    return tables;
  }
  /** The answer is one the API promises: HTTP 200 or 400, and catalogued error codes, never an internal error. */
  function expectWellFormed(answer: Answer, context: unknown): void {
    expect([200, 400], JSON.stringify(context).slice(0, 300)).toContain(answer.status);
    for (const error of answer.errors ?? []) {
      expect(isPublicErrorCode(error.extensions?.code), JSON.stringify(error).slice(0, 300)).toBe(true);
      expect(error.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
    }
  }

  for (const [name, { type, input: base }] of Object.entries(CREATE_INPUTS)) {
    const recordType = TYPE_OF_CREATE(name);
    it(`${name}: never a 500, never a partial write, and an accepted record is the writer's`, async () => {
      const token = ADMIN_TYPES.includes(recordType) ? tokens.admin : tokens.editors.herten;
      await fc.assert(
        fc.asyncProperty(inputFrom(base, OPTIONAL[recordType]), async (input) => {
          serial += 1;
          // Fresh natural keys, so that a valid input can succeed every time.
          for (const field of ["slug", "key"])
            if (input[field] === base[field]) input[field] = `${String(base[field])}-${serial}`;
          if (recordType === "Municipality" && input.officialKey === base.officialKey)
            input.officialKey = `05${String(900000 + serial).padStart(6, "0")}`;
          const before = await digest();
          const revisions = await revisionCount();
          const answer = await gql(
            hub,
            `mutation($input: ${type}!) { ${name}(input: $input) { id } }`,
            { input },
            token,
          );
          expectWellFormed(answer, input);
          if (answer.errors) {
            expect(await digest()).toEqual(before);
            return;
          }
          expect(await revisionCount()).toBe(revisions + 1);
          if (OWNER_SQL[recordType]) {
            const id = Number(Buffer.from(answer.data![name].id, "base64url").toString().split(":")[1]);
            const [owner] = await connection().execute(OWNER_SQL[recordType], [id]);
            expect(owner?.slug).toBe("herten");
          }
        }),
        { numRuns: 15, seed: 4242 },
      );
    });
  }

  for (const [recordType, { input: base, versioned }] of Object.entries(UPDATE_INPUTS)) {
    it(`update${recordType}: never a 500, never a partial write, one revision per change, and publishing needs its fields`, async () => {
      const { id, city } = targets[recordType];
      const token = ADMIN_TYPES.includes(recordType) || !city ? tokens.admin : tokens.editors[city];
      const inputType = updateInputType(recordType);
      const createFields = Object.keys(CREATE_INPUTS[`create${recordType}`].input).filter(
        (field) => !["municipality", "slug", "key", "strategy", "provider", "role"].includes(field),
      );
      const fieldsArb = inputFrom(base, [
        ...createFields,
        ...OPTIONAL[recordType].filter((field) => field !== "position"),
      ]);
      await fc.assert(
        fc.asyncProperty(fieldsArb, fc.boolean(), fc.boolean(), async (input, stale, publish) => {
          const read = await gql(
            hub,
            `query($id: ID!) { node(id: $id) { ... on Publishable { version } } }`,
            { id },
            token,
          );
          const current = read.data!.node?.version ?? 1;
          const before = await digest();
          const revisions = await revisionCount();
          const args = versioned ? { id, version: stale ? current - 1 : current, input } : { id, input };
          const signature = versioned
            ? `($id: ID!, $version: Int!, $input: ${inputType}!)`
            : `($id: ID!, $input: ${inputType}!)`;
          const call = versioned ? `(id: $id, version: $version, input: $input)` : `(id: $id, input: $input)`;
          const answer = await gql(hub, `mutation${signature} { update${recordType}${call} { id } }`, args, token);
          expectWellFormed(answer, input);
          if (answer.errors) {
            if (versioned && stale && answer.errors[0].extensions?.code === "CONFLICT")
              expect(answer.errors[0].extensions.currentVersion).toBe(current);
            expect(await digest()).toEqual(before);
          } else {
            expect(versioned && stale).toBe(false);
            const written = (await revisionCount()) - revisions;
            expect([0, 1]).toContain(written);
            if (versioned) {
              const after = await gql(
                hub,
                `query($id: ID!) { node(id: $id) { ... on Publishable { version } } }`,
                { id },
                token,
              );
              expect(after.data!.node.version).toBe(current + written);
            }
          }
          if (versioned && publish) {
            const published = await gql(
              hub,
              `mutation($id: ID!) { publish${recordType}(id: $id) { id publicationState } }`,
              { id },
              token,
            );
            expectWellFormed(published, "publish");
            if (!published.errors) {
              const fields = REQUIRED_TO_PUBLISH[recordType];
              const shape = fields.map((field) => `${field} { __typename }`).join(" ");
              // Read as the public does: only published sources count.
              const check = await gql(
                hub,
                `query($id: ID!) { node(id: $id) { ... on ${recordType} { __typename ${shape} } } }`,
                { id },
              );
              for (const field of fields)
                expect(check.data!.node?.[field]?.length, `${recordType}.${field} when published`).toBeGreaterThan(0);
            }
          }
        }),
        { numRuns: 15, seed: 4242 },
      );
    });
  }
});
