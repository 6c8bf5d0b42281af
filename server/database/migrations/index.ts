import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261122075835 } from "./Migration20261122075835.js";

/** The committed migrations, oldest first. New ones are appended by `npm run migration:create`. */
export const migrations: MigrationObject[] = [
  { name: "Migration20261122075835", class: Migration20261122075835 },
];
