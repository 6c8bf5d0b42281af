import type { ClassType } from "type-graphql";
import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { PublicationState } from "./publication-state.enum.js";
import type { Publishable } from "./publishable.js";
import { transitionRecord } from "./publishing.service.js";
import type { RecordKind } from "./record-kind.js";

const VERSION_DESCRIPTION =
  "The version you last saw; when given and the record has moved on, the answer is a CONFLICT error.";

/** `publish…`, `unpublish…` and `archive…` mutations for one kind of record. */
export function publicationResolver<T extends Publishable>(kind: RecordKind<T>) {
  const type = kind.entity as unknown as ClassType<T>;
  const name = kind.entity.name;

  @Resolver(() => type)
  class PublicationResolver {
    @Mutation(() => type, {
      name: `publish${name}`,
      description: `Makes a ${kind.label} public. Publishing a published one changes nothing.`,
    })
    publish(
      @Arg("id", () => ID, { description: `ID of the ${kind.label}.` }) id: string,
      @Arg("version", () => Int, { nullable: true, description: VERSION_DESCRIPTION }) version: number | null,
      @Ctx() ctx: HubContext,
    ): Promise<T> {
      return transitionRecord(ctx, kind, id, version, PublicationState.PUBLISHED);
    }

    @Mutation(() => type, {
      name: `unpublish${name}`,
      description: `Takes a ${kind.label} back to a draft: the public no longer sees it.`,
    })
    unpublish(
      @Arg("id", () => ID, { description: `ID of the ${kind.label}.` }) id: string,
      @Arg("version", () => Int, { nullable: true, description: VERSION_DESCRIPTION }) version: number | null,
      @Ctx() ctx: HubContext,
    ): Promise<T> {
      return transitionRecord(ctx, kind, id, version, PublicationState.DRAFT);
    }

    @Mutation(() => type, {
      name: `archive${name}`,
      description: `Archives a ${kind.label}: it keeps its history, the public sees it gone, and it can no longer be changed.`,
    })
    archive(
      @Arg("id", () => ID, { description: `ID of the ${kind.label}.` }) id: string,
      @Arg("version", () => Int, { nullable: true, description: VERSION_DESCRIPTION }) version: number | null,
      @Ctx() ctx: HubContext,
    ): Promise<T> {
      return transitionRecord(ctx, kind, id, version, PublicationState.ARCHIVED);
    }
  }
  return PublicationResolver;
}
