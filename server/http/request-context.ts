import type { MikroORM } from "@mikro-orm/postgresql";
import type { HubContext } from "../../schema/common/context.js";
import { Loaders } from "../../schema/common/loaders.js";
import { VISIBILITY_FILTER, visibilityOf } from "../../schema/publishing/visibility.js";
import type { Viewer } from "../../schema/token/viewer.js";
import type { Logger } from "../logger.js";
import { currentRequestId } from "../request-scope.js";
import type { SearchEngine } from "../../schema/search/search-engine.port.js";

/** What every GraphQL context is made from. */
export interface ContextSources {
  orm: MikroORM;
  logger: Logger;
  search: SearchEngine;
}

/**
 * The context of one GraphQL operation: a forked EntityManager whose visibility
 * filter shows what `viewer` may see (published records only for null, an anonymous
 * caller), fresh DataLoaders, and the request's id and logger. `/graphql` and the
 * site's in-process queries both build theirs here, so they see the same records. `em` is given to run several
 * operations on one EntityManager (and its transaction), see server/site/run-query.ts `createRolledBackRunner`.
 */
export function requestContext(
  { orm, logger, search }: ContextSources,
  viewer: Viewer | null,
  em = orm.em.fork(),
): HubContext {
  em.setFilterParams(VISIBILITY_FILTER, visibilityOf(viewer));
  const requestId = currentRequestId();
  return { em, loaders: new Loaders(em), requestId, logger: logger.child({ requestId }), viewer, search };
}
