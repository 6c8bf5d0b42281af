import type { EntityClass } from "@mikro-orm/core";
import type { HubEntity } from "./common/node.js";
import { features } from "./features.js";
import type { Feature } from "./features.types.js";

/** The entities of the features that GraphQL fetches by global ID, sorted by class name. */
function nodesOf(featureList: readonly Feature[]): EntityClass<HubEntity>[] {
  return featureList
    .flatMap((feature) => feature.nodes ?? [])
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every entity type of the features that GraphQL can fetch by global ID, by GraphQL type name. */
export function nodeEntitiesOf(featureList: readonly Feature[]): Readonly<Record<string, EntityClass<HubEntity>>> {
  return Object.fromEntries(nodesOf(featureList).map((entity) => [entity.name, entity]));
}

/** The entity classes MikroORM manages for the features: the nodes' base classes, the nodes, then the other ones. */
export function entitiesOf(featureList: readonly Feature[]): EntityClass<object>[] {
  const nodes = nodesOf(featureList);
  const others = featureList.flatMap((feature) => feature.entities ?? []);
  const isBase = (entity: EntityClass<object>) => nodes.some((node) => node.prototype instanceof entity);
  return [...others.filter(isBase), ...nodes, ...others.filter((entity) => !isBase(entity))];
}

/** Every entity type that GraphQL can fetch by global ID, by GraphQL type name. */
export const nodeEntities: Readonly<Record<string, EntityClass<HubEntity>>> = nodeEntitiesOf(features);

/** The entity classes MikroORM manages: the nodes' base classes, the nodes, then those that are not GraphQL nodes. */
export const entities = entitiesOf(features);
