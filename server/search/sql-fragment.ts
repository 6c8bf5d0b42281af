/**
 * SQL fragments that carry their parameters: a fragment's text holds one `?` per parameter, in order, so fragments
 * compose by concatenation and no placeholder can drift from its value. `search-connections.ts` numbers the
 * placeholders (`$1`, `$2`, …) when a statement runs.
 */

/** A statement or part of one with `?` placeholders, as the ORM writes them, and its parameters. */
export interface Sql {
  sql: string;
  params: unknown[];
}

function isSql(value: unknown): value is Sql {
  return typeof value === "object" && value !== null && "sql" in value && "params" in value;
}

/**
 * A fragment from a template: an interpolated fragment is spliced in with its parameters, any other value becomes a
 * `?` parameter. Text that is SQL (a column, a constant) is interpolated as `raw(…)`.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const params: unknown[] = [];
  let text = strings[0];
  values.forEach((value, index) => {
    if (isSql(value)) {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += "?";
      params.push(value);
    }
    text += strings[index + 1];
  });
  return { sql: text, params };
}

/** SQL text without parameters: a column name, a constant, a fixed clause. Never a value from a request. */
export function raw(text: string | number): Sql {
  return { sql: String(text), params: [] };
}

/** Fragments one after the other, with `separator` between them. */
export function joinSql(parts: readonly Sql[], separator: string): Sql {
  return { sql: parts.map((part) => part.sql).join(separator), params: parts.flatMap((part) => part.params) };
}
