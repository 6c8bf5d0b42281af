import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { GraphQLISODateTime } from "type-graphql";

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Tells whether `value` is a real calendar date of year, month or day precision. */
export function isPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const y = Number(year);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  const d = Number(day);
  return d >= 1 && d <= daysInMonth;
}

/** The year, month and day a valid partial date states; month and day are null where it does not state them. */
export function partialDateParts(value: string): { year: number; month: number | null; day: number | null } {
  const [, year, month, day] = PARTIAL_DATE.exec(value) ?? [];
  return {
    year: Number(year),
    month: month === undefined ? null : Number(month),
    day: day === undefined ? null : Number(day),
  };
}

function parsePartialDate(value: unknown): string {
  if (typeof value !== "string" || !isPartialDate(value)) {
    throw new GraphQLError(
      `PartialDate must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value)?.slice(0, 40)}`,
    );
  }
  return value;
}

/** A date known to the year, month or day, written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PartialDateScalar = new GraphQLScalarType({
  name: "PartialDate",
  description:
    "A calendar date of the precision the source gives: `2021`, `2021-08` or `2021-08-26`. Sorts correctly as text.",
  serialize: (value) => parsePartialDate(value),
  parseValue: (value) => parsePartialDate(value),
  parseLiteral: (ast) => parsePartialDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

const DECIMAL = /^-?\d{1,12}(\.\d{1,2})?$/;

/** Whether a text is a Decimal as the API reads one (`"1234.50"`: up to 12 digits, 2 decimals). */
export function isDecimal(value: string): boolean {
  return DECIMAL.test(value);
}

/** Checks a decimal and writes it as the database does, `"100"` as `"100.00"`, so that equal amounts compare equal. */
function parseDecimal(value: unknown): string {
  if (typeof value !== "string" || !DECIMAL.test(value)) {
    throw new GraphQLError(
      `Decimal must be a string like "1234.50" (up to 12 digits, 2 decimals), got ${JSON.stringify(value)?.slice(0, 40)}`,
    );
  }
  const negative = value.startsWith("-");
  const [whole, fraction = ""] = (negative ? value.slice(1) : value).split(".");
  const digits = whole.replace(/^0+(?=\d)/, "");
  const canonical = `${digits}.${fraction.padEnd(2, "0")}`;
  return negative && /[1-9]/.test(canonical) ? `-${canonical}` : canonical;
}

/** An exact decimal amount, carried as a string so that no cent is lost to floating point. */
export const DecimalScalar = new GraphQLScalarType({
  name: "Decimal",
  description:
    'An exact decimal number as a string, e.g. `"124500.00"`. Amounts are in EUR unless a currency is given.',
  serialize: (value) => {
    if (typeof value === "string") return value;
    if (typeof value === "number" && Number.isFinite(value)) return value.toFixed(2);
    throw new GraphQLError("Decimal cannot represent this value");
  },
  parseValue: (value) => parseDecimal(value),
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** A moment in time, written as ISO 8601 with a time zone, e.g. `2026-11-30T06:30:00.000Z`. */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLISODateTime.toConfig(),
  name: "DateTime",
  description: "A moment in time, written in ISO 8601 with a time zone, e.g. `2026-11-30T06:30:00.000Z`.",
});
