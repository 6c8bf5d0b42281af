import type { MikroORM } from "@mikro-orm/postgresql";
import type { HubContext } from "../../schema/common/context.js";
import { Loaders } from "../../schema/common/loaders.js";
import { VISIBILITY_FILTER, visibilityOf } from "../../schema/publishing/visibility.js";
import type { Viewer } from "../../schema/token/viewer.js";
import type { Logger } from "../logger.js";
import { randomUUID } from "node:crypto";
import { type RequestScope, setScope } from "../request-scope.js";
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
 * site's in-process queries both build theirs here, so they see the same records. `scope` is the HTTP request's
 * (server/request-scope.ts): its id, and the budget later charges are taken from; without one (a background
 * render) the context gets an id of its own. `em` is given to run several operations on one EntityManager (and its
 * transaction), see server/site/run-query.ts `createRolledBackRunner`.
 */
export function requestContext(
  { orm, logger, search }: ContextSources,
  viewer: Viewer | null,
  scope: RequestScope | undefined,
  em = orm.em.fork(),
): HubContext {
  em.setFilterParams(VISIBILITY_FILTER, visibilityOf(viewer));
  const requestId = scope?.requestId ?? randomUUID();
  const context: HubContext = {
    em,
    loaders: new Loaders(em),
    requestId,
    logger: logger.child({ requestId }),
    viewer,
    search,
  };
  setScope(context, scope ?? { requestId });
  return context;
}
