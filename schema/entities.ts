import type { EntityClass } from "@mikro-orm/core";
import type { HubEntity } from "./common/node.js";
import { features } from "./features.js";

const nodes = features
  .flatMap((feature) => feature.nodes ?? [])
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const others = features.flatMap((feature) => feature.entities ?? []);
const isBase = (entity: EntityClass<object>) => nodes.some((node) => node.prototype instanceof entity);

/** Every entity type that GraphQL can fetch by global ID, by GraphQL type name. */
export const nodeEntities: Readonly<Record<string, EntityClass<HubEntity>>> = Object.fromEntries(
  nodes.map((entity) => [entity.name, entity]),
);

/** The entity classes MikroORM manages: the nodes' base classes, the nodes, then those that are not GraphQL nodes. */
export const entities = [...others.filter(isBase), ...nodes, ...others.filter((entity) => !isBase(entity))];
