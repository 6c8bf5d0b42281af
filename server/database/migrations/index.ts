import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261122075042 } from "./Migration20261122075042.js";

/** The committed migrations, oldest first. New ones are appended by `npm run migration:create`. */
export const migrations: MigrationObject[] = [
  { name: "Migration20261122075042", class: Migration20261122075042 },
];
