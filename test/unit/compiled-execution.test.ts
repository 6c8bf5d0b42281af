/**
 * The executor of server/graphql/compiled-execution.ts on a small schema of its own, with graphql-jit itself:
 * defaults filled in as graphql-js fills them, and a bounded number of compiled documents.
 */
import { buildSchema, type DocumentNode, getOperationAST, parse } from "graphql";
import { GraphQLISODateTime } from "type-graphql";
import { describe, expect, it } from "vitest";
import { CompiledExecution } from "../../server/graphql/compiled-execution.js";
import { unread } from "../../schema/common/plain-rows.js";

const schema = buildSchema(`
  enum Direction { ASC DESC }
  input Order { field: String!, direction: Direction! = DESC }
  type Query { echo(text: String!, order: Order): String! }
`);
schema.getQueryType()!.getFields().echo.resolve = (_source, args: { text: string; order?: object }) =>
  `${args.text} ${JSON.stringify(args.order ?? null)}`;

/** Runs `document` as Apollo's gateway executor would be asked to. */
function run(execution: CompiledExecution, document: DocumentNode, variables?: Record<string, unknown>) {
  const operation = getOperationAST(document);
  const request = { document, operation, operationName: null, request: { variables }, context: {} };
  return execution.run(request as unknown as Parameters<CompiledExecution["run"]>[0]);
}

describe("CompiledExecution", () => {
  it("fills in the defaults of variables and input fields as graphql-js does", async () => {
    const document = parse(
      `query($text: String! = "hallo", $order: Order = { field: "title" }) { echo(text: $text, order: $order) }`,
    );
    const compiled = new CompiledExecution(schema, 1);
    const interpreted = new CompiledExecution(schema, 0);
    for (const variables of [undefined, { text: "x" }, { order: { field: "slug" } }, { order: null }]) {
      const expected = await run(interpreted, document, variables);
      expect(expected.errors).toBeUndefined();
      expect(await run(compiled, document, variables)).toEqual(expected);
    }
    expect(compiled.counts).toMatchObject({ compiled: 4, interpreted: 0, compilations: 1 });
    expect(interpreted.counts).toMatchObject({ compiled: 0, interpreted: 4, compilations: 0 });
  });

  it("answers variables that do not fit by graphql-js, with its own error", async () => {
    const document = parse(`query($order: Order) { echo(text: "x", order: $order) }`);
    const compiled = new CompiledExecution(schema, 1);
    const answer = await run(compiled, document, { order: { field: "title", direction: "SIDEWAYS" } });
    expect(answer.errors?.[0].message).toMatch(/^Variable "\$order" got invalid value "SIDEWAYS" at "order.direction"/);
    expect(compiled.counts).toMatchObject({ compiled: 0, interpreted: 1 });
  });

  it("keeps the compiled operations of the 500 documents used last", async () => {
    const execution = new CompiledExecution(schema, 1);
    const documents = Array.from({ length: 501 }, (_, index) => parse(`{ echo(text: "${index}") }`));
    for (const document of documents) await run(execution, document);
    expect(execution.counts.compilations).toBe(501);
    // The last one is still kept; the first was dropped for the 501st and is compiled again.
    await run(execution, documents[500]);
    expect(execution.counts.compilations).toBe(501);
    expect(await run(execution, documents[0])).toEqual({ data: { echo: "0 null" } });
    expect(execution.counts.compilations).toBe(502);
  });

  it("compiles a document only from its `compileAfter`th use", async () => {
    const execution = new CompiledExecution(schema, 3);
    const document = parse(`{ echo(text: "drei") }`);
    for (let use = 1; use <= 4; use++) await run(execution, document);
    expect(execution.counts).toMatchObject({ interpreted: 2, compiled: 2, compilations: 1 });
  });

  it("answers a property a narrowed read left unread as a field error, compiled as interpreted", async () => {
    const narrowed = buildSchema(`
      scalar DateTime
      enum Status { PLANNED DONE }
      type Item { slug: String! title: String summary: String count: Int status: Status at: DateTime }
      type Query { items: [Item!]! now: [Item!]! }
    `);
    Object.assign(narrowed.getType("DateTime")!, { serialize: GraphQLISODateTime.serialize });
    const fields = narrowed.getQueryType()!.getFields();
    const items = () =>
      ["a", "b"].map((slug) => {
        const item: Record<string, unknown> = { slug };
        for (const name of ["title", "summary", "count", "status", "at"])
          item[name] = unread(`Item.${name} was not read`);
        return item;
      });
    fields.items.resolve = async () => items();
    fields.now.resolve = () => items();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      for (const text of ["{ items { slug title count status at } }", "{ now { slug summary } }"]) {
        const document = parse(text);
        const expected = await run(new CompiledExecution(narrowed, 0), document);
        expect(expected.errors?.length).toBeGreaterThan(0);
        for (const error of expected.errors ?? []) expect(error.message).toMatch(/^Item\.\w+ was not read$/);
        const compiled = new CompiledExecution(narrowed, 1);
        expect(JSON.parse(JSON.stringify(await run(compiled, document)))).toEqual(JSON.parse(JSON.stringify(expected)));
        expect(compiled.counts).toMatchObject({ compiled: 1 });
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
