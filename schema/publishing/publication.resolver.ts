import type { ClassType } from "type-graphql";
import { Arg, Args, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { PublicationState } from "./publication-state.enum.js";
import type { Publishable } from "./publishable.js";
import { transitionRecord } from "./publishing.service.js";
import { addressArgsOf, type RecordAddress } from "./record-address.args.js";
import type { RecordKind } from "./record-kind.js";

const VERSION_DESCRIPTION =
  "The version you last saw; when given and the record has moved on, the answer is a CONFLICT error.";

/** `publish…`, `unpublish…` and `archive…` mutations for one kind of record. */
export function publicationResolver<T extends Publishable>(kind: RecordKind<T>) {
  const type = kind.entity as unknown as ClassType<T>;
  const name = kind.entity.name;
  const Address = addressArgsOf(kind.naturalKey, kind.keyScope);

  @Resolver(() => type)
  class PublicationResolver {
    @Mutation(() => type, {
      name: `publish${name}`,
      description: `Makes a ${kind.label} public. Publishing a published one changes nothing.`,
    })
    publish(
      @Args(() => Address) target: RecordAddress,
      @Arg("version", () => Int, { nullable: true, description: VERSION_DESCRIPTION }) version: number | null,
      @Ctx() ctx: HubContext,
    ): Promise<T> {
      return transitionRecord(ctx, kind, target, version, PublicationState.PUBLISHED);
    }

    @Mutation(() => type, {
      name: `unpublish${name}`,
      description: `Takes a ${kind.label} back to a draft: the public no longer sees it.`,
    })
    unpublish(
      @Args(() => Address) target: RecordAddress,
      @Arg("version", () => Int, { nullable: true, description: VERSION_DESCRIPTION }) version: number | null,
      @Ctx() ctx: HubContext,
    ): Promise<T> {
      return transitionRecord(ctx, kind, target, version, PublicationState.DRAFT);
    }

    @Mutation(() => type, {
      name: `archive${name}`,
      description: `Archives a ${kind.label}: it keeps its history, the public sees it gone, and it can no longer be changed.`,
    })
    archive(
      @Args(() => Address) target: RecordAddress,
      @Arg("version", () => Int, { nullable: true, description: VERSION_DESCRIPTION }) version: number | null,
      @Ctx() ctx: HubContext,
    ): Promise<T> {
      return transitionRecord(ctx, kind, target, version, PublicationState.ARCHIVED);
    }
  }
  return PublicationResolver;
}
