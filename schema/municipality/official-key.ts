import { STATE_AGS_PREFIX, type State } from "./state.enum.js";

/**
 * Checks an official municipality key (Amtlicher Gemeindeschlüssel): eight digits
 * whose first two name the state. Returns what is wrong, or null when it is valid.
 */
export function officialKeyProblem(officialKey: string, state: State): string | null {
  if (!/^\d{8}$/.test(officialKey))
    return `official key ${JSON.stringify(officialKey.slice(0, 20))} must be exactly 8 digits`;
  const prefix = STATE_AGS_PREFIX[state];
  if (!officialKey.startsWith(prefix))
    return `official key ${officialKey} does not belong to state ${state}: its keys start with ${prefix}`;
  return null;
}
