/** Writes `schema/schema.graphql` from the code. Usage: `npm run schema:emit`. */
import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { buildHubSchema, renderSchemaSdl } from "../graphql/schema.js";
import { scriptArgs } from "./script-args.js";

scriptArgs(
  "schema:emit",
  `Usage: npm run schema:emit

Writes schema/schema.graphql from the code (the type-graphql resolvers). Takes no options.
`,
  {},
);
await writeFile("schema/schema.graphql", renderSchemaSdl(buildHubSchema()));
console.log("wrote schema/schema.graphql");
