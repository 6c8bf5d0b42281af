import { describe, expect, it } from "vitest";
import { MAX_NAMED, preparedRead, readUnnamed, statementName, valuesOf } from "../../schema/common/prepared.js";

describe("a compiled read as PostgreSQL prepares it (schema/common/prepared.ts)", () => {
  it("numbers the parameters and takes each list of keys as one array parameter", () => {
    const read = preparedRead(
      'select "e".* from "project" as "e" where "e"."municipality_id" in (?) and "e"."publication_state" = ? limit ?',
      [-1, "PUBLISHED", 21],
      [0],
    );
    expect(read?.text).toBe(
      'select "e".* from "project" as "e" where "e"."municipality_id" = any($1) and "e"."publication_state" = $2 limit $3',
    );
    // Ids as PostgreSQL's array literal, text keys as a list the driver escapes.
    expect(valuesOf(read!, [[4, 5, 6]])).toEqual(["{4,5,6}", "PUBLISHED", 21]);
    expect(valuesOf(read!, [[]], new Map([[2, 11]]))).toEqual(["{}", "PUBLISHED", 11]);
    expect(valuesOf(read!, [["herten", 'a"b,c}']])).toEqual([["herten", 'a"b,c}'], "PUBLISHED", 21]);
    // The compiled values stay as they were for the next run.
    expect(read?.values).toEqual([-1, "PUBLISHED", 21]);
  });

  it("names each text once per ORM, whatever the number of keys, and no more than MAX_NAMED texts", () => {
    const orm = {};
    const texts = Array.from(
      { length: MAX_NAMED + 50 },
      (_, i) => `select id from topic where id = any($1) and ${i} > 0`,
    );
    const names = texts.map((text) => statementName(orm, text));
    expect(texts.map((text) => statementName(orm, text))).toEqual(names);
    expect(names.slice(0, MAX_NAMED)).toEqual(texts.slice(0, MAX_NAMED).map((_, i) => `ikz_read_${i + 1}`));
    expect(names.slice(MAX_NAMED)).toEqual(texts.slice(MAX_NAMED).map(() => undefined));
    // Another ORM (its own pool, its own connections) names its texts itself; one whose reads run unnamed never does.
    expect(statementName({}, texts[MAX_NAMED + 1])).toBe("ikz_read_1");
    const unnamed = {};
    readUnnamed(unnamed);
    expect(statementName(unnamed, texts[0])).toBeUndefined();
  });

  it("leaves to the ORM's own path what it cannot take as parameters", () => {
    // A list that is no list of keys, a date, an object: the ORM writes them into SQL its own way.
    expect(preparedRead("select id from project where id in (?)", [[1, 2]], [])).toBeNull();
    expect(preparedRead("select id from project where created_at > ?", [new Date(0)], [])).toBeNull();
    expect(preparedRead("select id from project where data = ?", [{ a: 1 }], [])).toBeNull();
    // A `?` that is no binding's place (an operator), or a binding without one.
    expect(preparedRead("select id from t where tags \\? ? and x = ?", ["a"], [])).toBeNull();
    expect(preparedRead("select id from t", [1], [])).toBeNull();
  });
});
