import net from "node:net";
import type { AddressInfo } from "node:net";

/** A TCP relay to the machine's Redis (127.0.0.1:6379) that a test can cut, as if Redis went away. */
export interface RedisRelay {
  /** `redis://` URL of the relay. */
  url: string;
  /** Stops accepting connections and drops the open ones. Safe to call more than once. */
  cut(): void;
  /** How many connections the relay has accepted so far. */
  accepted(): number;
}

/** Starts a relay on a free port of 127.0.0.1. */
export async function startRedisRelay(): Promise<RedisRelay> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const relay = net.createServer((client) => {
    accepted += 1;
    const upstream = net.connect(6379, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const { port } = relay.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    cut() {
      if (relay.listening) relay.close();
      for (const socket of sockets) socket.destroy();
    },
    accepted: () => accepted,
  };
}
