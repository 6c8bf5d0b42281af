import type { VNode } from "preact";

/**
 * Thrown by a page's render when its query parameters cannot be used (an unknown
 * city, too many, a parameter given twice): the site router answers 400 with `page`,
 * which shows the form again with a message saying what to change.
 */
export class BadPageInput extends Error {
  constructor(readonly page: VNode) {
    super("the page's query parameters cannot be used");
    this.name = "BadPageInput";
  }
}

/** Thrown by a page's render to send the browser on to the page's canonical address (303), e.g. after a GET form. */
export class PageRedirect extends Error {
  constructor(readonly location: string) {
    super(`see ${location}`);
    this.name = "PageRedirect";
  }
}

/** The query parameters of the site's forms (`/vergleich`, `/erfahrungen`): a page differs by them. */
export const FORM_PARAMETERS = ["kommunen", "themen", "kommune", "thema", "art"] as const;

/** The part of a page's cache key its form parameters make, as they were given; "" without any. */
export function formKey(query: Record<string, unknown>): string {
  const given = FORM_PARAMETERS.filter((name) => query[name] !== undefined);
  return given.length ? JSON.stringify(given.map((name) => [name, query[name]])) : "";
}
