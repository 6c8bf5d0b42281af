/**
 * <ikz-project-card>: a project of the IKZ hub as a card on any website.
 *
 * A plain browser ES module, no build step and no dependencies. Embed it with:
 *
 *   <script src="https://HUB/embed/card.js" type="module"></script>
 *   <ikz-project-card project="herten-kita-online"></ikz-project-card>
 *
 * Attributes (changing one re-renders the card):
 *   project  the project's slug (required)
 *   hub      origin of the hub, e.g. "https://ikz-hub.example"; defaults to the origin this script was loaded from
 *   lang     "de" (default) or "en"
 *   theme    "light" (default), "dark" or "inherit" (takes colour and font from the page)
 *   compact  boolean: title, city, status and link only
 *
 * Whatever is inside the element (e.g. a plain link to the project) shows only when this script cannot run.
 *
 * The card lives in a shadow root styled by the hub's /embed/card.css, so the page's CSS cannot break it and it
 * cannot break the page. It loads the project with one fixed GraphQL query as a cacheable GET, never with
 * credentials. Every text from the hub is inserted as text (textContent), never as HTML; links are only ever
 * http(s). Nothing it does throws into the page: an unknown project, an error or an unreachable hub each end in
 * a short message inside the card. The markup follows server/embed/card-markup.md.
 */

const TAG = "ikz-project-card";
const QUERY =
  "query ProjectCard($slug: String!, $language: Language!) { project(slug: $slug) { slug title summary status " +
  "statusAsOf updatedAt municipality { name stateName } topics { key label(language: $language) } providers { name } } }";
/** After this long without an answer the hub counts as unreachable. */
const TIMEOUT_MS = 8000;
/** Longest summary shown, ellipsis included. */
const SUMMARY_MAX = 240;

const TEXT = {
  de: {
    loading: "Lädt …",
    topics: "Themen",
    with: "Mit:",
    statusAsOf: "Stand laut Quelle:",
    updated: "Zuletzt geändert:",
    more: "Mehr im IKZ-Hub",
    notPublished: "Dieses Projekt ist im IKZ-Hub nicht (mehr) veröffentlicht.",
    unavailable: "Die Projektkarte kann gerade nicht geladen werden.",
    status: {
      IDEA: "Idee",
      PLANNED: "Geplant",
      IN_PROGRESS: "In Umsetzung",
      COMPLETED: "Abgeschlossen",
      STOPPED: "Gestoppt",
    },
  },
  en: {
    loading: "Loading …",
    topics: "Topics",
    with: "With:",
    statusAsOf: "Status as of (per source):",
    updated: "Last changed:",
    more: "More on the IKZ hub",
    notPublished: "This project is not (or no longer) published on the IKZ hub.",
    unavailable: "The project card cannot be loaded right now.",
    status: {
      IDEA: "Idea",
      PLANNED: "Planned",
      IN_PROGRESS: "In progress",
      COMPLETED: "Completed",
      STOPPED: "Stopped",
    },
  },
};

/** Styles of the shadow root itself; the card's look comes from the hub's card.css. */
const HOST_CSS =
  ":host{display:block;max-width:100%;min-width:0}:host([hidden]){display:none}" +
  ".ikz-visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;border:0;" +
  "overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}";

