import type { CardTheme } from "./card.html.js";
import type { CardLanguage } from "./labels.js";

/** The display options of an embedded card, from `?lang=`, `?theme=` and `?compact=`. */
export interface CardParams {
  lang: CardLanguage;
  theme: CardTheme;
  compact: boolean;
}

const THEMES: readonly CardTheme[] = ["light", "dark", "inherit"];

/**
 * Reads the card options from query parameters; `get` returns a parameter's raw
 * value (a string, or an array or object for odd queries). Unknown or repeated
 * values fall back to the defaults (German, light, full), so a card always renders.
 */
export function parseCardParams(get: (name: string) => unknown): CardParams {
  const text = (name: string) => {
    const value = get(name);
    return typeof value === "string" ? value.trim().toLowerCase() : "";
  };
  const theme = text("theme");
  return {
    lang: text("lang") === "en" ? "en" : "de",
    theme: (THEMES as readonly string[]).includes(theme) ? (theme as CardTheme) : "light",
    compact: ["1", "true"].includes(text("compact")),
  };
}

/** The query string (with `?`, or empty) that asks for these options; defaults are left out. */
export function cardParamsQuery(params: CardParams): string {
  const query = new URLSearchParams();
  if (params.lang !== "de") query.set("lang", params.lang);
  if (params.theme !== "light") query.set("theme", params.theme);
  if (params.compact) query.set("compact", "1");
  const text = query.toString();
  return text ? `?${text}` : "";
}
