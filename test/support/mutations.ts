import type { EntityClass } from "@mikro-orm/core";
import type { MikroORM } from "@mikro-orm/postgresql";
import { BudgetLine } from "../../schema/budget/budget-line.entity.js";
import { toGlobalId } from "../../schema/common/global-id.js";
import { Decision } from "../../schema/decision/decision.entity.js";
import type { HubEntity } from "../../schema/common/node.js";
import { Engagement } from "../../schema/engagement/engagement.entity.js";
import { features } from "../../schema/features.js";
import { FieldOfAction } from "../../schema/field-of-action/field-of-action.entity.js";
import { Indicator } from "../../schema/indicator/indicator.entity.js";
import { LessonLearned } from "../../schema/lesson/lesson-learned.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { Product } from "../../schema/product/product.entity.js";
import { Project } from "../../schema/project/project.entity.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { Source } from "../../schema/source/source.entity.js";
import { Strategy } from "../../schema/strategy/strategy.entity.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { TokenRole } from "../../schema/token/token-role.enum.js";
import { createToken, revokeToken } from "../../schema/token/token.service.js";

/** The cities of the seed data, whose editors the tests impersonate. */
export const CITIES = ["herten", "ratingen", "kelsterbach", "hildesheim"] as const;
export type City = (typeof CITIES)[number];

/** API tokens for the tests: an editor per city, an admin, and a revoked editor. */
export interface TestTokens {
  editors: Record<City, string>;
  admin: string;
  /** A Herten editor token revoked before it was ever used. */
  revoked: string;
}

/** Creates the tokens the publishing tests use. */
export async function createTestTokens(orm: MikroORM): Promise<TestTokens> {
  const em = () => orm.em.fork();
  const editors = {} as Record<City, string>;
  for (const city of CITIES)
    editors[city] = (
      await createToken(em(), { name: `Redaktion ${city}`, role: TokenRole.EDITOR, municipalitySlug: city })
    ).token;
  const admin = (await createToken(em(), { name: "Betrieb", role: TokenRole.ADMIN })).token;
  const old = await createToken(em(), {
    name: "Ehemalige Redaktion",
    role: TokenRole.EDITOR,
    municipalitySlug: "herten",
  });
  await revokeToken(em(), old.record.id);
  return { editors, admin, revoked: old.token };
}

/** A seeded record a write can target: its global ID, version and owning city (null for hub-wide records). */
export interface Target {
  id: string;
  version: number;
  city: City | null;
}

/** The seeded Herten records of every written type (Hildesheim's for budget lines: Herten has none). */
export type Targets = Record<string, Target>;

async function target<T extends HubEntity>(
  orm: MikroORM,
  entity: EntityClass<T>,
  where: object,
  city: City | null,
): Promise<Target> {
  const em = orm.em.fork();
  const record = (await em.findOneOrFail(entity, where as never, { filters: { visible: { scope: "all" } } })) as T & {
    version?: number;
  };
  return { id: toGlobalId(entity.name, record.id), version: record.version ?? 1, city };
}

/** Looks up the records the mutation matrix targets. */
export async function findTargets(orm: MikroORM): Promise<Targets> {
  const herten = { municipality: { slug: "herten" } };
  return {
    Project: await target(orm, Project, { slug: "herten-kita-online" }, "herten"),
    Strategy: await target(orm, Strategy, { slug: "herten-it-digitalisierungsstrategie" }, "herten"),
    FieldOfAction: await target(
      orm,
      FieldOfAction,
      { strategy: { slug: "herten-it-digitalisierungsstrategie" }, position: 1 },
      "herten",
    ),
    BudgetLine: await target(
      orm,
      BudgetLine,
      { strategy: { municipality: { slug: "hildesheim" } }, position: 1 },
      "hildesheim",
    ),
    Indicator: await target(orm, Indicator, { municipality: { slug: "hildesheim" } }, "hildesheim"),
    LessonLearned: await target(orm, LessonLearned, { slug: "herten-menschen-mitnehmen" }, "herten"),
    Source: await target(orm, Source, { key: "herten-vorlage-18-203" }, null),
    Engagement: await target(orm, Engagement, herten, "herten"),
    Decision: await target(orm, Decision, { ...herten, key: "18-203-rat-2018-11-28" }, "herten"),
    Municipality: await target(orm, Municipality, { slug: "herten" }, "herten"),
    Provider: await target(orm, Provider, { slug: "krzn" }, null),
    Product: await target(orm, Product, { id: { $gt: 0 } }, null),
    Topic: await target(orm, Topic, { key: "e-file" }, null),
  };
}

/** One mutation of the API with arguments that are valid apart from who sends them. */
export interface MutationCase {
  name: string;
  /** The city whose record it writes; null for hub-wide records. */
  city: City | null;
  /** Whether only admins may run it. */
  adminOnly: boolean;
  query: string;
  variables: Record<string, unknown>;
}

/** Types only admins write, as the features declare them. */
export const ADMIN_TYPES: readonly string[] = features
  .flatMap((feature) => feature.adminOnly ?? [])
  .map((kind) => kind.entity.name);
const isAdminOnly = (name: string) => ADMIN_TYPES.some((type) => name.endsWith(type));

