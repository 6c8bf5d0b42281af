/**
 * Databases a test makes on the test run's PostgreSQL for itself (an empty target for a migration or a restore), and
 * drops again when it is done.
 */
import pg from "pg";
import { withDatabase } from "./database-url.js";

/** Runs `work` with a client of the database at `url`, and closes the client afterwards. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The empty databases of one test file, named `<prefix>_<pid>_<label>`. */
export class ScratchDatabases {
  private readonly names: string[] = [];

  constructor(
    private readonly adminUrl: string,
    private readonly prefix: string,
  ) {}

  /** Creates an empty database (no tables; an earlier one of the label is dropped) and returns its URL. */
  async empty(label: string): Promise<string> {
    const name = `${this.prefix}_${process.pid}_${label}`;
    this.names.push(name);
    await withClient(this.adminUrl, async (client) => {
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.query(`create database "${name}"`);
    });
    return withDatabase(this.adminUrl, name);
  }

  /** Drops every database `empty` made. */
  dropAll(): Promise<void> {
    return withClient(this.adminUrl, async (client) => {
      for (const name of this.names) await client.query(`drop database if exists "${name}" with (force)`);
    });
  }
}
