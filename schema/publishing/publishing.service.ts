import { type FilterQuery, OptimisticLockError, ref, UniqueConstraintViolationException } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { GraphQLError } from "graphql";
import type { HubContext, OperationDeadline } from "../common/context.js";
import { badUserInput, CommitInterruptedError, ErrorCode } from "../common/errors.js";
import { fromGlobalId } from "../common/global-id.js";
import {
  collectProblems,
  hasProblemAt,
  report,
  reportAndStop,
  takeProblems,
  throwCollected,
  withCollected,
} from "../common/problems.js";
import type { HubEntity } from "../common/node.js";
import { transactional } from "../common/transaction.js";
import type { Municipality } from "../municipality/municipality.entity.js";
import { ApiToken } from "../token/api-token.entity.js";
import { EditorPerson } from "../token/editor-person.entity.js";
import { TokenRole } from "../token/token-role.enum.js";
import type { Viewer } from "../token/viewer.js";
import { ChangeKind } from "./change-kind.enum.js";
import { PublicationState } from "./publication-state.enum.js";
import { Publishable } from "./publishable.js";
import type { RecordAddress } from "./record-address.args.js";
import type { RecordKind } from "./record-kind.js";
import { valueInUse } from "./references.js";
import { RevisionAction } from "./revision-action.enum.js";
import { Revision } from "./revision.entity.js";
import { diff, snapshot } from "./snapshot.js";
import { VISIBILITY_FILTER, type Visibility, visibilityOf } from "./visibility.js";

// One lock for all writes: revision ids then follow commit order, which the change feed pages by.
const WRITE_LOCK = 0x696b7a; // "ikz"

