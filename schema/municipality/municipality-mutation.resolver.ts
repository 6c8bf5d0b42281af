import { Arg, Args, Ctx, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { BySlugArgs } from "../publishing/record-address.args.js";
import { CreateMunicipalityInput, MunicipalityInput } from "./municipality-write.inputs.js";
import { Municipality } from "./municipality.entity.js";
import { createMunicipalityRecord, updateMunicipalityRecord } from "./municipality.write.js";

/** Creates and changes municipalities (admins only). */
@Resolver(() => Municipality)
export class MunicipalityMutationResolver {
  @Mutation(() => Municipality, { description: "Adds a municipality to the hub (admins only)." })
  createMunicipality(
    @Arg("input", () => CreateMunicipalityInput, { description: "The new record's fields." })
    input: CreateMunicipalityInput,
    @Ctx() ctx: HubContext,
  ): Promise<Municipality> {
    return createMunicipalityRecord(ctx, input);
  }

  @Mutation(() => Municipality, { description: "Changes a municipality (admins only)." })
  updateMunicipality(
    @Args(() => BySlugArgs) target: BySlugArgs,
    @Arg("input", () => MunicipalityInput, { description: "The fields to change; those left out keep their value." })
    input: MunicipalityInput,
    @Ctx() ctx: HubContext,
  ): Promise<Municipality> {
    return updateMunicipalityRecord(ctx, target, input);
  }
}
