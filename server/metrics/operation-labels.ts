import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse } from "graphql";

/** How many operation names besides the client examples' get a label of their own; later ones count as OTHER_OPERATION. */
export const MAX_OPERATION_NAMES = 100;
/** The label of every operation name past the bound. Not a GraphQL name, so no operation is mistaken for it. */
export const OTHER_OPERATION = "(other)";
/** The label of an operation without a name, or of a request whose operation could not be told. */
export const ANONYMOUS_OPERATION = "(anonymous)";
/** Longest operation name kept as a label; a longer one counts as OTHER_OPERATION. */
const MAX_NAME_LENGTH = 100;

/**
 * Maps GraphQL operation names to metric labels with a bounded number of values: the names of the client examples,
 * then the first MAX_OPERATION_NAMES other names seen, each as itself; any further name is OTHER_OPERATION. At most
 * known + MAX_OPERATION_NAMES + 2 values, whatever names callers make up.
 */
export class OperationLabels {
  private readonly known: Set<string>;
  private readonly seen = new Set<string>();

  constructor(
    known: Iterable<string> = [],
    private readonly max = MAX_OPERATION_NAMES,
  ) {
    this.known = new Set(known);
  }

  labelOf(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (this.known.has(name) || this.seen.has(name)) return name;
    if (name.length > MAX_NAME_LENGTH || this.seen.size >= this.max) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}

// The repository root in the sources, `dist/` once built (the build copies the examples' .graphql files there).
const EXAMPLES_DIR = fileURLToPath(new URL("../../client-examples/", import.meta.url));

/** The operation names of `client-examples/**\/*.graphql`; none when the directory cannot be read. */
export async function exampleOperationNames(dir = EXAMPLES_DIR): Promise<string[]> {
  const files = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const names: string[] = [];
  for (const file of files.filter((name) => name.endsWith(".graphql"))) {
    try {
      for (const definition of parse(await readFile(path.join(dir, file), "utf8")).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.push(definition.name.value);
      }
    } catch {
      // An example that does not parse names nothing; the examples' own test catches it.
    }
  }
  return names;
}