/** A GraphQL error with one of the catalogue's codes. */
function coded(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/**
 * The caller of a write: a verified token that is still unrevoked right now
 * (authentication checked that when the request came in; a write asks again).
 */
export async function requireWriter(ctx: HubContext): Promise<Viewer> {
  const { viewer } = ctx;
  if (!viewer) {
    throw coded(
      ErrorCode.UNAUTHENTICATED,
      "Writing needs an API token: send `Authorization: Bearer <token>`. Ask the hub operator for one.",
    );
  }
  // A person signed in through single sign-on writes only through the editor pages, whose session was just checked.
  if (viewer.tokenId === null) return viewer;
  const token = await ctx.em.findOne(ApiToken, { id: viewer.tokenId, revokedAt: null }, { fields: ["id"] });
  if (!token) throw coded(ErrorCode.UNAUTHENTICATED, "The API token was revoked; ask the hub operator for a new one.");
  return viewer;
}

/** Refuses a write that the viewer's role or municipality does not cover; `kind.label` names the record in messages. */
export function authorize(viewer: Viewer, kind: Pick<RecordKind, "label" | "adminOnly">, owner: number | null): void {
  if (viewer.role === TokenRole.ADMIN) return;
  if (kind.adminOnly || owner === null) {
    throw coded(
      ErrorCode.FORBIDDEN,
      `Only admin tokens (the hub's operators) may write this ${kind.label}; editor tokens write their municipality's records.`,
    );
  }
  if (owner !== viewer.municipalityId) {
    throw coded(
      ErrorCode.FORBIDDEN,
      `This ${kind.label} belongs to another municipality; an editor token writes only its own municipality's records.`,
    );
  }
}

/** Refuses a municipality other than the editor's own (for records about to be created there). */
export async function resolveOwnMunicipality(
  tx: EntityManager,
  viewer: Viewer,
  slug: string,
  field: string,
  label: string,
): Promise<Municipality> {
  const municipality = await tx.findOne<Municipality>("Municipality", { slug });
  if (!municipality)
    reportAndStop(
      tx,
      badUserInput(
        `${field}: no municipality has the slug ${JSON.stringify(slug.slice(0, 80))}; query \`municipalities\` for valid slugs.`,
        [field],
      ),
    );
  authorize(viewer, { label }, municipality.id);
  return municipality;
}

/**
 * The municipality slugs `value` begins with, longer than `own`: for `neustadt-an-der-weinstrasse-x`
 * and `neustadt`, the slugs `neustadt-an`, `neustadt-an-der` and `neustadt-an-der-weinstrasse`.
 */
function longerPrefixes(value: string, own: string): string[] {
  const words = value.split("-");
  return words
    .slice(1, -1)
    .map((_, index) => words.slice(0, index + 2).join("-"))
    .filter((prefix) => prefix.length > own.length);
}

/**
 * Keeps an editor to its municipality's naming: a hub-wide slug or key it chooses
 * (projects, strategies, lessons, sources) begins with the municipality's slug and a
 * hyphen (`herten-e-rechnung`), and not with a longer slug of another municipality.
 * Checked before the value's uniqueness, so that the answer for another city's naming
 * says nothing about its records. Admins name freely.
 */
export async function requireOwnNaming(
  tx: EntityManager,
  viewer: Viewer,
  municipality: Municipality | null,
  value: string,
  field: string,
): Promise<void> {
  if (viewer.role === TokenRole.ADMIN || !municipality || hasProblemAt(tx, field)) return;
  const prefix = `${municipality.slug}-`;
  if (!value.startsWith(prefix)) {
    return report(
      tx,
      badUserInput(
        `${field} must begin with "${prefix}", the slug of your municipality (e.g. "${prefix}e-rechnung"): editor tokens name records in their municipality's naming.`,
        [field],
      ),
    );
  }
  const candidates = longerPrefixes(value, municipality.slug);
  const other = candidates.length
    ? await tx.findOne<Municipality, never, "slug">(
        "Municipality",
        { slug: { $in: candidates } },
        { fields: ["slug"], orderBy: { slug: "desc" } },
      )
    : null;
  if (other) {
    report(
      tx,
      badUserInput(
        `${field} begins with "${other.slug}-", the naming of another municipality; after "${prefix}" choose words that do not name another municipality.`,
        [field],
      ),
    );
  }
}

/**
 * Loads the record a write targets, as of now, whatever its state, by ID or by its slug or
 * key (exactly one given); NOT_FOUND when there is none the caller may see, whichever was given.
 */
async function loadTarget<T extends HubEntity>(
  tx: EntityManager,
  kind: RecordKind<T>,
  target: RecordAddress,
  viewer: Viewer,
): Promise<T> {
  const { id, slug, key, municipality } = typeof target === "string" ? { id: target } : target;
  const name = kind.naturalKey;
  // A malformed or oversized address is answered as such (with the input's problems), not looked up.
  if (hasProblemAt(tx, "id") || (name && hasProblemAt(tx, name)) || hasProblemAt(tx, "municipality"))
    throwCollected(tx);
  const value = name === "slug" ? slug : name === "key" ? key : null;
  const given = (id !== null && id !== undefined ? 1 : 0) + (value !== null && value !== undefined ? 1 : 0);
  if (name && given !== 1) {
    throw badUserInput(
      `Name the ${kind.label} by exactly one of "id" and "${name}"; ${given ? "both were" : "neither was"} given.`,
      ["id", name],
    );
  }
  let where: FilterQuery<T>;
  if (value !== null && value !== undefined)
    where = { [name!]: value, ...scopeOfKey(kind, viewer, municipality) } as FilterQuery<T>;
  else {
    if (municipality !== null && municipality !== undefined)
      throw badUserInput(`"municipality" goes with "key"; leave it out when you name the ${kind.label} by "id".`, [
        "municipality",
      ]);
    const { typeName, id: databaseId } = fromGlobalId(id!);
    if (typeName !== kind.entity.name)
      throw badUserInput(`"id" is not the ID of a ${kind.label}; pass the "id" of the ${kind.label} to change.`, [
        "id",
      ]);
    where = { id: databaseId } as FilterQuery<T>;
  }
  const record = await tx.findOne(kind.entity, where, { populate: kind.populate as never, refresh: true });
  if (!record)
    throw coded(ErrorCode.NOT_FOUND, `No ${kind.label} has this ${value ? name : "ID"}; it may have been mistyped.`);
  return record;
}

/**
 * The municipality a key unique only within one (`keyScope`) is looked up in: the one named, else the editor's own;
 * an admin token, which has none, must name it.
 */
function scopeOfKey(kind: RecordKind, viewer: Viewer, municipality: string | null | undefined): object {
  if (kind.keyScope !== "municipality") return {};
  if (municipality !== null && municipality !== undefined) return { municipality: { slug: municipality } };
  if (viewer.municipalityId !== null) return { municipality: viewer.municipalityId };
  throw badUserInput(
    `A ${kind.label}'s key is unique only within its municipality: give "municipality" (its slug) with "key".`,
    ["municipality"],
  );
}

const PUBLIC: Visibility = { scope: "public" };

/** Whether the public can read the record as the database has it now: its own state and its parents' count. */
async function isPublic<T extends HubEntity>(tx: EntityManager, kind: RecordKind<T>, record: T): Promise<boolean> {
  // Records without a publication state (municipalities, providers, products, topics) are always public.
  if (!(record instanceof Publishable)) return true;
  if (record.id === undefined) return false;
  return (
    (await tx.count(kind.entity, { id: record.id } as FilterQuery<T>, { filters: { [VISIBILITY_FILTER]: PUBLIC } })) > 0
  );
}

function publicChange(wasPublic: boolean, nowPublic: boolean, record: HubEntity): ChangeKind | null {
  if (!wasPublic) return nowPublic ? ChangeKind.CREATED : null;
  if (nowPublic) return ChangeKind.UPDATED;
  return (record as Publishable).publicationState === PublicationState.ARCHIVED
    ? ChangeKind.ARCHIVED
    : ChangeKind.UNPUBLISHED;
}

interface WriteStep<T extends HubEntity> {
  tx: EntityManager;
  viewer: Viewer;
  kind: RecordKind<T>;
  record: T;
  action: RevisionAction;
  before: Record<string, unknown>;
  wasPublic: boolean;
}

/** Flushes a write with its revision, or nothing when the write changed nothing. */
async function commit<T extends HubEntity>({
  tx,
  viewer,
  kind,
  record,
  action,
  before,
  wasPublic,
}: WriteStep<T>): Promise<T> {
  // Nothing is written while the input has problems: they are answered together.
  throwCollected(tx);
  const changes = diff(before, snapshot(tx, record));
  if (!changes.length) return record;
  // A change to a related list alone leaves the row as it is; touching it raises the version and runs its check.
  record.updatedAt = new Date();
  // Writes the record first: a new one gets its id, and the version check runs in its UPDATE.
  await keepDeadline(tx);
  await tx.flush();
  const revision = new Revision(kind.entity.name, record.id, action, viewer.name, changes);
  const owner = kind.owner(record);
  // Named by string: the municipality feature writes through this one, so a class reference would be an import cycle.
  revision.municipality = owner === null ? null : ref(tx.getMetadata().get<Municipality>("Municipality").class, owner);
  revision.token = viewer.tokenId === null ? null : ref(ApiToken, viewer.tokenId);
  revision.person = viewer.personId === null ? null : ref(EditorPerson, viewer.personId);
  revision.version = record instanceof Publishable ? record.version : null;
  const nowPublic = await isPublic(tx, kind, record);
  revision.publicChange = publicChange(wasPublic, nowPublic, record);
  if (nowPublic) await kind.afterPublicWrite?.(tx, record);
  tx.persist(revision);
  await keepDeadline(tx);
  await tx.flush();
  return record;
}

/** Refuses to change a record whose parent is archived: it went with its parent. */
function requireLiveParent<T extends HubEntity>(kind: RecordKind<T>, record: T): void {
  const parent = kind.parentOf?.(record);
  if (parent?.publicationState === PublicationState.ARCHIVED) {
    throw coded(ErrorCode.CONFLICT, `This ${kind.label} belongs to an archived record and can no longer be changed.`);
  }
}

/**
 * The input field behind a unique constraint that a write broke, e.g. `input.slug` for
 * `project_slug_unique`, `input.position` for `field_of_action_strategy_id_position_unique`.
 */
function uniqueInputField(error: UniqueConstraintViolationException): string | null {
  const match = /_(official_key|slug|key|position|role)_unique$/.exec(
    String((error as { constraint?: unknown }).constraint ?? ""),
  );
  return match ? `input.${match[1].replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase())}` : null;
}

/** Per write transaction: sets its statement timeout to the operation's time left (see `inWriteTransaction`). */
const deadlineOf = new WeakMap<EntityManager, () => Promise<void>>();

/** Gives the statements that follow the time the operation has left, refusing them once it is up. */
async function keepDeadline(tx: EntityManager): Promise<void> {
  await deadlineOf.get(tx)?.();
}

/** Makes `keepDeadline` give the transaction's further statements the time its operation has left. */
function bindDeadline(tx: EntityManager, deadline: OperationDeadline): void {
  deadlineOf.set(tx, async () => {
    // Measured now, not when the write was asked for: waiting for a connection or the lock used up time.
    const timeLeft = deadline.remainingMs();
    if (timeLeft < 1) throw outOfTime(true);
    await tx.execute(`set local statement_timeout = ${Math.ceil(timeLeft)}`);
  });
}

/** The error of a write the operation's deadline came before: nothing of it was saved. */
function outOfTime(begun: boolean): GraphQLError {
  const message = begun
    ? "The operation ran out of time while this write waited: it was rolled back, nothing was saved. Retry it."
    : "The operation ran out of time before this write began: nothing was saved. Retry it.";
  return coded(ErrorCode.TIMEOUT, message, { http: { status: 503 } });
}

/**
 * Runs a write in one transaction that holds the write lock and sees what the
 * caller may read: another city's drafts are as unknown to a write as to a read.
 * The operation's time left bounds the write as a whole: its statement timeout is set
 * to it once the transaction has its connection, again once it holds the lock, and
 * before each further batch of statements (`keepDeadline`), so that PostgreSQL ends a
 * write stalled past the deadline and it rolls back.
 */
async function inWriteTransaction<T>(
  ctx: HubContext,
  viewer: Viewer,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  if (ctx.deadline && ctx.deadline.remainingMs() < 1) throw outOfTime(false);
  let committing = false;
  try {
    return await transactional(ctx.em, async (tx) => {
      if (ctx.deadline) bindDeadline(tx, ctx.deadline);
      await keepDeadline(tx);
      tx.setFilterParams(VISIBILITY_FILTER, visibilityOf(viewer));
      collectProblems(tx, takeProblems(ctx));
      await tx.execute(`select pg_advisory_xact_lock(${WRITE_LOCK})`);
      await keepDeadline(tx);
      let result: T;
      try {
        result = await work(tx);
        throwCollected(tx);
      } catch (error) {
        throw withCollected(tx, error);
      }
      committing = true;
      return result;
    });
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      throw coded(
        ErrorCode.CONFLICT,
        "The record was changed by someone else while you saved; reload it, reapply your change and send the new version.",
      );
    }
    if (error instanceof UniqueConstraintViolationException) throw valueInUse(uniqueInputField(error));
    // query_canceled: a statement ran past the statement timeout; the transaction was rolled back before this answer.
    if ((error as { code?: unknown }).code === "57014") {
      throw coded(
        ErrorCode.TIMEOUT,
        "The write took longer than the operation may run and was rolled back: nothing was saved. Retry it later.",
        {
          http: { status: 503 },
        },
      );
    }
    // The work was done and COMMIT was under way: a lost connection leaves its outcome unknown.
    throw committing ? new CommitInterruptedError(error) : error;
  }
}

