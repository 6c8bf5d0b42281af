import { ArrayMaxSize, IsUrl, Matches, MaxLength, Min, Max, ValidateBy, type ValidationOptions } from "class-validator";
import { findBidiControl } from "../common/bidi.js";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "../common/slug.args.js";

export { SLUG_PATTERN };
/** Most related records (topics, providers, sources, …) one list of an input names. */
export const MAX_REFERENCES = 50;
/** Longest one-line text: titles, names, units. */
export const MAX_TITLE_LENGTH = 300;
/** Longest running text: summaries, bodies, descriptions, notes. */
export const MAX_TEXT_LENGTH = 20_000;

function combine(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/**
 * Text without bidirectional control characters (U+202E and its kin): they are
 * invisible and make a text display differently from what it says.
 */
export function NoBidiControls(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: "noBidiControls",
      validator: {
        validate: (value: unknown) => typeof value !== "string" || findBidiControl(value) === null,
        defaultMessage: (args) =>
          `${args?.property} contains an invisible text-direction control character (${findBidiControl(String(args?.value))}), which would make it display differently from what it says; remove it`,
      },
    },
    options,
  );
}

/** A slug or key: lowercase letters, digits and single hyphens, at most 120 characters. */
export function IsSlug(): PropertyDecorator {
  return combine(
    MaxLength(MAX_SLUG_LENGTH, { message: `$property is at most ${MAX_SLUG_LENGTH} characters` }),
    Matches(SLUG_PATTERN, {
      message: "$property must be lowercase letters and digits joined by single hyphens, e.g. `herten-kita-online`",
    }),
  );
}

/** A one-line text with at least one visible character. */
export function IsTitle(max = MAX_TITLE_LENGTH): PropertyDecorator {
  return combine(
    MaxLength(max, { message: `$property is at most ${max} characters` }),
    Matches(/\S/, { message: "$property must not be blank" }),
    NoBidiControls(),
  );
}

/** A running text with at least one visible character. */
export function IsText(max = MAX_TEXT_LENGTH): PropertyDecorator {
  return IsTitle(max);
}

/** A list naming related records by slug or key, at most `max` of them. */
export function IsReferenceList(max = MAX_REFERENCES): PropertyDecorator {
  return combine(
    ArrayMaxSize(max, { message: `$property names at most ${max} records` }),
    MaxLength(MAX_SLUG_LENGTH, { each: true, message: `each of $property is at most ${MAX_SLUG_LENGTH} characters` }),
    NoBidiControls({ each: true }),
  );
}

/** A web address: http(s) only, as the cards and pages link it. */
export function IsWebAddress(): PropertyDecorator {
  return combine(
    MaxLength(2000, { message: "$property is at most 2000 characters" }),
    IsUrl(
      { protocols: ["http", "https"], require_protocol: true },
      { message: "$property must be an http(s) address, e.g. `https://www.herten.de`" },
    ),
    NoBidiControls(),
  );
}

/** A year the hub's records can plausibly be about. */
export function IsYear(): PropertyDecorator {
  return combine(
    Min(1900, { message: "$property must be 1900 or later" }),
    Max(2200, { message: "$property must be 2200 or earlier" }),
  );
}

/** Today's date as a PartialDate of day precision (`YYYY-MM-DD`, UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whether a PartialDate's period begins after `now` (`YYYY-MM-DD`): `2027` does in 2026, `2026-12` does not in December. */
export function isFuturePartialDate(value: string, now: string = today()): boolean {
  return value > now.slice(0, value.length);
}

/** A PartialDate that has begun: `2026-12` is fine in December 2026, `2027` is not. */
export function IsNotFuture(): PropertyDecorator {
  return ValidateBy({
    name: "isNotFuture",
    validator: {
      validate: (value: unknown) => typeof value !== "string" || !isFuturePartialDate(value),
      defaultMessage: (args) =>
        `${args?.property} is a date the source gives the status for, so it cannot lie in the future (got ${JSON.stringify(String(args?.value).slice(0, 12))})`,
    },
  });
}
