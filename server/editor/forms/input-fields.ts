import type { RunSiteQuery } from "../../site/run-query.js";

/**
 * The fields of a form, read from the API's own input object types by introspection: names, required or not,
 * scalar, enum (with its values) or list, and the API's description. One renderer serves every record type.
 */
export interface InputField {
  name: string;
  /** The API's description, shown as help where the label table has none. */
  description: string;
  /** A value is required (`String!`): the form marks it. */
  required: boolean;
  /** The named type: `String`, `PartialDate`, `ProjectStatus`, … */
  type: string;
  shape: "scalar" | "enum" | "list" | "rows";
  /** The values of an enum (or of an enum list). */
  values: { name: string; description: string }[];
  /** The sub-fields of one row, for a list of input objects (e.g. an indicator's values). */
  rowFields: InputField[];
}

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

interface IntrospectedType {
  name: string;
  kind: string;
  inputFields: { name: string; description: string | null; type: TypeRef }[] | null;
  enumValues: { name: string; description: string | null }[] | null;
}

const TYPE_QUERY = `query FormInputType($name: String!) {
  __type(name: $name) {
    name kind
    inputFields { name description type { ...FormTypeRef } }
    enumValues { name description }
  }
}
fragment FormTypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

/** The named type at the bottom of a reference, whether it is required, and whether it is a list. */
function unwrap(ref: TypeRef): { name: string; kind: string; required: boolean; list: boolean } {
  const required = ref.kind === "NON_NULL";
  let list = false;
  let current: TypeRef = ref;
  while (current.ofType) {
    if (current.kind === "LIST") list = true;
    current = current.ofType;
  }
  return { name: current.name ?? "", kind: current.kind, required, list };
}

/** Reads input object types by introspection, each once per process (the schema does not change while it runs). */
export class InputFieldReader {
  private readonly cache = new Map<string, Promise<IntrospectedType | null>>();

  constructor(private readonly run: RunSiteQuery) {}

  private type(name: string): Promise<IntrospectedType | null> {
    let found = this.cache.get(name);
    if (!found) {
      found = this.run<{ __type: IntrospectedType | null }>(TYPE_QUERY, { name }).then((data) => data.__type);
      // A failed read (database down while the hub started) is tried again on the next form.
      found.catch(() => this.cache.delete(name));
      this.cache.set(name, found);
    }
    return found;
  }

  /** The fields of input object type `name` in the schema's order, `skip` left out. */
  async fields(name: string, skip: readonly string[] = []): Promise<InputField[]> {
    const type = await this.type(name);
    if (!type?.inputFields) throw new Error(`${name} is not an input object type of the schema`);
    const fields: InputField[] = [];
    for (const field of type.inputFields) {
      if (skip.includes(field.name)) continue;
      const bottom = unwrap(field.type);
      const values = bottom.kind === "ENUM" ? await this.enumValues(bottom.name) : [];
      const rows = bottom.kind === "INPUT_OBJECT";
      fields.push({
        name: field.name,
        description: field.description ?? "",
        required: bottom.required,
        type: bottom.name,
        shape: rows ? "rows" : bottom.list ? "list" : bottom.kind === "ENUM" ? "enum" : "scalar",
        values,
        rowFields: rows ? await this.fields(bottom.name) : [],
      });
    }
    return fields;
  }

  private async enumValues(name: string): Promise<InputField["values"]> {
    const type = await this.type(name);
    return (type?.enumValues ?? []).map((value) => ({ name: value.name, description: value.description ?? "" }));
  }
}