/**
 * Creates a record: `build` makes it from the input (checking the caller may write
 * where it puts it) and persists it; a CREATED revision records its fields.
 */
export async function createRecord<T extends HubEntity>(
  ctx: HubContext,
  kind: RecordKind<T>,
  build: (tx: EntityManager, viewer: Viewer) => Promise<T>,
): Promise<T> {
  const viewer = await requireWriter(ctx);
  if (kind.adminOnly) authorize(viewer, kind, null);
  return inWriteTransaction(ctx, viewer, async (tx) => {
    const record = await build(tx, viewer);
    authorize(viewer, kind, kind.owner(record));
    tx.persist(record);
    return commit({ tx, viewer, kind, record, action: RevisionAction.CREATED, before: {}, wasPublic: false });
  });
}

function requireVersion(kind: RecordKind, record: HubEntity, version: number | null | undefined): void {
  if (version === null || version === undefined || !(record instanceof Publishable) || record.version === version)
    return;
  throw coded(
    ErrorCode.CONFLICT,
    `This ${kind.label} was changed since you read it: you sent version ${version}, it is now at version ${record.version}. Reload it, reapply your change and send the new version.`,
    { currentVersion: record.version },
  );
}

/**
 * Updates a record the caller may write, if it still has the version the caller
 * last saw (CONFLICT otherwise); `apply` changes it from the input.
 */
