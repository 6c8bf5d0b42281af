import type { ClassType, NonEmptyArray } from "type-graphql";
import { nodeResolver } from "./common/node.resolver.js";
import type { HubEntity } from "./common/node.js";
import { nodeEntitiesOf } from "./entities.js";
import { features } from "./features.js";
import type { Feature } from "./features.types.js";
import { changeResolver } from "./publishing/change.resolver.js";
import { publicationResolver } from "./publishing/publication.resolver.js";
import type { Publishable } from "./publishing/publishable.js";
import type { RecordKind } from "./publishing/record-kind.js";
import { revisionsResolver } from "./publishing/revision.resolver.js";
import { citedResolver } from "./source/cited.resolver.js";
import { taggedResolver } from "./topic/tagged.resolver.js";

/** Records editors write and publish, of the given features. */
export function publishableKindsOf(featureList: readonly Feature[]): RecordKind<Publishable>[] {
  return featureList.flatMap((feature) => feature.publishable ?? []);
}

/** Records only admins write, of the given features; they have no drafts. */
export function adminKindsOf(featureList: readonly Feature[]): RecordKind[] {
  return featureList.flatMap((feature) => feature.adminOnly ?? []);
}

/**
 * The resolvers of a GraphQL schema of the given features: the features' own, and those made for their nodes,
 * record kinds, cited and tagged types.
 */
export function resolversOf(featureList: readonly Feature[]): NonEmptyArray<Function> {
  const nodeEntities = nodeEntitiesOf(featureList);
  const publishable = publishableKindsOf(featureList);
  const recorded = [...publishable, ...adminKindsOf(featureList)];
  return [
    nodeResolver(nodeEntities),
    ...featureList.flatMap((feature) => feature.resolvers ?? []),
    changeResolver(nodeEntities),
    ...publishable.map((kind) => publicationResolver(kind)),
    ...recorded.map((kind) => revisionsResolver(kind.entity as ClassType<HubEntity>)),
    ...featureList.flatMap((feature) => feature.cited ?? []).map((entity) => citedResolver(entity)),
    ...featureList.flatMap((feature) => feature.tagged ?? []).map((entity) => taggedResolver(entity)),
  ];
}

/** Records editors write and publish, of every feature. */
export const publishableKinds: readonly RecordKind<Publishable>[] = publishableKindsOf(features);
/** Records only admins write, of every feature; they have no drafts. */
export const adminKinds: readonly RecordKind[] = adminKindsOf(features);
