/**
 * The forms' mapping from the API's error paths to form fields (server/editor/forms/field-errors.ts) and from a
 * posted body to the API's input (form-values.ts), against the path format the API's errors carry:
 * `input.slug`, `input.costs[2].amount`, `input.topics`, and the older `slug` and `costs.2.amount`.
 */
import { describe, expect, it } from "vitest";
import { formKeyOf, pathParts, placeErrors } from "../../server/editor/forms/field-errors.js";
import { inputFromValues, valuesFromBody, valuesFromRecord } from "../../server/editor/forms/form-values.js";
import type { InputField } from "../../server/editor/forms/input-fields.js";

const field = (name: string, extra: Partial<InputField> = {}): InputField => ({
  name,
  description: "",
  required: false,
  type: "String",
  shape: "scalar",
  values: [],
  rowFields: [],
  ...extra,
});

const FIELDS: InputField[] = [
  field("slug", { required: true }),
  field("title", { required: true }),
  field("status", { shape: "enum", type: "ProjectStatus", required: true }),
  field("topics", { shape: "list" }),
  field("horizon", { type: "Int" }),
  field("costs", {
    shape: "rows",
    type: "CostInput",
    rowFields: [field("amount", { type: "Decimal", required: true }), field("description")],
  }),
];

describe("error paths to form fields", () => {
  it("reads the API's path formats alike", () => {
    expect(pathParts("input.costs[2].amount")).toEqual(["costs", 2, "amount"]);
    expect(pathParts("costs.2.amount")).toEqual(["costs", 2, "amount"]);
    expect(pathParts("input.slug")).toEqual(["slug"]);
    expect(pathParts("slug")).toEqual(["slug"]);
  });

  it("places a path at its field, a list item at its list, a row at the form row it came from", () => {
    expect(formKeyOf("input.slug", FIELDS)).toBe("slug");
    expect(formKeyOf("input.topics[1]", FIELDS)).toBe("topics");
    // Form rows 0 and 2 were filled, row 1 blank: the API's second row is the form's third.
    expect(formKeyOf("input.costs[1].amount", FIELDS, { costs: [0, 2] })).toBe("costs[2].amount");
    expect(formKeyOf("input.costs[0]", FIELDS, { costs: [0, 2] })).toBe("costs[0].amount");
    expect(formKeyOf("input.municipality", FIELDS)).toBeNull();
    expect(formKeyOf("id", FIELDS)).toBeNull();
  });

  it("splits one validation error into a message per field, in German, in the form's order", () => {
    const errors = placeErrors(
      [
        {
          code: "BAD_USER_INPUT",
          fields: ["title", "slug"],
          message:
            "Invalid argument. title: title must not be blank; slug: slug must be lowercase letters and digits joined by single hyphens, e.g. `x`",
        },
        {
          code: "BAD_USER_INPUT",
          fields: ["input.costs[1].amount"],
          message: 'Decimal must be a string like "1234.50"',
        },
        {
          code: "BAD_USER_INPUT",
          fields: [],
          message:
            'Variable "$input" got invalid value "X" at "input.status"; Value "X" does not exist in "ProjectStatus" enum.',
        },
        { code: "CONFLICT", fields: [], message: "Something else <b>happened</b>." },
      ],
      FIELDS,
      { costs: [0, 3] },
    );
    expect(Object.keys(errors.byField)).toEqual(["slug", "title", "status", "costs[3].amount"]);
    expect(errors.byField.title).toEqual(["Bitte ausfüllen."]);
    expect(errors.byField.slug[0]).toMatch(/^Nur Kleinbuchstaben/);
    expect(errors.byField.status).toEqual(["Bitte einen der angebotenen Werte wählen."]);
    expect(errors.general).toEqual(["Die Schnittstelle meldet: Something else <b>happened</b>."]);
  });
});

