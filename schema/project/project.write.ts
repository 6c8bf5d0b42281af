import { type Collection, ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubContext } from "../common/context.js";
import { badUserInput } from "../common/errors.js";
import { hasProblemAt, report } from "../common/problems.js";
import { FieldOfAction } from "../field-of-action/field-of-action.entity.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Product } from "../product/product.entity.js";
import { Provider } from "../provider/provider.entity.js";
import { applySources, applyTopicsAndSources, citesPublishedSource } from "../publishing/cited.inputs.js";
import {
  createRecord,
  requireOwnNaming,
  resolveOwnMunicipality,
  updateRecord,
} from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import {
  assignFields,
  assignStatus,
  findAllNamed,
  findById,
  namedItem,
  requireUnused,
} from "../publishing/references.js";
import { findOwnStrategy } from "../strategy/own-strategy.js";
import { recordStatusChange } from "./project-status-history.js";
import { CostItem } from "./cost-item.entity.js";
import { CostKind } from "./cost-kind.enum.js";
import type { CostItemInput, CreateProjectInput, ProjectInput } from "./project-write.inputs.js";
import { Project } from "./project.entity.js";

/** The slug lists of a project input, each of which replaces a list of the project: the entity, and where valid slugs are. */
const PROJECT_LISTS = [
  { field: "providers", entity: Provider, hint: "Query `providers` for valid slugs." },
  { field: "products", entity: Product, hint: "Query `providers { products }` for valid slugs." },
  { field: "replacedProducts", entity: Product, hint: "Query `providers { products }` for valid slugs." },
  { field: "partners", entity: Municipality, hint: "Query `municipalities` for valid slugs." },
] as const;

/** Replaces the lists the input gives (providers, products, replaced products, partners), each of known, unarchived records. */
async function applyProjectLists(tx: EntityManager, project: Project, input: ProjectInput): Promise<void> {
  for (const { field, entity, hint } of PROJECT_LISTS) {
    const slugs = input[field];
    if (slugs === undefined) continue;
    const records = await findAllNamed<Provider | Product | Municipality>(
      tx,
      entity,
      "slug",
      slugs ?? [],
      `input.${field}`,
      hint,
    );
    (project[field] as Collection<Provider | Product | Municipality>).set(records);
  }
}

/** How the write path handles projects. */
export const projectKind: RecordKind<Project> = {
  entity: Project,
  label: "project",
  naturalKey: "slug",
  populate: [
    "municipality",
    "strategy",
    "fieldOfAction",
    "topics",
    "providers",
    "products",
    "replacedProducts",
    "partners",
    "sources",
    "costs",
    "costs.sources",
  ],
  owner: (project) => project.municipality.id,
  publishProblems: (project) => [
    ...(project.topics.count() ? [] : [["topics", "it has no topic"] as [string, string]]),
    ...(citesPublishedSource(project) ? [] : [["sources", "it cites no published source"] as [string, string]]),
  ],
  afterPublicWrite: recordStatusChange,
};

/** The input path of a field of the `index`th cost, e.g. `input.costs[2].amount`. */
const costField = (index: number, field: string) => `input.costs[${index}].${field}`;

/** Reports a negative amount of a cost or a comparison figure: only a difference (a saving) is below zero. */
function checkAmount(tx: EntityManager, input: CostItemInput, index: number): void {
  if (!input.amount.startsWith("-") || (input.kind ?? CostKind.COST) === CostKind.DIFFERENCE) return;
  const field = costField(index, "amount");
  report(tx, badUserInput(`${field} is negative; only a cost of kind DIFFERENCE (a saving) can be.`, [field]));
}

/** Replaces the project's costs with the list, in its order (changing those named by `id`). */
async function applyCosts(tx: EntityManager, project: Project, inputs: readonly CostItemInput[]): Promise<void> {
  const named = new Set<CostItem>();
  const costs: CostItem[] = [];
  for (const [index, input] of inputs.entries()) {
    checkAmount(tx, input, index);
    const existing = namedItem(tx, project.costs.getItems(), CostItem, input.id, costField(index, "id"), named);
    const cost = existing ?? new CostItem(ref(project), index, input.amount, input.period, input.description);
    Object.assign(cost, {
      position: index,
      amount: input.amount,
      period: input.period,
      description: input.description,
    });
    cost.currency = input.currency ?? "EUR";
    cost.kind = input.kind ?? CostKind.COST;
    if (input.note !== undefined) cost.note = input.note;
    await applySources(tx, cost, input, costField(index, "sources"));
    costs.push(cost);
  }
  project.costs.set(costs);
}

async function applyProject(tx: EntityManager, project: Project, input: ProjectInput): Promise<void> {
  assignFields(tx, project, input, ["title", "summary", "startedOn", "plannedEndOn", "completedOn", "note"]);
  assignStatus(tx, project, input);
  if (input.strategy !== undefined) {
    const strategy = await findOwnStrategy(
      tx,
      input.strategy,
      project.municipality.id,
      "a project can only belong to its own municipality's strategy",
    );
    project.strategy = strategy ? ref(strategy) : null;
    if (
      input.fieldOfAction === undefined &&
      project.fieldOfAction &&
      project.fieldOfAction.unwrap().strategy.id !== strategy?.id
    )
      project.fieldOfAction = null;
  }
  if (input.fieldOfAction !== undefined) {
    const field =
      input.fieldOfAction === null
        ? null
        : await findById(tx, FieldOfAction, input.fieldOfAction, "input.fieldOfAction", "field of action");
    if (field && field.strategy.id !== project.strategy?.id) {
      report(
        tx,
        badUserInput(
          "input.fieldOfAction is not a field of action of the project's strategy; set `strategy` to its strategy too.",
          ["input.fieldOfAction"],
        ),
      );
    }
    project.fieldOfAction = field ? ref(field) : null;
  }
  await applyTopicsAndSources(tx, project, input);
  await applyProjectLists(tx, project, input);
  // A list refused as a whole (too long) is not looked into; its entries' own problems are reported with the rest.
  if (input.costs !== undefined && !hasProblemAt(tx, "input.costs", false))
    await applyCosts(tx, project, input.costs ?? []);
}

/** Creates a project of a municipality, as a draft. */
export function createProjectRecord(ctx: HubContext, input: CreateProjectInput): Promise<Project> {
  return createRecord(ctx, projectKind, async (tx, viewer) => {
    const municipality = await resolveOwnMunicipality(tx, viewer, input.municipality, "input.municipality", "project");
    await requireOwnNaming(tx, viewer, municipality, input.slug, "input.slug");
    await requireUnused(tx, Project, { slug: input.slug }, "input.slug", input.slug);
    const project = new Project(input.slug, input.title, input.summary, ref(municipality), input.status);
    await applyProject(tx, project, input);
    return project;
  });
}

/** Changes a project, if it still has the version you last saw (CONFLICT otherwise). */
export function updateProjectRecord(
  ctx: HubContext,
  target: RecordAddress,
  version: number,
  input: ProjectInput,
): Promise<Project> {
  return updateRecord(ctx, projectKind, target, version, (tx, project) => applyProject(tx, project, input));
}
