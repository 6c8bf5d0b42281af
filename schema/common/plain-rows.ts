import {
  type AnyEntity,
  type Dictionary,
  type EntityClass,
  type EntityMetadata,
  type EntityProperty,
  type FilterQuery,
  type Platform,
  type QueryOrderMap,
  ReferenceKind,
} from "@mikro-orm/core";
import type { Knex, QueryBuilder, EntityManager as SqlEntityManager } from "@mikro-orm/postgresql";

/**
 * Read-only instances of entity classes made straight from rows, for the loaders behind the public read edges
 * (a municipality's strategies and projects, a strategy's fields of action, many-to-many topics and providers).
 * They have the class's prototype (its getters, the type name that global ids and `__typename` use) and every column
 * property with the value the ORM would give it; a many-to-one relation is the ORM's reference to the related row,
 * a collection is absent. They are not tracked by the ORM: no identity map, no snapshot for change detection, no
 * collections. Making 2,000 tracked projects (and the garbage they leave) was most of a nested read's CPU (issue 18).
 * Only for reads: writes load their records through the EntityManager.
 */
export class PlainReader {
  /** The references made so far, by related entity and key: 2,000 projects point at 100 cities. */
  private readonly references = new Map<EntityClass<unknown>, Map<unknown, unknown>>();

  constructor(private readonly em: SqlEntityManager) {}

  /**
   * The rows of `entity` matching `where` under the ORM's filters (the visibility filter, with the request's
   * parameters unless `filters` gives others), in `orderBy` order, as plain instances: one statement, formulas
   * (e.g. `parentUpdatedAt`) included as the ORM reads them.
   */
  async find<T extends AnyEntity>(
    entity: EntityClass<T>,
    where: FilterQuery<T>,
    orderBy: QueryOrderMap<T> = {},
    filters: Dictionary<boolean | Dictionary> = {},
  ): Promise<T[]> {
    const query = this.em.createQueryBuilder(entity, "e").select("*").where(where).orderBy(orderBy);
    return this.read(entity, query, filters);
  }

  /**
   * The rows of `entity` whose ids the query `ids` selects (one column), under the ORM's filters, in `orderBy` order,
   * as plain instances: one statement with the ids as its subquery.
   */
  async findSelected<T extends AnyEntity>(
    entity: EntityClass<T>,
    ids: Knex.QueryBuilder,
    orderBy: QueryOrderMap<T> = {},
  ): Promise<T[]> {
    const { sql, bindings } = ids.toSQL();
    const query = this.em
      .createQueryBuilder(entity, "e")
      .select("*")
      .where(`e.id in (${sql})`, [...bindings])
      .orderBy(orderBy);
    return this.read(entity, query);
  }

  private async read<T extends AnyEntity>(
    entity: EntityClass<T>,
    query: QueryBuilder<T>,
    filters: Dictionary<boolean | Dictionary> = {},
  ): Promise<T[]> {
    // Query builders skip the ORM's filters unless told, and the visibility filter must hold here too.
    await query.applyFilters(filters);
    const rows: Record<string, unknown>[] = await query.execute("all", false);
    return rows.map((row) => this.fromRow(entity, row));
  }

  /** The one row of `entity` matching `where` (a unique key), under the ORM's filters, as a plain instance; or null. */
  async findOne<T extends AnyEntity>(entity: EntityClass<T>, where: FilterQuery<T>): Promise<T | null> {
    return (await this.find(entity, where))[0] ?? null;
  }

