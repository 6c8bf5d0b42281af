import type { ParseArgsConfig } from "node:util";
import { TOKEN_NAME_MAX_LENGTH } from "../../schema/token/api-token.entity.js";
import { TokenRole } from "../../schema/token/token-role.enum.js";
import {
  checkRoleScope,
  checkTokenName,
  createToken,
  listTokens,
  revokeToken,
  TokenInputError,
} from "../../schema/token/token.service.js";
import type { HubConfig } from "../config.js";
import { attachDatabase, type Database } from "../database/database.js";
import type { Logger } from "../logger.js";
import { seedIfEmpty } from "../seeding.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, UsageError, parseCommandArgs } from "./usage.js";

/** The usage text of `token`: on stdout for `--help`, on stderr after a usage error. */
export const TOKEN_USAGE = `Usage: npm run --silent hub -- token <command>

  token create --name <name> --municipality <slug>   editor token for one municipality
  token create --name <name> --role admin            admin token (hub operator)
  token list                                         all tokens: id, name, role, municipality, dates
  token revoke <id>                                  revoke a token by its id (see token list)

create prints the token, and only the token, on stdout: it is shown this once.
--role is editor (default) or admin; names have 1 to ${TOKEN_NAME_MAX_LENGTH} characters.
The database is the hub's: DATABASE_URL, or else the embedded PostgreSQL under DATA_DIR,
whether or not a hub is running on it.
`;

/** What a token command needs besides its arguments. */
export interface TokenCommandContext {
  config: HubConfig;
  logger: Logger;
  io: CliIo;
}

function parse(
  args: string[],
  options: ParseArgsConfig["options"],
  allowPositionals: boolean,
): { values: Record<string, unknown>; positionals: string[] } {
  return parseCommandArgs({ args, options, allowPositionals, strict: true }) as {
    values: Record<string, unknown>;
    positionals: string[];
  };
}

/** A create command checked before the database is touched. */
function parseCreate(args: string[]): { name: string; role: TokenRole; municipalitySlug: string | null } {
  const { values } = parse(
    args,
    { name: { type: "string" }, municipality: { type: "string" }, role: { type: "string" } },
    false,
  );
  const roleText = (values.role as string | undefined) ?? "editor";
  const role = { editor: TokenRole.EDITOR, admin: TokenRole.ADMIN }[roleText.toLowerCase()];
  if (!role) throw new UsageError(`--role must be editor or admin, got ${JSON.stringify(roleText)}`);
  const municipality = values.municipality as string | undefined;
  if (municipality !== undefined && !municipality.trim())
    throw new UsageError("--municipality needs a slug, e.g. herten");
  try {
    const name = checkTokenName(values.name as string | undefined);
    checkRoleScope(role, municipality?.trim());
    return { name, role, municipalitySlug: municipality?.trim() ?? null };
  } catch (error) {
    if (error instanceof TokenInputError) throw new UsageError(error.message);
    throw error;
  }
}

function parseRevoke(args: string[]): number {
  const { positionals } = parse(args, {}, true);
  if (positionals.length !== 1) throw new UsageError("token revoke needs exactly one token id, e.g. `token revoke 3`");
  const raw = positionals[0];
  const id = Number(raw);
  if (!/^\d{1,9}$/.test(raw) || !Number.isSafeInteger(id) || id < 1)
    throw new UsageError(`A token id is a positive whole number, got ${JSON.stringify(raw)}`);
  return id;
}

/** Shows a date to the minute, in UTC. */
function shownDate(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "-";
}

/** Lays rows out as a plain text table with a header and padded columns. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max([...title].length, ...rows.map((row) => [...row[column]].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell + " ".repeat(widths[column] - [...cell].length))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n") + "\n";
}

/** Opens the database, runs `work` with a fresh EntityManager, and closes it again. */
async function withDatabase<T>(
  { config, logger }: TokenCommandContext,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await attachDatabase(config, logger);
  try {
    // Like the hub's first start: an empty database gets the seed data, so that municipalities exist.
    if (database.started && config.seedOnStart) await seedIfEmpty(database.orm, logger);
    return await work(database);
  } finally {
    await database.close();
  }
}

/** `token create`: prints the new token; an unknown municipality is a failure (exit 1), not a usage error. */
async function createCommand(args: string[], context: TokenCommandContext): Promise<number> {
  const input = parseCreate(args);
  const created = await withDatabase(context, async ({ orm }) => {
    try {
      return await createToken(orm.em.fork(), input);
    } catch (error) {
      if (error instanceof TokenInputError) return error;
      throw error;
    }
  });
  if (created instanceof TokenInputError) {
    context.io.stderr.write(`ikz-hub: ${created.message}\n`);
    return EXIT_FAILURE;
  }
  context.io.stdout.write(`${created.token}\n`);
  return EXIT_OK;
}

/**
 * Runs `token create|list|revoke` and returns the exit code; throws a `UsageError`
 * for wrong or missing arguments. An unknown municipality or token id exits 1.
 */
export async function runTokenCommand(args: string[], context: TokenCommandContext): Promise<number> {
  const [subcommand, ...rest] = args;
  const { io } = context;
  switch (subcommand) {
    case "create":
      return createCommand(rest, context);
    case "list": {
      parse(rest, {}, false);
      const records = await withDatabase(context, ({ orm }) => listTokens(orm.em.fork()));
      if (!records.length) {
        io.stderr.write("No tokens yet; create one with `token create`.\n");
        return EXIT_OK;
      }
      const rows = records.map((record) => [
        String(record.id),
        record.name,
        record.role.toLowerCase(),
        record.municipality?.getEntity().slug ?? "-",
        shownDate(record.createdAt),
        shownDate(record.revokedAt),
        shownDate(record.lastUsedAt),
      ]);
      io.stdout.write(table(["ID", "NAME", "ROLE", "MUNICIPALITY", "CREATED", "REVOKED", "LAST USED"], rows));
      return EXIT_OK;
    }
    case "revoke": {
      const id = parseRevoke(rest);
      const result = await withDatabase(context, async ({ orm }) => {
        try {
          return await revokeToken(orm.em.fork(), id);
        } catch (error) {
          if (error instanceof TokenInputError) return error;
          throw error;
        }
      });
      if (result instanceof TokenInputError) {
        io.stderr.write(`ikz-hub: ${result.message}\n`);
        return EXIT_FAILURE;
      }
      const { record, alreadyRevoked } = result;
      io.stdout.write(
        alreadyRevoked
          ? `Token ${record.id} (${record.name}) was already revoked on ${shownDate(record.revokedAt)}; nothing changed.\n`
          : `Revoked token ${record.id} (${record.name}). A running hub refuses it within 30 seconds.\n`,
      );
      return EXIT_OK;
    }
    case undefined:
      throw new UsageError("token needs a command: create, list or revoke");
    default:
      throw new UsageError(`unknown token command ${JSON.stringify(subcommand)}`);
  }
}
