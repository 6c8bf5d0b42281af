/** Writes `schema/schema.graphql` from the code. Usage: `npm run schema:emit`. */
import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { buildHubSchema, renderSchemaSdl } from "../graphql/schema.js";

await writeFile("schema/schema.graphql", renderSchemaSdl(buildHubSchema()));
console.log("wrote schema/schema.graphql");