  /**
   * The rows of `entity` with these ids (none without a statement), under the ORM's filters (with the request's
   * parameters unless `filters` gives others), in no particular order.
   */
  async byIds<T extends AnyEntity>(
    entity: EntityClass<T>,
    ids: readonly number[],
    filters: Dictionary<boolean | Dictionary> = {},
  ): Promise<T[]> {
    return ids.length ? this.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>, {}, filters) : [];
  }

  /** One row of `entity`'s table (column names, as the driver returns them; other columns are ignored) as a plain instance. */
  fromRow<T extends AnyEntity>(entity: EntityClass<T>, row: Record<string, unknown>): T {
    const { meta, prototype, properties } = this.planOf(entity);
    // The driver's own mapping from columns to properties: it parses dates (the driver reads them as text) and formulas.
    const data = this.em.getDriver().mapResult(row, meta) as Record<string, unknown>;
    const instance = Object.create(prototype) as Record<string, unknown>;
    for (const plan of properties) {
      if (!(plan.name in data)) continue;
      const value = data[plan.name];
      instance[plan.name] = plan.reference ? this.reference(plan, value) : plan.convert(value);
    }
    return instance as T;
  }

  /** The ORM's reference to the related row (a `Ref` where the property is declared as one), or null. */
  private reference(plan: PropertyPlan, key: unknown): unknown {
    if (key === null || key === undefined) return null;
    let made = this.references.get(plan.reference!);
    if (!made) this.references.set(plan.reference!, (made = new Map()));
    // A `Ref` and the entity itself are different values: one cache for each way a property declares it.
    const cacheKey = plan.wrapped ? key : `entity:${String(key)}`;
    let reference = made.get(cacheKey);
    if (reference === undefined) {
      reference = this.em.getReference(plan.reference!, key as never, { wrapped: plan.wrapped });
      made.set(cacheKey, reference);
    }
    return reference;
  }

  /** How each column of `entity` becomes a property, worked out once per entity (per ORM, by its metadata). */
  private planOf(entity: EntityClass<unknown>): EntityPlan {
    const meta = this.em.getMetadata().get(entity.name);
    let plan = plans.get(meta);
    if (!plan) {
      const properties = propertyPlans(meta, this.em.getPlatform());
      plan = { meta, prototype: plainPrototype(entity, properties), properties };
      plans.set(meta, plan);
    }
    return plan;
  }
}

/** The plans of each entity, by its metadata. */
const plans = new WeakMap<EntityMetadata<object>, EntityPlan>();

/** How a plain instance of one entity is made: its prototype and its properties. */
interface EntityPlan {
  meta: EntityMetadata<object>;
  prototype: object;
  properties: PropertyPlan[];
}

/**
 * The prototype of an entity's plain instances: the class's own, beneath plain writable properties. The ORM puts a
 * setter for every tracked property on the class's prototype, which gives an instance its change tracking on first
 * assignment (a helper object and an accessor per property); a property found first here is simply set on the instance.
 */
function plainPrototype(entity: EntityClass<unknown>, properties: readonly PropertyPlan[]): object {
  const prototype = Object.create(entity.prototype) as object;
  for (const { name } of properties)
    Object.defineProperty(prototype, name, { value: undefined, writable: true, enumerable: false, configurable: true });
  return prototype;
}

/** How one column becomes one property of a plain instance. */
interface PropertyPlan {
  name: string;
  /** The related entity of a many-to-one or owning one-to-one relation. */
  reference?: EntityClass<unknown>;
  wrapped: boolean;
  convert: (value: unknown) => unknown;
}

const asIs = (value: unknown) => value;

/**
 * The column properties of an entity (scalars, formulas, many-to-one keys) with the conversion the ORM's hydrator
 * applies. Entities whose properties span several columns (embeddables, composite keys) are not supported here.
 */
function propertyPlans(meta: EntityMetadata<object>, platform: Platform): PropertyPlan[] {
  const plans: PropertyPlan[] = [];
  for (const prop of meta.props as EntityProperty<object>[]) {
    if (prop.fieldNames?.length !== 1) continue;
    if (prop.kind === ReferenceKind.SCALAR) {
      const type = prop.customType;
      plans.push({
        name: prop.name,
        wrapped: false,
        convert: type ? (value) => (value === null ? null : type.convertToJSValue(value, platform)) : asIs,
      });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      plans.push({
        name: prop.name,
        reference: prop.targetMeta!.class,
        wrapped: Boolean(prop.ref),
        convert: asIs,
      });
    }
  }
  return plans;
}
