import type { MikroORM } from "@mikro-orm/postgresql";
import { HubSeeder } from "../seeds/hub.seeder.js";
import { Municipality } from "../schema/municipality/municipality.entity.js";
import { withMigrationLock } from "./database/database.js";
import type { Logger } from "./logger.js";

/**
 * Loads the seed data into a database that holds no municipality yet. Under the migration lock (see
 * `withMigrationLock`), so that of hubs starting together on one empty database only the first seeds it.
 */
export async function seedIfEmpty(orm: MikroORM, logger: Logger): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(Municipality)) > 0) return false;
  return withMigrationLock(orm.config.get("clientUrl")!, logger, async () => {
    if ((await em.count(Municipality)) > 0) return false;
    const started = performance.now();
    await orm.seeder.seed(HubSeeder);
    logger.info({ ms: Math.round(performance.now() - started) }, "loaded the seed data into the empty database");
    return true;
  });
}