/** Valid create inputs for Herten's (or the hub's) records. */
export const CREATE_INPUTS: Record<string, { type: string; input: Record<string, unknown>; city: City | null }> = {
  createProject: {
    type: "CreateProjectInput",
    city: "herten",
    input: {
      municipality: "herten",
      slug: "herten-matrix-project",
      title: "Matrix",
      summary: "Test.",
      status: "PLANNED",
    },
  },
  createStrategy: {
    type: "CreateStrategyInput",
    city: "herten",
    input: {
      municipality: "herten",
      slug: "herten-matrix-strategy",
      title: "Matrix",
      status: "IN_PREPARATION",
      summary: "Test.",
    },
  },
  createFieldOfAction: {
    type: "CreateFieldOfActionInput",
    city: "herten",
    input: { strategy: "herten-it-digitalisierungsstrategie", title: "Matrix" },
  },
  createBudgetLine: {
    type: "CreateBudgetLineInput",
    city: "herten",
    input: {
      strategy: "herten-it-digitalisierungsstrategie",
      year: 2024,
      amount: "100.00",
      category: "EXPENSE",
      description: "Test.",
    },
  },
  createIndicator: {
    type: "CreateIndicatorInput",
    city: "herten",
    input: {
      municipality: "herten",
      key: "matrix-indicator",
      name: "Matrix",
      unit: "Stück",
      values: [{ value: 1, asOf: "2024" }],
    },
  },
  createLessonLearned: {
    type: "CreateLessonInput",
    city: "herten",
    input: { municipality: "herten", slug: "herten-matrix-lesson", title: "Matrix", body: "Test.", kind: "PITFALL" },
  },
  createSource: {
    type: "CreateSourceInput",
    city: "herten",
    input: { municipality: "herten", key: "herten-matrix-source", title: "Matrix" },
  },
  createEngagement: {
    type: "CreateEngagementInput",
    city: "herten",
    input: { municipality: "herten", provider: "ekom21", role: "CONSULTING", description: "Test." },
  },
  createDecision: {
    type: "CreateDecisionInput",
    city: "herten",
    input: { municipality: "herten", key: "matrix-decision", title: "Matrix", body: "Rat", outcome: "ADOPTED" },
  },
  createMunicipality: {
    type: "CreateMunicipalityInput",
    city: null,
    input: { slug: "matrixstadt", name: "Matrixstadt", officialKey: "05999999", state: "NW" },
  },
  createProvider: {
    type: "CreateProviderInput",
    city: null,
    input: { slug: "matrix-it", name: "Matrix IT", kind: "SOFTWARE_VENDOR", description: "Test." },
  },
  createProduct: {
    type: "CreateProductInput",
    city: null,
    input: { slug: "matrix-suite", name: "Matrix Suite", description: "Test." },
  },
  createTopic: {
    type: "CreateTopicInput",
    city: null,
    input: { key: "matrix", labelDe: "Matrix", labelEn: "Matrix", description: "Test." },
  },
};

/** A harmless valid change for each type's update mutation. */
export const UPDATE_INPUTS: Record<string, { input: Record<string, unknown>; versioned: boolean }> = {
  Project: { input: { note: "geändert" }, versioned: true },
  Strategy: { input: { note: "geändert" }, versioned: true },
  FieldOfAction: { input: { description: "geändert" }, versioned: true },
  BudgetLine: { input: { note: "geändert" }, versioned: true },
  Indicator: { input: { note: "geändert" }, versioned: true },
  LessonLearned: { input: { title: "geändert" }, versioned: true },
  Source: { input: { note: "geändert" }, versioned: true },
  Engagement: { input: { note: "geändert" }, versioned: true },
  Decision: { input: { note: "geändert" }, versioned: true },
  Municipality: { input: { note: "geändert" }, versioned: false },
  Provider: { input: { seat: "geändert" }, versioned: false },
  Product: { input: { description: "geändert" }, versioned: false },
  Topic: { input: { description: "geändert" }, versioned: false },
};

/** The GraphQL input type of a type's `update…` mutation. */
export function updateInputType(type: string): string {
  return type === "LessonLearned" ? "LessonInput" : `${type}Input`;
}

/** Types with publish, unpublish and archive mutations, as the features declare them. */
export const PUBLISHABLE_TYPES: readonly string[] = features
  .flatMap((feature) => feature.publishable ?? [])
  .map((kind) => kind.entity.name);

/** Every mutation of the API, with valid arguments against the seeded targets. */
export function allMutations(targets: Targets): MutationCase[] {
  const cases: MutationCase[] = [];
  for (const [name, { type, input, city }] of Object.entries(CREATE_INPUTS)) {
    cases.push({
      name,
      city,
      adminOnly: isAdminOnly(name),
      query: `mutation($input: ${type}!) { ${name}(input: $input) { __typename } }`,
      variables: { input },
    });
  }
  for (const [type, { input, versioned }] of Object.entries(UPDATE_INPUTS)) {
    const { id, version, city } = targets[type];
    const inputType = updateInputType(type);
    const name = `update${type}`;
    cases.push(
      versioned
        ? {
            name,
            city,
            adminOnly: isAdminOnly(name),
            query: `mutation($id: ID!, $version: Int!, $input: ${inputType}!) { ${name}(id: $id, version: $version, input: $input) { __typename } }`,
            variables: { id, version, input },
          }
        : {
            name,
            city,
            adminOnly: isAdminOnly(name),
            query: `mutation($id: ID!, $input: ${inputType}!) { ${name}(id: $id, input: $input) { __typename } }`,
            variables: { id, input },
          },
    );
  }
  for (const type of PUBLISHABLE_TYPES) {
    const { id, city } = targets[type];
    for (const verb of ["publish", "unpublish", "archive"]) {
      cases.push({
        name: `${verb}${type}`,
        city,
        adminOnly: false,
        query: `mutation($id: ID!) { ${verb}${type}(id: $id) { __typename } }`,
        variables: { id },
      });
    }
  }
  return cases;
}