describe("posted forms to the API's input", () => {
  it("takes only the form's fields, lists as lists, rows without blank ones, blanks as null or empty text", () => {
    const body = {
      slug: "herten-x",
      title: "  ",
      status: "",
      topics: ["schools", "", "e-file"],
      horizon: "2030",
      "costs[0].amount": "12,50",
      "costs[1].amount": "",
      "costs[2].amount": "x",
      "costs[2].description": "Lizenz",
      municipality: "ratingen",
      __proto__: "x",
    };
    const values = valuesFromBody(body, FIELDS);
    expect(values.municipality).toBeUndefined();
    const { input, formRows } = inputFromValues(values, FIELDS);
    expect(input).toEqual({
      slug: "herten-x",
      title: "",
      status: null,
      topics: ["schools", "e-file"],
      horizon: 2030,
      costs: [
        { amount: "12.50", description: null },
        { amount: "x", description: "Lizenz" },
      ],
    });
    expect(formRows).toEqual({ costs: [0, 2] });
  });

  const COST_ROWS: InputField[] = [
    field("costs", {
      shape: "rows",
      type: "CostItemInput",
      rowFields: [
        field("id", { type: "ID" }),
        field("amount", { type: "Decimal", required: true }),
        field("description"),
        field("sources", { shape: "list" }),
      ],
    }),
  ];

  it("carries a row's list and hidden id through the form, and drops removed and cleared rows", () => {
    const record = {
      costs: [
        { id: "Q29zdEl0ZW06MQ", amount: "12.50", description: "Lizenz", sources: [{ key: "a" }, { key: "b" }] },
        { id: "Q29zdEl0ZW06Mg", amount: "3.00", description: "Porto", sources: [] },
      ],
    };
    const shown = valuesFromRecord(record, COST_ROWS);
    expect(shown["costs[0].sources"]).toEqual(["a", "b"]);
    expect(shown["costs[0].id"]).toBe("Q29zdEl0ZW06MQ");
    // Posted back as a browser does: a multiple select repeats its name; an unticked box and an empty one are absent.
    const posted = valuesFromBody(
      {
        "costs[0].id": "Q29zdEl0ZW06MQ",
        "costs[0].amount": "12.50",
        "costs[0].description": "Lizenz",
        "costs[0].sources": ["a", "b"],
        "costs[1].id": "Q29zdEl0ZW06Mg",
        "costs[1].amount": "3.00",
        "costs[1].description": "Porto",
        "costs[1].entfernen": "ja",
        "costs[2].id": "Q29zdEl0ZW06Mw",
        "costs[2].amount": " ",
        "costs[2].description": "",
        "costs[3].amount": "1.234,5",
        "costs[3].description": "Neu",
        "costs[3].sources": "b",
      },
      COST_ROWS,
    );
    const { input, formRows } = inputFromValues(posted, COST_ROWS);
    expect(input.costs).toEqual([
      { id: "Q29zdEl0ZW06MQ", amount: "12.50", description: "Lizenz", sources: ["a", "b"] },
      { id: null, amount: "1.234.5", description: "Neu", sources: ["b"] },
    ]);
    expect(formRows).toEqual({ costs: [0, 3] });
    // An error at a row's hidden id is shown at the row's first visible field.
    expect(formKeyOf("input.costs[0].id", COST_ROWS, formRows)).toBe("costs[0].amount");
  });

  it("finds a row's number or date the API cannot read, and a required one left blank", () => {
    const rows: InputField[] = [
      field("values", {
        shape: "rows",
        type: "IndicatorValueInput",
        rowFields: [
          field("id", { type: "ID" }),
          field("value", { type: "Float", required: true }),
          field("asOf", { type: "PartialDate", required: true }),
          field("note"),
        ],
      }),
    ];
    const posted = valuesFromBody(
      {
        "values[0].value": "12,5",
        "values[0].asOf": "2023-06",
        "values[1].value": "zwölf",
        "values[1].asOf": "2023-13",
        "values[2].value": "",
        "values[2].asOf": "2024",
        "values[2].note": "ohne Wert",
      },
      rows,
    );
    const { input } = inputFromValues(posted, rows);
    const values = input.values as Record<string, unknown>[];
    expect(values[0]).toMatchObject({ value: 12.5, asOf: "2023-06" });
    // What the API cannot read goes as typed (or blank), for GraphQL to name at its place (format-problems.ts).
    expect(values[1]).toMatchObject({ value: "zwölf", asOf: "2023-13" });
    expect(values[2]).toMatchObject({ value: null, asOf: "2024" });
  });

  it("leaves a group out of the input when the post carries none of its rows", () => {
    const { input } = inputFromValues(valuesFromBody({ "costs[0]": "x", costs: "y" }, COST_ROWS), COST_ROWS);
    expect(input).toEqual({});
    const cleared = inputFromValues(valuesFromBody({ "costs[0].amount": "" }, COST_ROWS), COST_ROWS);
    expect(cleared.input).toEqual({ costs: [] });
  });

  it("bounds every value and ignores non-text values", () => {
    const values = valuesFromBody({ title: "x".repeat(50_000), slug: { evil: true } }, FIELDS);
    expect((values.title as string).length).toBe(20_000);
    expect(values.slug).toBeUndefined();
  });
});
