import { readFileSync } from "node:fs";
import { Migration } from "@mikro-orm/migrations";

/**
 * The text of a `.sql` file beside a module (`new URL("./Name/up.sql", import.meta.url)`), without its final line
 * break. `npm run build` copies the `.sql` files into dist, next to the compiled modules.
 */
export function readSql(file: URL): string {
  return readFileSync(file, "utf8").replace(/\n$/, "");
}

/**
 * A migration whose SQL is kept as SQL: `<folder>/up.sql` and `<folder>/down.sql`, each run as one batch of
 * statements. A subclass names its folder beside its module:
 * `protected readonly folder = new URL("./Migration20261206000000Name/", import.meta.url);`
 */
export abstract class SqlFileMigration extends Migration {
  /** The folder holding `up.sql` and `down.sql`, as a URL ending in `/`. */
  protected abstract readonly folder: URL;

  override async up(): Promise<void> {
    this.addSql(readSql(new URL("up.sql", this.folder)));
  }

  override async down(): Promise<void> {
    this.addSql(readSql(new URL("down.sql", this.folder)));
  }
}
