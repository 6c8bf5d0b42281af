import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestExecutionListener,
  GraphQLRequestListener,
} from "@apollo/server";

/** The request hooks whose results nobody reads: Apollo calls them on every listener at once. */
const NOTIFYING = [
  "didResolveSource",
  "didResolveOperation",
  "didEncounterErrors",
  "willSendResponse",
  "didEncounterSubsequentErrors",
  "willSendSubsequentPayload",
] as const;

type Listener<T extends BaseContext> = GraphQLRequestListener<T>;
type Hook = (...args: unknown[]) => unknown;

/**
 * `plugins` with the request hooks of all of them answered by one plugin. For each hook of a request, Apollo calls
 * every plugin's listener through `Promise.all`, whether it has the hook or not; each plugin has one or two of the
 * eight, so fourteen plugins cost a request some 180 promises (a sixth of the promises of the seed data's nested
 * read, issue 18). The one listener calls, for each hook, only the listeners that have it, exactly as Apollo
 * would: all at once (`Promise.all`), the hooks ending a phase (parsing, validation, execution) in reverse order,
 * `responseForOperation` one after the other until one answers. The plugins' other hooks (`serverWillStart`, …)
 * stay with them, in their order.
 */
export function withRequestHooksChained<T extends BaseContext>(
  plugins: readonly ApolloServerPlugin<T>[],
): ApolloServerPlugin<T>[] {
  const requestPlugins = plugins.filter((plugin) => plugin.requestDidStart);
  if (requestPlugins.length < 2) return [...plugins];
  const others = plugins.flatMap((plugin) => {
    if (!plugin.requestDidStart) return [plugin];
    const { requestDidStart: _chained, ...rest } = plugin;
    return Object.keys(rest).length ? [rest] : [];
  });
  const chained: ApolloServerPlugin<T> = {
    async requestDidStart(requestContext) {
      const started = await Promise.all(requestPlugins.map((plugin) => plugin.requestDidStart!(requestContext)));
      return chainedListener(started.filter((listener): listener is Listener<T> => Boolean(listener)));
    },
  };
  return [...others, chained];
}

/** Calls `hook` of each of `listeners` at once, as Apollo's `Promise.all` does; one alone is called directly. */
function callAll(listeners: readonly object[], hook: string, args: unknown[]): Promise<unknown[]> | unknown {
  if (listeners.length === 1) return (listeners[0] as Record<string, Hook>)[hook](...args);
  return Promise.all(listeners.map((listener) => (listener as Record<string, Hook>)[hook](...args)));
}

/** The listeners of `listeners` that have `hook`. */
function having<L extends object>(listeners: readonly L[], hook: keyof L): L[] {
  return listeners.filter((listener) => listener[hook]);
}

/** One listener for all of `listeners`; it has a hook only where one of them has it. */
function chainedListener<T extends BaseContext>(listeners: Listener<T>[]): Listener<T> {
  const chained: Record<string, unknown> = {};
  for (const hook of NOTIFYING) {
    const callees = having(listeners, hook);
    if (callees.length) chained[hook] = async (...args: unknown[]) => void (await callAll(callees, hook, args));
  }
  for (const hook of ["parsingDidStart", "validationDidStart"] as const) {
    const callees = having(listeners, hook);
    if (!callees.length) continue;
    chained[hook] = async (requestContext: unknown) => {
      const ends = ([await callAll(callees, hook, [requestContext])].flat() as (Hook | undefined)[]).filter(
        (end): end is Hook => Boolean(end),
      );
      ends.reverse();
      // Apollo's own end hooks are async and not awaited.
      return ends.length ? async (...args: unknown[]) => ends.forEach((end) => end(...args)) : undefined;
    };
  }
  const answering = having(listeners, "responseForOperation");
  if (answering.length) {
    chained.responseForOperation = async (requestContext: never) => {
      for (const listener of answering) {
        const response = await listener.responseForOperation!(requestContext);
        if (response != null) return response;
      }
      return null;
    };
  }
  const executing = having(listeners, "executionDidStart");
  if (executing.length) chained.executionDidStart = (requestContext: never) => executionOf(executing, requestContext);
  return chained as Listener<T>;
}

/** The execution listeners of `listeners` as one: `executionDidEnd` in reverse order, `willResolveField` if any has it. */
async function executionOf<T extends BaseContext>(
  listeners: Listener<T>[],
  requestContext: never,
): Promise<GraphQLRequestExecutionListener<T> | void> {
  const started = [await callAll(listeners, "executionDidStart", [requestContext])].flat();
  const execution = (started as (GraphQLRequestExecutionListener<T> | undefined)[]).filter(
    (listener): listener is GraphQLRequestExecutionListener<T> => Boolean(listener),
  );
  if (!execution.length) return;
  execution.reverse();
  const chained: GraphQLRequestExecutionListener<T> = {};
  const ending = having(execution, "executionDidEnd");
  if (ending.length)
    chained.executionDidEnd = async (error) => void (await callAll(ending, "executionDidEnd", [error]));
  const resolving = having(execution, "willResolveField");
  if (resolving.length) {
    chained.willResolveField = (params) => {
      const ends = resolving.flatMap((listener) => listener.willResolveField!(params) ?? []).reverse();
      return ends.length ? (error, result) => ends.forEach((end) => end(error, result)) : undefined;
    };
  }
  return chained;
}
