import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261122081650 } from "./Migration20261122081650.js";
import { Migration20261122081700GermanCollation } from "./Migration20261122081700GermanCollation.js";

/** The committed migrations, oldest first. New ones are appended by `npm run migration:create`. */
export const migrations: MigrationObject[] = [
  { name: "Migration20261122081650", class: Migration20261122081650 },
  { name: "Migration20261122081700GermanCollation", class: Migration20261122081700GermanCollation },
];
