import type { VNode } from "preact";
import { stripBidiControls } from "../../schema/common/bidi.js";
import { type CardParams, cardParamsQuery, parseCardParams } from "./card-params.js";
import { CARD_LABELS } from "./labels.js";
import { isPlausibleSlug, type CardView } from "./project-view.js";
import { renderHtml } from "./render-html.js";
import { safeHttpUrl } from "./safe-url.js";

/**
 * Size of the embed iframe when the consumer sets no limit, in CSS pixels. At
 * 480 px wide the seeded cards measure 243–475 px tall (compact: 142–194), so
 * 320 px would cut a third of them off behind a scrollbar.
 */
export const DEFAULT_FRAME_SIZE = { width: 480, height: 480, compactHeight: 200 } as const;
/** The tallest frame a narrow maxwidth makes us suggest. */
const MAX_FRAME_HEIGHT = 800;
/** How long (seconds) consumers may cache an oEmbed response or an embed. */
export const EMBED_CACHE_SECONDS = 300;
/** The longest `url` parameter looked at; real project URLs are far shorter. */
const MAX_URL_LENGTH = 2048;
/** A project page (`/projekte/:slug`, or the old `/projects/:slug` that redirects there) or a card (`/embed/projects/:slug`). */
const EMBEDDABLE_PATH = /^\/(?:projekte|projects|embed\/projects)\/([^/]+)\/?$/;

/** A valid oEmbed request for one of the hub's projects. */
export interface OEmbedRequest {
  slug: string;
  /** Card options carried over from the pasted URL's query. */
  card: CardParams;
  maxWidth: number | null;
  maxHeight: number | null;
}

/** Why an oEmbed request cannot be answered, with the status the oEmbed spec prescribes. */
export interface OEmbedRefusal {
  status: 400 | 404 | 501;
  message: string;
}

/** The address of the hub's oEmbed endpoint for the page at `pageUrl` (for discovery links). */
export function oembedEndpointUrl(hubOrigin: string, pageUrl: string): string {
  return `${hubOrigin}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`;
}

function dimension(raw: unknown, name: string): number | null | OEmbedRefusal {
  if (raw === undefined || raw === "") return null;
  if (typeof raw !== "string" || !/^\d{1,6}$/.test(raw) || Number(raw) === 0) {
    return { status: 400, message: `${name} must be a positive whole number of pixels` };
  }
  return Number(raw);
}

/**
 * Checks the query of an oEmbed request against the hub's origin: `url` must be
 * one of the hub's `/projekte/:slug`, `/projects/:slug` or `/embed/projects/:slug` addresses and
 * `format` json. Never throws, whatever the parameters hold.
 */
export function parseOEmbedRequest(query: Record<string, unknown>, hubOrigin: string): OEmbedRequest | OEmbedRefusal {
  const rawUrl = query.url;
  if (rawUrl === undefined || rawUrl === "")
    return { status: 400, message: "url is required: the address of a project page on this hub" };
  const format = query.format ?? "json";
  if (format !== "json") return { status: 501, message: "Only format=json is supported" };
  if (typeof rawUrl !== "string" || rawUrl.length > MAX_URL_LENGTH || /[\u0000-\u001f\u007f]/.test(rawUrl)) {
    return { status: 400, message: "url must be a single http(s) URL" };
  }
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { status: 400, message: "url must be a single http(s) URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { status: 400, message: "url must be a single http(s) URL" };
  const match = EMBEDDABLE_PATH.exec(url.pathname);
  if (url.origin !== hubOrigin || url.username || url.password || !match) {
    return { status: 404, message: "url is not a project page of this hub" };
  }
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    return { status: 404, message: "url is not a project page of this hub" };
  }
  if (!isPlausibleSlug(slug)) return { status: 404, message: "url is not a project page of this hub" };
  const maxWidth = dimension(query.maxwidth, "maxwidth");
  if (maxWidth !== null && typeof maxWidth === "object") return maxWidth;
  const maxHeight = dimension(query.maxheight, "maxheight");
  if (maxHeight !== null && typeof maxHeight === "object") return maxHeight;
  return { slug, card: parseCardParams((name) => url.searchParams.get(name) ?? undefined), maxWidth, maxHeight };
}

/** The project an embed iframe shows. */
type FramedProject = Pick<CardView, "slug" | "title">;

/** The card options and size of an embed iframe, and its id (for the resize script). */
interface EmbedFrameOptions {
  card: CardParams;
  width: number;
  height: number;
  id?: string;
}

/** The project an embed iframe shows, on which hub, and how. */
interface EmbedFrameProps {
  hubOrigin: string;
  view: FramedProject;
  options: EmbedFrameOptions;
}

/** The iframe that embeds a project's card (with the card's options in its address), lazy and borderless. */
export function EmbedFrame({ hubOrigin, view, options }: EmbedFrameProps): VNode {
  const src =
    safeHttpUrl(`${hubOrigin}/embed/projects/${encodeURIComponent(view.slug)}${cardParamsQuery(options.card)}`) ??
    "about:blank";
  return (
    <iframe
      id={options.id}
      src={src}
      width={options.width}
      height={options.height}
      style="border:0;max-width:100%"
      loading="lazy"
      title={`${CARD_LABELS[options.card.lang].frameTitle}: ${view.title}`}
    />
  );
}

/** The iframe that embeds a project's card as HTML: the snippet for CMSs, also the `html` of the oEmbed response. */
export function embedFrameHtml(hubOrigin: string, view: FramedProject, options: EmbedFrameOptions): string {
  return renderHtml(<EmbedFrame hubOrigin={hubOrigin} view={view} options={options} />);
}

/**
 * The iframe's size: the default, narrowed to maxwidth. A narrower card wraps
 * into more lines, so the height grows in proportion (up to a limit) before
 * maxheight caps it.
 */
export function frameSize(request: Pick<OEmbedRequest, "card" | "maxWidth" | "maxHeight">): {
  width: number;
  height: number;
} {
  const width = Math.min(DEFAULT_FRAME_SIZE.width, request.maxWidth ?? Infinity);
  const base = request.card.compact ? DEFAULT_FRAME_SIZE.compactHeight : DEFAULT_FRAME_SIZE.height;
  const grown = Math.min(MAX_FRAME_HEIGHT, Math.ceil((base * DEFAULT_FRAME_SIZE.width) / width));
  return { width, height: Math.min(grown, request.maxHeight ?? Infinity) };
}

/** The oEmbed 1.0 `rich` response for a project, sized to fit the consumer's maxwidth and maxheight. */
export function oembedResponse(view: CardView, request: OEmbedRequest, hubOrigin: string): Record<string, unknown> {
  const { width, height } = frameSize(request);
  const authorUrl = safeHttpUrl(view.municipality.website);
  return {
    version: "1.0",
    type: "rich",
    provider_name: "IKZ-Hub",
    provider_url: `${hubOrigin}/`,
    title: stripBidiControls(view.title),
    author_name: stripBidiControls(view.municipality.name),
    ...(authorUrl ? { author_url: authorUrl } : {}),
    html: embedFrameHtml(hubOrigin, view, { card: request.card, width, height }),
    width,
    height,
    cache_age: EMBED_CACHE_SECONDS,
  };
}
