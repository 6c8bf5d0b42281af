import { GraphQLError } from "graphql";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { ClassType } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { MAX_REVISION_CHANGES, MaxItems } from "../common/list-bounds.js";
import { defineLoader } from "../common/loaders.js";
import { ErrorCode } from "../common/errors.js";
import type { HubEntity } from "../common/node.js";
import { MAX_PAGE_SIZE } from "../common/pagination.js";
import { TokenRole } from "../token/token-role.enum.js";
import { FieldChange } from "./change.types.js";
import { Revision } from "./revision.entity.js";

/** Reads a revision's changes. */
@Resolver(() => Revision)
export class RevisionResolver {
  @FieldResolver(() => [FieldChange], { description: "The changed fields with their values before and after." })
  @MaxItems(MAX_REVISION_CHANGES)
  changes(@Root() revision: Revision): FieldChange[] {
    return revision.changes.map(({ field, before, after }) => ({
      field,
      before: before ?? null,
      after: after ?? null,
    }));
  }
}

/** The revisions of records of one type (the params), newest first: one statement per type and request. */
export const revisionsLoader = defineLoader<number, Revision[], string>(
  "revisions",
  async ({ em }, ids, typeName) => {
    const rows = await em.find(
      Revision,
      { recordType: typeName, recordId: { $in: [...ids] } },
      { orderBy: { id: "desc" } },
    );
    const byRecord = new Map<number, Revision[]>(ids.map((id) => [id, []]));
    for (const row of rows) byRecord.get(row.recordId)?.push(row);
    return ids.map((id) => byRecord.get(id) ?? []);
  },
  (typeName) => typeName,
);

/** Adds `revisions` to a written record type: its history, for its municipality's editors and for admins. */
export function revisionsResolver<T extends HubEntity>(entity: ClassType<T>) {
  const typeName = entity.name;

  @Resolver(() => entity)
  class RevisionsResolver {
    @FieldResolver(() => [Revision], {
      nullable: true,
      description:
        "Every write to the record, newest first: who, when, what changed. Visible to the editors of the record's municipality and to admins; anybody else gets a FORBIDDEN error here.",
    })
    async revisions(
      @Root() record: T,
      @Arg("first", () => Int, {
        defaultValue: 20,
        description: `How many of the newest revisions, 0 to ${MAX_PAGE_SIZE}.`,
      })
      first: number,
      @Ctx() { viewer, loaders, em }: HubContext,
    ): Promise<Revision[]> {
      if (!viewer)
        throw new GraphQLError("Revisions are visible to the record's editors and admins; send an API token.", {
          extensions: { code: ErrorCode.FORBIDDEN },
        });
      if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
        throw new GraphQLError(`first must be between 0 and ${MAX_PAGE_SIZE}.`, {
          extensions: { code: ErrorCode.BAD_USER_INPUT, fields: ["first"] },
        });
      }
      const revisions = await revisionsLoader({ em, loaders }, typeName).load(record.id);
      const foreign = revisions.some((revision) => (revision.municipality?.id ?? null) !== viewer.municipalityId);
      if (viewer.role !== TokenRole.ADMIN && foreign) {
        throw new GraphQLError("Revisions are visible to the editors of the record's own municipality and to admins.", {
          extensions: { code: ErrorCode.FORBIDDEN },
        });
      }
      return revisions.slice(0, first);
    }
  }
  return RevisionsResolver;
}
