import type { Collection } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { Field, InputType } from "type-graphql";
import type { Source } from "../source/source.entity.js";
import type { Topic } from "../topic/topic.entity.js";
import { PublicationState } from "./publication-state.enum.js";
import { findAllNamed } from "./references.js";
import { MAX_SOURCES, MAX_TOPICS } from "../common/list-bounds.js";
import { IsReferenceList } from "./validation.js";

/** Input fields of every record that cites sources. */
@InputType()
export abstract class CitedInput {
  @Field(() => [String], {
    nullable: true,
    description:
      "Keys of the sources the facts come from; replaces the list. Create a source first with `createSource`.",
  })
  @IsReferenceList(MAX_SOURCES)
  sources?: string[] | null;
}

/** Input fields of every record that cites sources and is tagged with topics. */
@InputType()
export abstract class TaggedCitedInput extends CitedInput {
  @Field(() => [String], {
    nullable: true,
    description: 'Topic keys, e.g. `["e-file"]`; replaces the list. `topics` lists the keys.',
  })
  @IsReferenceList(MAX_TOPICS)
  topics?: string[] | null;
}

/** Whether a record cites at least one published source: what the public sees of its sources. */
export function citesPublishedSource(record: { sources: Collection<Source> }): boolean {
  return record.sources.getItems().some((source) => source.publicationState === PublicationState.PUBLISHED);
}

// Sources, topics and municipalities are named by string in this folder: their features write through it,
// so class references here would be import cycles.

/** The sources an input names, each unknown or archived one reported at its place (`input.sources[1]`). */
function namedSources(tx: EntityManager, input: CitedInput, field: string): Promise<Source[]> {
  return findAllNamed<Source>(
    tx,
    "Source",
    "key",
    input.sources ?? [],
    field,
    "Create the source first with `createSource`, or check its key.",
  );
}

/** Sets the sources a record cites, when the input names them; `field` is the input's path in messages. */
export async function applySources(
  tx: EntityManager,
  record: { sources: Collection<Source> },
  input: CitedInput,
  field = "input.sources",
): Promise<void> {
  if (input.sources === undefined) return;
  record.sources.set(await namedSources(tx, input, field));
}

/**
 * Reports the unknown or archived sources of an input whose record cannot be made (a required reference named
 * nothing), so that the answer names them with the input's other problems.
 */
export async function reportSources(tx: EntityManager, input: CitedInput, field = "input.sources"): Promise<void> {
  if (input.sources) await namedSources(tx, input, field);
}

/** Sets the topics and sources of a record, when the input names them. */
export async function applyTopicsAndSources(
  tx: EntityManager,
  record: { sources: Collection<Source>; topics: Collection<Topic> },
  input: TaggedCitedInput,
): Promise<void> {
  await applySources(tx, record, input);
  if (input.topics === undefined) return;
  record.topics.set(
    await findAllNamed<Topic>(
      tx,
      "Topic",
      "key",
      input.topics ?? [],
      "input.topics",
      "Query `topics` for valid keys; admins add new topics.",
    ),
  );
}
