import type { ValidationError } from "class-validator";
import { GraphQLError } from "graphql";
import { ErrorCode } from "./errors.js";

/**
 * One mistake in a mutation's arguments: `path` names the argument an editor fixes,
 * relative to the mutation's arguments, dotted with list indexes in brackets
 * (`input.slug`, `input.values[2].asOf`, `input.topics[1]`, `slug`).
 */
export interface InputProblem {
  path: string;
  message: string;
  /** BAD_USER_INPUT, or CONFLICT for a value another record already has. */
  code: ErrorCode;
}

/** Joins an argument path and a property: `input` + `slug` → `input.slug`, `input.values` + `2` → `input.values[2]`. */
export function joinPath(prefix: string, property: string): string {
  if (/^\d+$/.test(property)) return `${prefix}[${property}]`;
  return prefix ? `${prefix}.${property}` : property;
}

/**
 * The one error answering a mutation's problems: with one problem, that problem's code,
 * message and path (as before problems were collected); with several, BAD_USER_INPUT
 * and a message listing them. Always `extensions.fields` (each path once) and
 * `extensions.problems` (each problem with its path, message and code).
 */
export function problemsError(problems: readonly InputProblem[]): GraphQLError {
  const fields = [...new Set(problems.map(({ path }) => path))];
  const only = problems.length === 1 ? problems[0] : null;
  const message = only
    ? only.message
    : `The input has ${problems.length} problems; nothing was saved. ${problems.map(({ message }) => message).join(" ")}`;
  return new GraphQLError(message, {
    extensions: {
      code: only ? only.code : ErrorCode.BAD_USER_INPUT,
      fields,
      problems: problems.map(({ path, message, code }) => ({ path, message, code })),
    },
  });
}

/** The problems of a GraphQL error with a catalogue code: its own `problems`, else one per field (or one without). */
export function problemsOf(error: GraphQLError): InputProblem[] {
  const { code, fields, problems } = error.extensions as {
    code: ErrorCode;
    fields?: string[];
    problems?: InputProblem[];
  };
  if (Array.isArray(problems)) return problems;
  const paths = fields?.length ? fields : [""];
  return paths.map((path) => ({ path, message: error.message, code }));
}

/** Turns class-validator's failures for one argument (`argument`, e.g. `input`; "" for an args class) into problems. */
export function validationProblems(errors: readonly ValidationError[], argument: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const walk = (items: readonly ValidationError[], prefix: string) => {
    for (const item of items) {
      const path = joinPath(prefix, item.property);
      for (const text of Object.values(item.constraints ?? {}))
        problems.push({ path, message: `${path}: ${text}.`, code: ErrorCode.BAD_USER_INPUT });
      if (item.children?.length) walk(item.children, path);
    }
  };
  walk(errors, argument);
  return problems;
}

/** The problems collected per write transaction (or per request context, for the arguments' checks deferred to it). */
const collected = new WeakMap<object, InputProblem[]>();

/** Starts collecting problems for `scope` (a write's transaction), beginning with `initial`. */
export function collectProblems(scope: object, initial: readonly InputProblem[] = []): void {
  collected.set(scope, [...initial]);
}

/** Adds an input error to the problems of `scope`; thrown at once where nothing collects them. */
export function report(scope: object, error: GraphQLError): void {
  const problems = collected.get(scope);
  if (!problems) throw error;
  problems.push(...problemsOf(error));
}

/** Adds an input error and stops: the check cannot go on without what was wrong. Throws all problems so far. */
export function reportAndStop(scope: object, error: GraphQLError): never {
  report(scope, error);
  throw problemsError(takeProblems(scope));
}

/** Throws the problems collected for `scope`, if any: called before anything is written. */
export function throwCollected(scope: object): void {
  if (collected.get(scope)?.length) throw problemsError(takeProblems(scope));
}

/**
 * Whether a problem was already found at `path` or, unless `inside` is false, inside it (`input.topics` covers
 * `input.topics[1]`).
 */
export function hasProblemAt(scope: object, path: string, inside = true): boolean {
  return (collected.get(scope) ?? []).some(
    (problem) =>
      problem.path === path || (inside && (problem.path.startsWith(`${path}.`) || problem.path.startsWith(`${path}[`))),
  );
}

/** Takes the problems collected for `scope` and stops collecting. */
export function takeProblems(scope: object): InputProblem[] {
  const problems = collected.get(scope) ?? [];
  collected.delete(scope);
  return problems;
}

/** Whether an error is about the input (BAD_USER_INPUT, or CONFLICT over a field's value) rather than about the record. */
function isInputError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false;
  const { code, fields } = error.extensions as { code?: unknown; fields?: unknown };
  return (
    code === ErrorCode.BAD_USER_INPUT || (code === ErrorCode.CONFLICT && Array.isArray(fields) && fields.length > 0)
  );
}

/**
 * The error a write ends with: an input error thrown where the write could not go on
 * answers together with the problems collected before it; any other error (NOT_FOUND,
 * FORBIDDEN, a version CONFLICT) answers alone, and the collected problems are dropped.
 */
export function withCollected(scope: object, error: unknown): unknown {
  const before = takeProblems(scope);
  if (!before.length || !isInputError(error)) return error;
  return problemsError([...before, ...problemsOf(error)]);
}
