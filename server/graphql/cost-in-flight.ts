import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { OperationDeadline } from "../../schema/common/context.js";
import { requestCost } from "./request-cost.js";

/**
 * The plugin that bounds how much large work executes at once: the summed query cost (see cost.rule.ts) of the
 * large operations executing together stays within `gate.capacity`. A large operation (cost above a hundredth
 * of the capacity) that does not fit waits, in order of arrival, until earlier ones have ended; one that alone exceeds
 * the capacity runs when no other large operation does. Small operations never wait and do not count. The wait is
 * part of the operation's execution time: an operation still waiting at its deadline (`EXECUTION_TIMEOUT_MS`) stops
 * waiting and is answered with `TIMEOUT` like a slow one, without running a resolver.
 *
 * Why: the memory of the hub is mostly the answers being built; twenty large answers at once (the reference nested
 * read of issue 18, 9,000 objects each) held a gigabyte, and spent more of their CPU in the garbage collector than
 * in the work. Answered a few at a time, the same work takes the same CPU and far less memory. Goes into
 * ApolloServer's `plugins`.
 */
export function costInFlightPlugin(gate: CostGate): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async executionDidStart({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          // Undefined when the variables do not fit: execution refuses them at once, without work.
          const cost = requestCost({ schema, document, operation, request }) ?? 0;
          // The deadline is set by the operation limits' plugin, listed before this one (server/hub.ts).
          const deadline = (contextValue as { deadline?: OperationDeadline }).deadline;
          release = await gate.enter(cost, deadline?.remainingMs());
          // Its time ran out while it waited: it must not start, whatever the clock says this very moment.
          if (release === TIMED_OUT) deadline?.expire();
          return {
            async executionDidEnd() {
              release?.();
            },
          };
        },
        // Also here: an execution that never began (another plugin failed) must not keep its place.
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}

/** A waiting large operation: its cost and how to let it start. */
interface Waiting {
  cost: number;
  start: (release: () => void) => void;
  timer?: NodeJS.Timeout;
}

/**
 * Admits operations by their cost: the large ones in order of arrival while their summed cost fits `capacity` (or
 * one alone), the small ones always. One per hub, shared by its requests.
 */
export class CostGate {
  /** Summed cost of the large operations admitted and not yet released. */
  private inFlight = 0;
  /** Large operations admitted and not yet released. */
  private running = 0;
  private readonly queue: Waiting[] = [];
  /** Operations up to this cost are small: they never wait. */
  readonly smallCost: number;

  constructor(readonly capacity: number) {
    this.smallCost = Math.floor(capacity / 100);
  }

  /**
   * Settles when an operation of `cost` may start, with the function that ends its turn (a second call does nothing);
   * or after `maxWaitMs` without a turn, with `TIMED_OUT`, which does nothing (the operation's deadline has passed then).
   */
  enter(cost: number, maxWaitMs?: number): Promise<() => void> {
    if (cost <= this.smallCost) return Promise.resolve(ignore);
    if (this.queue.length === 0 && this.fits(cost)) return Promise.resolve(this.admit(cost));
    return new Promise((start) => {
      const waiting: Waiting = { cost, start };
      if (maxWaitMs !== undefined) waiting.timer = setTimeout(() => this.giveUp(waiting), maxWaitMs);
      this.queue.push(waiting);
    });
  }

  /** Takes a waiting operation out of the queue without a turn; those behind it may fit now. */
  private giveUp(waiting: Waiting): void {
    const index = this.queue.indexOf(waiting);
    if (index < 0) return;
    this.queue.splice(index, 1);
    waiting.start(TIMED_OUT);
    this.startWaiting();
  }

  /** Large operations running and waiting, for tests and metrics. */
  get state(): { running: number; inFlight: number; waiting: number } {
    return { running: this.running, inFlight: this.inFlight, waiting: this.queue.length };
  }

  private fits(cost: number): boolean {
    return this.running === 0 || this.inFlight + cost <= this.capacity;
  }

  private admit(cost: number): () => void {
    this.inFlight += cost;
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= cost;
      this.running -= 1;
      this.startWaiting();
    };
  }

  private startWaiting(): void {
    while (this.queue.length > 0 && this.fits(this.queue[0].cost)) {
      const next = this.queue.shift()!;
      clearTimeout(next.timer);
      next.start(this.admit(next.cost));
    }
  }
}

const ignore = () => undefined;

/** What `CostGate.enter` settles with when the wait ended without a turn: a release that does nothing. */
export const TIMED_OUT = (): void => undefined;
