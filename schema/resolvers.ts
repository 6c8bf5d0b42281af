import type { ClassType, NonEmptyArray } from "type-graphql";
import { nodeResolver } from "./common/node.resolver.js";
import type { HubEntity } from "./common/node.js";
import { nodeEntities } from "./entities.js";
import { features } from "./features.js";
import { changeResolver } from "./publishing/change.resolver.js";
import { publicationResolver } from "./publishing/publication.resolver.js";
import type { Publishable } from "./publishing/publishable.js";
import type { RecordKind } from "./publishing/record-kind.js";
import { revisionsResolver } from "./publishing/revision.resolver.js";
import { citedResolver } from "./source/cited.resolver.js";
import { taggedResolver } from "./topic/tagged.resolver.js";

/** Records editors write and publish, of every feature. */
export const publishableKinds: readonly RecordKind<Publishable>[] = features.flatMap(
  (feature) => feature.publishable ?? [],
);
/** Records only admins write, of every feature; they have no drafts. */
export const adminKinds: readonly RecordKind[] = features.flatMap((feature) => feature.adminOnly ?? []);

/** Every resolver of the hub's GraphQL schema: the features' own, and those made for their nodes, record kinds, cited and tagged types. */
export const resolvers: NonEmptyArray<Function> = [
  nodeResolver(nodeEntities),
  ...features.flatMap((feature) => feature.resolvers ?? []),
  changeResolver(nodeEntities),
  ...publishableKinds.map((kind) => publicationResolver(kind)),
  ...[...publishableKinds, ...adminKinds].map((kind) => revisionsResolver(kind.entity as ClassType<HubEntity>)),
  ...features.flatMap((feature) => feature.cited ?? []).map((entity) => citedResolver(entity)),
  ...features.flatMap((feature) => feature.tagged ?? []).map((entity) => taggedResolver(entity)),
];
