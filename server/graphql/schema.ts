import { validate as validateObject, type ValidationError, type ValidatorOptions } from "class-validator";
import {
  type FieldNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isInputObjectType,
  lexicographicSortSchema,
  printSchema,
  specifiedDirectives,
} from "graphql";
import { LRUCache } from "lru-cache";
import { buildSchemaSync, getMetadataStorage, type ResolverData, type ValidatorFn } from "type-graphql";
import {
  collectProblems,
  type InputProblem,
  problemsError,
  report,
  takeProblems,
  validationProblems,
} from "../../schema/common/problems.js";
import { DryRunDirective } from "../../schema/publishing/dry-run.js";
import { features as allFeatures } from "../../schema/features.js";
import type { Feature } from "../../schema/features.types.js";
import { resolversOf } from "../../schema/resolvers.js";
import { attachSearchCatalog, SearchCatalog } from "../../schema/search/search-catalog.js";
import { useSearchableTypes } from "../../schema/search/search.types.js";
import { searchableOf } from "../../schema/search/searchable-types.js";

/**
 * Builds the hub's executable GraphQL schema from the decorated classes: of `features`
 * when given (tests compose a fixture's feature), else of every feature of `schema/features.ts`.
 */
export function buildHubSchema(features: readonly Feature[] = allFeatures): GraphQLSchema {
  const searchable = searchableOf(features);
  useSearchableTypes(searchable);
  readPropertiesPlainly();
  const schema = buildSchemaSync({
    resolvers: resolversOf(features),
    // Arguments and inputs are checked by their class-validator decorators.
    validateFn: validateArgument,
    directives: [...specifiedDirectives, DryRunDirective],
  });
  resolveTypesByClass(schema);
  collectMutationProblems(schema);
  attachSearchCatalog(schema, new SearchCatalog(searchable));
  return schema;
}

/**
 * Lets graphql-js read a field that shows a property of the same name (no resolver, middleware or role of its own)
 * as a plain property, instead of through a resolver of type-graphql: such a resolver per scalar field also made
 * the hub's deadline wrapper (server/graphql/limits.ts) run on every one of them. The same value either way.
 */
function readPropertiesPlainly(): void {
  for (const field of getMetadataStorage().fields)
    if (field.simple === undefined && field.name === field.schemaName && !field.middlewares?.length && !field.roles)
      field.simple = true;
}

/**
 * Resolves every interface and union (`Node`, `Publishable`, `SearchNode`) to the object type named like the
 * record's class, which is how the schema names its records. Set here rather than in each decorator: type-graphql
 * wraps a declared `resolveType` in an async function, and the compiled queries (compiled-execution.ts) need the
 * type at once.
 */
function resolveTypesByClass(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap()))
    if (isAbstractType(type) && !type.name.startsWith("__"))
      type.resolveType = (value: object) => value.constructor.name;
}