export async function updateRecord<T extends HubEntity>(
  ctx: HubContext,
  kind: RecordKind<T>,
  target: RecordAddress,
  version: number | null,
  apply: (tx: EntityManager, record: T, viewer: Viewer) => Promise<void>,
): Promise<T> {
  const viewer = await requireWriter(ctx);
  return inWriteTransaction(ctx, viewer, async (tx) => {
    const record = await loadTarget(tx, kind, target, viewer);
    authorize(viewer, kind, kind.owner(record));
    if (record instanceof Publishable && record.publicationState === PublicationState.ARCHIVED) {
      throw coded(ErrorCode.CONFLICT, `This ${kind.label} is archived and can no longer be changed.`);
    }
    requireLiveParent(kind, record);
    requireVersion(kind, record, version);
    const before = snapshot(tx, record);
    const wasPublic = await isPublic(tx, kind, record);
    await apply(tx, record, viewer);
    authorize(viewer, kind, kind.owner(record));
    if (record instanceof Publishable && record.publicationState === PublicationState.PUBLISHED) {
      requirePublishable(
        tx,
        kind,
        record,
        `This ${kind.label} is published and must stay complete`,
        "; unpublish it first to change that",
      );
    }
    return commit({ tx, viewer, kind, record, action: RevisionAction.UPDATED, before, wasPublic });
  });
}