/** The http(s) origin of a URL (resolved against `base`), or null for anything else (javascript:, data:, garbage). */
function httpOrigin(value, base) {
  try {
    const url = new URL(String(value), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** `href` if it is an http(s) URL, else null. */
function httpUrl(href) {
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Where this script came from: the default hub. */
const SCRIPT_ORIGIN = httpOrigin(import.meta.url);

/** Whitespace-normalised text, cut at a word boundary to at most `max` characters including "…". */
function shorten(text, max) {
  const chars = Array.from(String(text).replace(/\s+/g, " ").trim());
  if (chars.length <= max) return chars.join("");
  const head = chars.slice(0, max - 1).join("");
  const space = head.lastIndexOf(" ");
  const cut = chars[max - 1] === " " || space < max / 2 ? head : head.slice(0, space);
  return cut.replace(/[\s,;:.\-–—]+$/u, "") + "…";
}

/** An element with a class and text; text always goes in as text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  // Bidirectional control characters (U+202E …) would reorder what the card shows; they are dropped.
  if (text !== undefined) node.textContent = String(text).replace(/\p{Bidi_Control}/gu, "");
  return node;
}

const LOCALES = { de: "de-DE", en: "en-GB" };

/** A partial date (`2018`, `2018-11`, `2018-11-22`) with the month named, e.g. "November 2018"; else as given. */
function partialDate(value, lang) {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match || !match[2]) return value;
  const moment = new Date(`${match[1]}-${match[2]}-${match[3] || "01"}T00:00:00Z`);
  if (Number.isNaN(moment.getTime())) return value;
  const parts = match[3] ? { day: "numeric", month: "long", year: "numeric" } : { month: "long", year: "numeric" };
  return new Intl.DateTimeFormat(LOCALES[lang], { ...parts, timeZone: "UTC" }).format(moment);
}

/** A moment as the day it was in Germany, e.g. "6. Dezember 2026"; empty for anything that is not a moment. */
function dayInGermany(value, lang) {
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return "";
  const parts = { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Berlin" };
  return new Intl.DateTimeFormat(LOCALES[lang], parts).format(moment);
}

/** A `<time>` element showing `shown` for the machine-readable `value`. */
function time(value, shown) {
  const node = el("time", "", shown);
  node.setAttribute("datetime", value);
  return node;
}

/** "Stand laut Quelle: November 2018 · Zuletzt geändert: 6. Dezember 2026", or null when the hub sent neither. */
function dates(project, options) {
  const asOf = asString(project.statusAsOf);
  const updated = asString(project.updatedAt);
  const day = updated ? dayInGermany(updated, options.lang) : "";
  if (!asOf && !day) return null;
  const line = el("p", "ikz-card__dates");
  if (asOf) line.append(`${options.text.statusAsOf} `, time(asOf, partialDate(asOf, options.lang)));
  if (asOf && day) line.append(" · ");
  if (day) line.append(`${options.text.updated} `, time(updated, day));
  return line;
}

/** A link, or plain text when the URL is not http(s). */
function link(href, text, className) {
  const safe = httpUrl(href);
  if (!safe) return el("span", className, text);
  const a = el("a", className, text);
  a.href = safe;
  return a;
}

/** Compares labels the way the language sorts them (as the server-rendered card does). */
function collator(lang) {
  try {
    return new Intl.Collator(lang).compare;
  } catch {
    return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  }
}

const asString = (value) => (typeof value === "string" ? value : "");
const asArray = (value) => (Array.isArray(value) ? value.filter((item) => item && typeof item === "object") : []);

class CardUnavailable extends Error {}

/** Fetches one project; resolves to the project, or null when the hub says it is unknown, unpublished or an error. */
async function fetchProject(hub, slug, lang, signal) {
  const url = new URL("/graphql", hub);
  url.searchParams.set("query", QUERY);
  url.searchParams.set("variables", JSON.stringify({ slug, language: lang === "en" ? "EN" : "DE" }));
  url.searchParams.set("operationName", "ProjectCard");
  let response;
  try {
    response = await fetch(url.href, {
      method: "GET",
      mode: "cors",
      credentials: "omit",
      // Apollo's CSRF prevention answers GET only with this header (the hub's CORS allows it).
      headers: { "x-apollo-operation-name": "ProjectCard" },
      signal,
    });
  } catch {
    throw new CardUnavailable("the hub did not answer");
  }
  // 5xx, a proxy's error page, or no JSON: the hub is not (fully) there.
  if (response.status >= 500) throw new CardUnavailable(`the hub answered ${response.status}`);
  let body;
  try {
    body = await response.json();
  } catch {
    throw new CardUnavailable("the hub's answer is not JSON");
  }
  if (!body || typeof body !== "object") throw new CardUnavailable("the hub's answer is not an object");
  // Any GraphQL error (a slug over 120 characters, a bad request) reads as "not published".
  if (!response.ok || (Array.isArray(body.errors) && body.errors.length > 0)) return null;
  const project = body.data && body.data.project;
  if (!project || typeof project !== "object" || !asString(project.title)) return null;
  return project;
}

const Base = typeof HTMLElement === "undefined" ? class {} : HTMLElement;

/** The <ikz-project-card> element. */
export class IkzProjectCard extends Base {
  static get observedAttributes() {
    return ["project", "hub", "lang", "theme", "compact"];
  }

  constructor() {
    super();
    /** "idle" | "loading" | "ready" | "not-published" | "unavailable" */
    this._state = "idle";
    this._generation = 0;
    this._controller = null;
    this._cache = null;
    this._scheduled = false;
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    this._root = root;
    this._stylesheet = document.createElement("link");
    this._stylesheet.rel = "stylesheet";
    let adopted = false;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(HOST_CSS);
      root.adoptedStyleSheets = [sheet];
      adopted = true;
    } catch {
      // Older browsers: a <style> element instead.
    }
    root.replaceChildren(...(adopted ? [] : [el("style", "", HOST_CSS)]), this._stylesheet);
  }

  /** Where the card stands: "loading", "ready", "not-published" or "unavailable". */
  get state() {
    return this._state;
  }

  connectedCallback() {
    this._schedule();
  }

  disconnectedCallback() {
    try {
      this._generation += 1;
      if (this._controller) this._controller.abort();
      this._controller = null;
    } catch {
      // never into the page
    }
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue) this._schedule();
  }

  /** Coalesces attribute changes made in one task into one render. */
  _schedule() {
    if (this._scheduled) return;
    this._scheduled = true;
    queueMicrotask(() => {
      this._scheduled = false;
      if (!this.isConnected) return;
      this._render().catch(() => {
        try {
          this._show(this._message("unavailable", this._options()));
        } catch {
          // never into the page
        }
      });
    });
  }

  _options() {
    const rawLang = (this.getAttribute("lang") || "").trim().toLowerCase();
    const lang = rawLang === "en" || rawLang.startsWith("en-") ? "en" : "de";
    const rawTheme = (this.getAttribute("theme") || "").trim().toLowerCase();
    const theme = rawTheme === "dark" || rawTheme === "inherit" ? rawTheme : "light";
    const hubAttribute = this.getAttribute("hub");
    const hub = hubAttribute && hubAttribute.trim() ? httpOrigin(hubAttribute.trim(), document.baseURI) : SCRIPT_ORIGIN;
    const slug = (this.getAttribute("project") || "").trim();
    return { lang, theme, hub, slug, compact: this.hasAttribute("compact"), text: TEXT[lang] };
  }

  async _render() {
    const options = this._options();
    const generation = ++this._generation;
    if (this._controller) this._controller.abort();
    this._controller = null;
    const stylesheet = options.hub ? `${options.hub}/embed/card.css` : null;
    if (!stylesheet) this._stylesheet.removeAttribute("href");
    else if (this._stylesheet.getAttribute("href") !== stylesheet) this._stylesheet.href = stylesheet;

    if (!options.hub) return this._show(this._message("unavailable", options));
    if (!options.slug) return this._show(this._message("not-published", options));

    const key = `${options.hub}\n${options.slug}\n${options.lang}`;
    if (this._cache && this._cache.key === key) return this._show(this._card(this._cache.project, options));

    this._show(this._loading(options));
    const controller = new AbortController();
    this._controller = controller;
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    let project;
    try {
      project = await fetchProject(options.hub, options.slug, options.lang, controller.signal);
    } catch {
      if (generation !== this._generation) return;
      return this._show(this._message("unavailable", options));
    } finally {
      clearTimeout(timer);
      if (this._controller === controller) this._controller = null;
    }
    if (generation !== this._generation) return;
    if (!project) {
      this._cache = null;
      return this._show(this._message("not-published", options));
    }
    this._cache = { key, project };
    this._show(this._card(project, options));
  }

  /** Replaces the card (not the stylesheets) in the shadow root. */
  _show(article) {
    this._state = article.dataset.state;
    const old = this._root.querySelector("article");
    if (old) old.replaceWith(article);
    else this._root.append(article);
  }

  _article(options, state, extraClass) {
    const article = el(
      "article",
      `ikz-card ikz-card--${options.theme}${options.compact ? " ikz-card--compact" : ""}${extraClass}`,
    );
    article.lang = options.lang;
    article.dataset.state = state;
    return article;
  }

  _loading(options) {
    const article = this._article(options, "loading", " ikz-card--loading");
    article.setAttribute("aria-busy", "true");
    article.append(
      el("p", "ikz-card__placeholder ikz-card__placeholder--title"),
      el("p", "ikz-card__placeholder"),
      el("span", "ikz-visually-hidden", options.text.loading),
    );
    return article;
  }

  _message(state, options) {
    const article = this._article(options, state, "");
    const message = el(
      "p",
      "ikz-card__message",
      state === "unavailable" ? options.text.unavailable : options.text.notPublished,
    );
    message.setAttribute("role", "status");
    article.append(message);
    if (state === "unavailable" && options.hub) {
      const target = options.slug ? `${options.hub}/projekte/${encodeURIComponent(options.slug)}` : `${options.hub}/`;
      const footer = el("p", "ikz-card__footer");
      footer.append(link(target, options.text.more, "ikz-card__more"));
      article.append(footer);
    }
    return article;
  }

  _card(project, options) {
    const { text, hub } = options;
    const slug = asString(project.slug) || options.slug;
    const href = `${hub}/projekte/${encodeURIComponent(slug)}`;
    const article = this._article(options, "ready", "");
    const titleId = `ikz-card-title-${slug.replace(/[^A-Za-z0-9_-]/g, "-")}`;
    article.setAttribute("aria-labelledby", titleId);

    const municipality = project.municipality && typeof project.municipality === "object" ? project.municipality : {};
    const city = [asString(municipality.name), asString(municipality.stateName)].filter(Boolean).join(" · ");
    if (city) article.append(el("p", "ikz-card__city", city));

    const title = el("h2", "ikz-card__title");
    title.id = titleId;
    title.append(link(href, asString(project.title)));
    article.append(title);

    const status = asString(project.status);
    if (status)
      article.append(
        el(
          "p",
          "ikz-card__status",
          Object.prototype.hasOwnProperty.call(text.status, status) ? text.status[status] : status,
        ),
      );
    const dateLine = dates(project, options);
    if (dateLine) article.append(dateLine);

    if (!options.compact) {
      const summary = asString(project.summary);
      if (summary) article.append(el("p", "ikz-card__summary", shorten(summary, SUMMARY_MAX)));

      const topics = asArray(project.topics)
        .map((topic) => asString(topic.label) || asString(topic.key))
        .filter(Boolean)
        .sort(collator(options.lang));
      if (topics.length > 0) {
        const list = el("ul", "ikz-card__topics");
        list.setAttribute("aria-label", text.topics);
        for (const topic of topics) list.append(el("li", "", topic));
        article.append(list);
      }

      const providers = asArray(project.providers)
        .map((provider) => asString(provider.name))
        .filter(Boolean);
      if (providers.length > 0) article.append(el("p", "ikz-card__providers", `${text.with} ${providers.join(", ")}`));
    }

    const footer = el("p", "ikz-card__footer");
    footer.append(link(href, text.more, "ikz-card__more"));
    article.append(footer);
    return article;
  }
}

try {
  if (typeof customElements !== "undefined" && !customElements.get(TAG)) customElements.define(TAG, IkzProjectCard);
} catch {
  // Defined meanwhile by another copy of this script, or no custom elements: the page goes on without cards.
}