/** The committed SDL: sorted, so that it only changes when the schema does. */
export function renderSchemaSdl(schema: GraphQLSchema): string {
  return `# Generated from the code by \`npm run schema:emit\`; do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };

/**
 * The argument an object value was given as: the argument of the field whose input type is
 * `type` (e.g. `input`), or "" for an args class, whose properties are arguments themselves.
 */
function argumentNameOf(info: GraphQLResolveInfo, type: Parameters<ValidatorFn>[1]): string {
  if (getMetadataStorage().argumentTypes.some((argsType) => argsType.target === type)) return "";
  const args = info.parentType.getFields()[info.fieldName]?.args ?? [];
  const name = (type as { name?: unknown }).name;
  const match = args.find((arg) => getNamedType(arg.type).name === name);
  if (match) return match.name;
  const inputs = args.filter((arg) => isInputObjectType(getNamedType(arg.type)));
  return inputs.length === 1 ? inputs[0].name : "";
}

/**
 * Checks an argument by its class-validator decorators. Every problem's path begins with
 * the argument's name (`input.slug`, `input.values[2].asOf`). A mutation's problems are
 * handed to its write, which adds what else it finds and answers them all together.
 */
async function validateArgument(
  value: unknown,
  type: Parameters<ValidatorFn>[1],
  { info, context }: ResolverData<object>,
) {
  if (value === null || typeof value !== "object") return;
  const check = () => problemsOf(value, argumentNameOf(info, type));
  const problems =
    info.operation.operation === "mutation"
      ? await check()
      : await oncePerField(info, type, () => checkedBefore(info, type, value, check));
  if (problems.length) report(context, problemsError(problems));
}

/** The problems class-validator finds in an argument's value (an object, or a list of them). */
async function problemsOf(value: object, argument: string): Promise<InputProblem[]> {
  const errors: ValidationError[] = [];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries())
      if (item !== null && typeof item === "object")
        errors.push({ property: String(index), children: await validateObject(item, VALIDATOR_OPTIONS) });
  } else errors.push(...(await validateObject(value, VALIDATOR_OPTIONS)));
  return validationProblems(errors, argument);
}

/** Per execution (keyed by its coerced variables, made anew by each): each field node's checks, by argument type. */
const checked = new WeakMap<object, WeakMap<FieldNode, Map<unknown, Promise<InputProblem[]>>>>();

/**
 * Runs a query field's argument check once per field node in an operation. A field node's arguments are the same
 * for every parent (its literals and the operation's variables), and a nested list asks one field for hundreds of
 * parents: checking each again cost a compare of 20 cities more than a second of CPU.
 */
function oncePerField(
  info: GraphQLResolveInfo,
  type: unknown,
  check: () => Promise<InputProblem[]>,
): Promise<InputProblem[]> {
  let byNode = checked.get(info.variableValues);
  if (!byNode) checked.set(info.variableValues, (byNode = new WeakMap()));
  let byType = byNode.get(info.fieldNodes[0]);
  if (!byType) byNode.set(info.fieldNodes[0], (byType = new Map()));
  let problems = byType.get(type);
  if (!problems) byType.set(type, (problems = check()));
  return problems;
}

/**
 * The problems of query arguments checked before, by argument type and value as JSON: most requests repeat a few
 * (`first: 20`), and class-validator walks every class it knows for each check (a fortieth of a small nested read's
 * CPU, issue 18). The checks depend on the value alone; a long value is checked each time.
 */
const checkedValues = new LRUCache<string, Promise<InputProblem[]>>({ max: 1000 });
const typeIds = new WeakMap<object, number>();
const MAX_KEPT_VALUE_CHARS = 2000;

let typesSeen = 0;

/** `check` of `value` (an argument of the field `info` resolves), or what it found for the same value before. */
function checkedBefore(
  info: GraphQLResolveInfo,
  type: unknown,
  value: object,
  check: () => Promise<InputProblem[]>,
): Promise<InputProblem[]> {
  const json = JSON.stringify(value);
  if (typeof type !== "function" || json.length > MAX_KEPT_VALUE_CHARS) return check();
  let id = typeIds.get(type);
  if (id === undefined) typeIds.set(type, (id = ++typesSeen));
  // The problems' paths begin with the argument's name, which the field tells.
  const key = `${id}\u0000${info.parentType.name}.${info.fieldName}\u0000${json}`;
  let problems = checkedValues.get(key);
  if (!problems) {
    checkedValues.set(key, (problems = check()));
    problems.catch(() => checkedValues.delete(key));
  }
  return problems;
}

/**
 * Lets each mutation's argument problems wait for its write (which takes them with
 * `takeProblems(ctx)`): they are answered together with the problems the write finds.
 * Problems its write did not take are answered as they are.
 */
function collectMutationProblems(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = async (source, args, context: object, info) => {
      collectProblems(context);
      try {
        const result = await resolve(source, args, context, info);
        const left = takeProblems(context);
        if (left.length) throw problemsError(left);
        return result;
      } finally {
        takeProblems(context);
      }
    };
  }
}