/**
 * Reports what a record lacks that a published one must have, one problem each, at the
 * input field an editor fills to mend it (`input.topics`, `input.sources`), also when
 * publishing (which has no `input`).
 */
function requirePublishable<T extends HubEntity>(
  tx: EntityManager,
  kind: RecordKind<T>,
  record: T,
  lead: string,
  advice = "",
): void {
  for (const [field, reason] of kind.publishProblems?.(record) ?? [])
    report(tx, badUserInput(`${lead}: ${reason}${advice}.`, [`input.${field}`]));
}

const TRANSITIONS: Record<PublicationState, { action: RevisionAction; from: PublicationState[] }> = {
  [PublicationState.PUBLISHED]: { action: RevisionAction.PUBLISHED, from: [PublicationState.DRAFT] },
  [PublicationState.DRAFT]: { action: RevisionAction.UNPUBLISHED, from: [PublicationState.PUBLISHED] },
  [PublicationState.ARCHIVED]: {
    action: RevisionAction.ARCHIVED,
    from: [PublicationState.DRAFT, PublicationState.PUBLISHED],
  },
};

/**
 * Publishes, unpublishes or archives a record. Asking for the state it is in
 * changes nothing; an archived record stays archived (CONFLICT).
 */
export async function transitionRecord<T extends Publishable>(
  ctx: HubContext,
  kind: RecordKind<T>,
  address: RecordAddress,
  version: number | null | undefined,
  target: PublicationState,
): Promise<T> {
  const viewer = await requireWriter(ctx);
  return inWriteTransaction(ctx, viewer, async (tx) => {
    const record = await loadTarget(tx, kind, address, viewer);
    authorize(viewer, kind, kind.owner(record));
    requireLiveParent(kind, record);
    requireVersion(kind, record, version);
    if (record.publicationState === target) return record;
    if (!TRANSITIONS[target].from.includes(record.publicationState)) {
      throw coded(ErrorCode.CONFLICT, `This ${kind.label} is archived and can no longer be published or unpublished.`);
    }
    if (target === PublicationState.PUBLISHED)
      requirePublishable(tx, kind, record, `This ${kind.label} cannot be published yet`);
    throwCollected(tx);
    const before = snapshot(tx, record);
    const wasPublic = await isPublic(tx, kind, record);
    record.publicationState = target;
    return commit({ tx, viewer, kind, record, action: TRANSITIONS[target].action, before, wasPublic });
  });
}
