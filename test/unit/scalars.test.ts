import { GraphQLError, Kind, type ValueNode } from "graphql";
import { describe, expect, it } from "vitest";
import { DecimalScalar, isPartialDate, PartialDateScalar } from "../../schema/common/scalars.js";

const stringLiteral = (value: string): ValueNode => ({ kind: Kind.STRING, value });
const intLiteral = (value: string): ValueNode => ({ kind: Kind.INT, value });
const floatLiteral = (value: string): ValueNode => ({ kind: Kind.FLOAT, value });

/** Runs `fn` and returns the GraphQLError it throws. */
function thrown(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error("did not throw");
}

describe("isPartialDate", () => {
  it("accepts year, month and day precision", () => {
    for (const value of ["2021", "2021-08", "2021-08-26", "1999-12-31", "2000-01-01", "2024-12"]) {
      expect(isPartialDate(value), value).toBe(true);
    }
  });

  it("knows leap years", () => {
    expect(isPartialDate("2023-02-29")).toBe(false);
    expect(isPartialDate("2024-02-29")).toBe(true);
    expect(isPartialDate("2000-02-29")).toBe(true); // divisible by 400
    expect(isPartialDate("1900-02-29")).toBe(false); // divisible by 100, not 400
    expect(isPartialDate("2100-02-29")).toBe(false);
    expect(isPartialDate("2023-02-28")).toBe(true);
    expect(isPartialDate("2024-02-30")).toBe(false);
  });

  it("knows the length of each month", () => {
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    days.forEach((last, index) => {
      const month = String(index + 1).padStart(2, "0");
      expect(isPartialDate(`2023-${month}-${last}`), `2023-${month}-${last}`).toBe(true);
      expect(isPartialDate(`2023-${month}-${last + 1}`), `2023-${month}-${last + 1}`).toBe(false);
    });
  });

  it("rejects impossible months and days", () => {
    for (const value of [
      "2021-00",
      "2021-13",
      "2021-99",
      "2021-01-00",
      "2021-01-32",
      "2021-04-31",
      "2021-06-31",
      "2021-00-10",
    ]) {
      expect(isPartialDate(value), value).toBe(false);
    }
  });

  it("rejects other spellings", () => {
    const bad = [
      "",
      "21",
      "202",
      "20211",
      "2021-8",
      "2021-08-1",
      "2021/08/26",
      "26.08.2021",
      "2021-08-26T00:00:00Z",
      "2021-08-26 ",
      " 2021",
      "2021-",
      "2021-08-",
      "+2021",
      "-2021",
      "２０２１", // full-width digits
      "August 2021",
      "2021-W34",
      "2021-08-26\n",
    ];
    for (const value of bad) expect(isPartialDate(value), JSON.stringify(value)).toBe(false);
  });
});

describe("PartialDate scalar", () => {
  it("parses and serializes valid dates unchanged", () => {
    for (const value of ["2021", "2021-08", "2024-02-29"]) {
      expect(PartialDateScalar.parseValue(value)).toBe(value);
      expect(PartialDateScalar.serialize(value)).toBe(value);
      expect(PartialDateScalar.parseLiteral(stringLiteral(value), undefined)).toBe(value);
    }
  });

  it("rejects invalid values with a message that shows the expected form", () => {
    for (const value of ["2023-02-29", "2021-13", "yesterday", ""]) {
      const error = thrown(() => PartialDateScalar.parseValue(value));
      expect(error.message).toBe(
        `PartialDate must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value)}`,
      );
    }
  });

  it("rejects values that are not strings", () => {
    for (const value of [2021, null, undefined, true, {}, ["2021"], new Date("2021-08-26")]) {
      const error = thrown(() => PartialDateScalar.parseValue(value));
      expect(error.message).toMatch(/^PartialDate must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got /);
    }
  });

  it("rejects literals that are not strings", () => {
    expect(thrown(() => PartialDateScalar.parseLiteral(intLiteral("2021"), undefined)).message).toMatch(
      /^PartialDate must be/,
    );
    expect(thrown(() => PartialDateScalar.parseLiteral(stringLiteral("2021-02-30"), undefined)).message).toMatch(
      /got "2021-02-30"$/,
    );
  });

  it("refuses to serialize an invalid stored value", () => {
    expect(() => PartialDateScalar.serialize("2021-02-30")).toThrow(GraphQLError);
    expect(() => PartialDateScalar.serialize(20210830)).toThrow(GraphQLError);
  });

  it("keeps the message short for huge input", () => {
    const error = thrown(() => PartialDateScalar.parseValue("9".repeat(100_000)));
    expect(error.message.length).toBeLessThan(150);
  });
});

describe("Decimal scalar", () => {
  it("parses decimal strings of up to 12 digits and 2 decimals, written as the database writes them", () => {
    const canonical: [string, string][] = [
      ["0", "0.00"],
      ["1234.50", "1234.50"],
      ["1234.5", "1234.50"],
      ["1234", "1234.00"],
      ["-1.00", "-1.00"],
      ["-0", "0.00"],
      ["-0.00", "0.00"],
      ["007.1", "7.10"],
      ["0.01", "0.01"],
      ["999999999999.99", "999999999999.99"],
      ["-999999999999.99", "-999999999999.99"],
    ];
    for (const [value, expected] of canonical) {
      expect(DecimalScalar.parseValue(value), value).toBe(expected);
      expect(DecimalScalar.parseLiteral(stringLiteral(value), undefined)).toBe(expected);
    }
  });

  it("rejects other spellings with a message that shows the expected form", () => {
    const bad = [
      "",
      "1.234",
      "1,50",
      "1e5",
      "1.",
      ".5",
      "+1",
      " 1",
      "1 ",
      "0x10",
      "1234567890123",
      "NaN",
      "Infinity",
      "12.3.4",
      "--1",
      "1_000",
    ];
    for (const value of bad) {
      const error = thrown(() => DecimalScalar.parseValue(value));
      expect(error.message, value).toBe(
        `Decimal must be a string like "1234.50" (up to 12 digits, 2 decimals), got ${JSON.stringify(value)}`,
      );
    }
  });

  it("rejects numbers and other non-strings, so no cent is lost to floating point", () => {
    for (const value of [1234.5, 0, null, undefined, true, {}, ["1.00"]]) {
      expect(() => DecimalScalar.parseValue(value)).toThrow(GraphQLError);
    }
    expect(() => DecimalScalar.parseLiteral(floatLiteral("1234.50"), undefined)).toThrow(/Decimal must be a string/);
    expect(() => DecimalScalar.parseLiteral(intLiteral("1234"), undefined)).toThrow(/Decimal must be a string/);
  });

  it("serializes strings unchanged and finite numbers with two decimals", () => {
    expect(DecimalScalar.serialize("124500.00")).toBe("124500.00");
    expect(DecimalScalar.serialize(1.5)).toBe("1.50");
    expect(DecimalScalar.serialize(0)).toBe("0.00");
    expect(DecimalScalar.serialize(-3)).toBe("-3.00");
    expect(DecimalScalar.serialize(0.125)).toBe("0.13");
  });

  it("refuses to serialize what is not a number", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, undefined, {}, true]) {
      expect(() => DecimalScalar.serialize(value)).toThrow("Decimal cannot represent this value");
    }
  });

  it("keeps the message short for huge input", () => {
    const error = thrown(() => DecimalScalar.parseValue("9".repeat(100_000)));
    expect(error.message.length).toBeLessThan(150);
  });
});
