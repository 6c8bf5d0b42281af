import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { fromGlobalId, toGlobalId } from "../../schema/common/global-id.js";

/** Runs `fromGlobalId` and returns the error it throws. */
function rejection(globalId: string, argument?: string): GraphQLError {
  try {
    fromGlobalId(globalId, argument);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error(`fromGlobalId(${JSON.stringify(globalId.slice(0, 40))}) did not throw`);
}

const b64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("toGlobalId", () => {
  it("encodes type name and id as unpadded base64url of `Type:id`", () => {
    expect(toGlobalId("Project", 1)).toBe(b64url("Project:1"));
    expect(toGlobalId("Project", 1)).toBe("UHJvamVjdDox");
    expect(Buffer.from(toGlobalId("Municipality", 42), "base64url").toString("utf8")).toBe("Municipality:42");
  });

  it("produces URL-safe text without padding", () => {
    for (const [typeName, id] of [
      ["Project", 1],
      ["BudgetLine", 7],
      ["Topic", 123456],
      ["WorkingGroup", 2 ** 31 - 1],
      ["LessonLearned", 99],
    ] as const) {
      expect(toGlobalId(typeName, id)).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it("gives different ids for different types with the same database id, and vice versa", () => {
    expect(toGlobalId("Project", 1)).not.toBe(toGlobalId("Topic", 1));
    expect(toGlobalId("Project", 1)).not.toBe(toGlobalId("Project", 2));
    expect(toGlobalId("Project", 1)).not.toBe(toGlobalId("Project", 11));
  });
});

describe("fromGlobalId", () => {
  it("round-trips what toGlobalId made", () => {
    const cases: [string, number][] = [
      ["Project", 1],
      ["Municipality", 4],
      ["Strategy", 12],
      ["Provider", 345],
      ["BudgetLine", 2 ** 31 - 1],
    ];
    for (const [typeName, id] of cases) {
      expect(fromGlobalId(toGlobalId(typeName, id))).toEqual({ typeName, id });
    }
  });

  it("returns the id as a number", () => {
    const { id } = fromGlobalId(toGlobalId("Project", 17));
    expect(typeof id).toBe("number");
    expect(id).toBe(17);
  });

  it("rejects garbage with BAD_USER_INPUT naming the argument", () => {
    const error = rejection("garbage!!");
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.extensions.fields).toEqual(["id"]);
    expect(error.message).toBe('"id" is not a valid ID; use the "id" field of an object this API returned.');
  });

  it("names the argument it was given", () => {
    const error = rejection("nope", "projectId");
    expect(error.message).toBe('"projectId" is not a valid ID; use the "id" field of an object this API returned.');
    expect(error.extensions.fields).toEqual(["projectId"]);
  });

  it("rejects decoded text that is not `Type:positive-integer`", () => {
    const decoded = [
      "",
      "Project",
      "Project:",
      ":1",
      "Project:0",
      "Project:-1",
      "Project:01",
      "Project:1.5",
      "Project:1e3",
      "Project:abc",
      "Project:1:2",
      "Project: 1",
      "Project:1 ",
      " Project:1",
      "Project 1",
      "Pro-ject:1",
      "Project2:1",
      "Projekt_X:1",
      "__proto__:1",
      "Prøject:1",
      "Project:１", // full-width digit
      "Project:1\n",
      "Project:1234567890123456", // 16 digits: beyond the 15 allowed
      "Project:99999999999999999999",
    ];
    for (const text of decoded) {
      const error = rejection(b64url(text));
      expect(error.extensions.code, text).toBe("BAD_USER_INPUT");
    }
  });

  it("rejects the empty string and whitespace", () => {
    for (const id of ["", " ", "\t", "\n"]) expect(rejection(id).extensions.code).toBe("BAD_USER_INPUT");
  });

  it("rejects ids longer than 200 characters without decoding them", () => {
    const long = b64url(`Project:1${" ".repeat(300)}`);
    expect(long.length).toBeGreaterThan(200);
    expect(rejection(long).extensions.code).toBe("BAD_USER_INPUT");
    expect(rejection("A".repeat(201)).extensions.code).toBe("BAD_USER_INPUT");
    const huge = "A".repeat(1_000_000);
    const started = performance.now();
    expect(rejection(huge).extensions.code).toBe("BAD_USER_INPUT");
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("the 200-character limit leaves room for every valid ID", () => {
    const longest = toGlobalId("A".repeat(120), 2 ** 31 - 1);
    expect(longest.length).toBeLessThanOrEqual(200);
    expect(fromGlobalId(longest)).toEqual({ typeName: "A".repeat(120), id: 2 ** 31 - 1 });
  });

  it("rejects ids beyond the database's integer range", () => {
    for (const id of [2 ** 31, 999_999_999_999_999])
      expect(rejection(toGlobalId("Project", id)).extensions.code).toBe("BAD_USER_INPUT");
  });

  it("does not echo the bad value in the message", () => {
    const hostile = b64url("<script>alert(1)</script>:1");
    const error = rejection(hostile);
    expect(error.message).not.toContain(hostile);
    expect(error.message).not.toContain("script");
  });

  it("decodes only what base64url spells: the type name is the caller's to check", () => {
    // fromGlobalId checks form, not whether the type exists; Query.node checks the type.
    expect(fromGlobalId(b64url("NoSuchType:3"))).toEqual({ typeName: "NoSuchType", id: 3 });
  });
});
