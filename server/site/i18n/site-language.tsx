import { type ComponentChildren, createContext, type FunctionComponent, h, type VNode } from "preact";
import { useContext } from "preact/hooks";
import { formatAmountDe, formatDayIn, formatPartialDateDe } from "../../embed/format.js";
import { MESSAGES, type Messages, type SiteLanguage } from "./messages.js";

/** The language a page is asked for: English for exactly `?lang=en`; anything else (absent, other, repeated) is German. */
export function languageOf(query: Record<string, unknown>): SiteLanguage {
  return query.lang === "en" ? "en" : "de";
}

/** A site address in a language: German addresses stay as they are; English ones carry `lang=en` (before any `#fragment`). */
export function localHref(href: string, lang: SiteLanguage): string {
  if (lang === "de" || !href.startsWith("/")) return href;
  const hash = href.indexOf("#");
  const [path, fragment] = hash < 0 ? [href, ""] : [href.slice(0, hash), href.slice(hash)];
  return `${path}${path.includes("?") ? "&" : "?"}lang=${lang}${fragment}`;
}

/** What every template of one page needs to speak its language: the texts, formats, and addresses that keep the language. */
export interface SiteLanguageContext {
  lang: SiteLanguage;
  t: Messages;
  /** `lang` for elements showing stored (German) content: "de" on English pages, nothing on German ones (it is the page's). */
  contentLang: "de" | undefined;
  /** This page's address without `lang`, for the language switch. */
  here: string;
  /** A site address that keeps this page's language. */
  href: (path: string) => string;
  /** The label of an enum value; an unknown value is shown as it is. */
  label: (kind: keyof Messages["enums"], value: string) => string;
  formatNumber: (value: number) => string;
  /** A partial date (`2021`, `2021-08`, `2021-08-26`): German `26.08.2021`, English `26 Aug 2021`. */
  formatPartialDate: (value: string) => string;
  /** A partial date with the month named: German `November 2018`, `22. November 2018`; English `Nov 2018`. */
  formatNamedMonth: (value: string) => string;
  /** A moment as the day it was in Germany: `5. Dezember 2026`, `5 December 2026`. */
  formatDay: (moment: string) => string;
  /** A decimal amount with its currency: `1.234,50 EUR`, `1,234.50 EUR`. */
  formatAmount: (amount: string, currency: string) => string;
  /** "1 Projekt", "2 projects": a count with the singular or plural noun. */
  counted: (count: number, noun: readonly [string, string]) => string;
  /** A list's `totalCount`: as it is when exact, else the estimate rounded to two digits, "rund 60.000". */
  formatTotal: (list: CountedList) => string;
}

/** A connection's count as the site's queries ask for it. */
export interface CountedList {
  totalCount: number;
  totalCountIsExact: boolean;
}

const ENGLISH_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function partialDate(lang: SiteLanguage, value: string): string {
  const [year, month, day] = value.split("-");
  const englishMonth = month ? ENGLISH_MONTHS[Number(month) - 1] : undefined;
  if (lang === "de" || (month && !englishMonth))
    return day ? `${day}.${month}.${year}` : month ? `${month}/${year}` : year;
  if (day) return `${Number(day)} ${englishMonth} ${year}`;
  return englishMonth ? `${englishMonth} ${year}` : year;
}

function amount(lang: SiteLanguage, value: string, currency: string): string {
  const german = formatAmountDe(value, currency);
  // Only a well-formed amount has German separators to swap: `1.234,50 EUR` becomes `1,234.50 EUR`.
  return lang === "de" || !/^-?\d+(?:\.\d{1,2})?$/.test(value)
    ? german
    : german.replace(/[.,]/g, (mark) => (mark === "." ? "," : "."));
}

/** The context of a page in `lang` at address `here` (without `lang`). */
export function siteLanguage(lang: SiteLanguage, here: string): SiteLanguageContext {
  const t = MESSAGES[lang];
  return {
    lang,
    t,
    contentLang: lang === "de" ? undefined : "de",
    here,
    href: (path) => localHref(path, lang),
    label: (kind, value) => {
      const labels: Readonly<Record<string, string>> = t.enums[kind];
      return Object.hasOwn(labels, value) ? labels[value] : value;
    },
    formatNumber: (value) => value.toLocaleString(t.locale),
    formatPartialDate: (value) => partialDate(lang, value),
    formatNamedMonth: (value) => (lang === "de" ? formatPartialDateDe(value) : partialDate(lang, value)),
    formatDay: (moment) => formatDayIn(lang, new Date(moment)),
    formatAmount: (value, currency) => amount(lang, value, currency),
    counted: (count, [singular, plural]) => `${count.toLocaleString(t.locale)} ${count === 1 ? singular : plural}`,
    formatTotal: ({ totalCount, totalCountIsExact }) =>
      totalCountIsExact
        ? totalCount.toLocaleString(t.locale)
        : t.about(totalCount.toLocaleString(t.locale, { maximumSignificantDigits: 2 })),
  };
}

// No default value built on import: the German context is built on first use, outside a page's provider.
const SiteLanguageContextValue = createContext<SiteLanguageContext | null>(null);
let german: SiteLanguageContext | null = null;

/** Gives the templates below it the language of the page (`useSiteLanguage`). */
export function SiteLanguageProvider({
  value,
  children,
}: {
  value: SiteLanguageContext;
  children: ComponentChildren;
}): VNode {
  return <SiteLanguageContextValue.Provider value={value}>{children}</SiteLanguageContextValue.Provider>;
}

/** The page's language, texts, formats and language-keeping addresses. */
export function useSiteLanguage(): SiteLanguageContext {
  return useContext(SiteLanguageContextValue) ?? (german ??= siteLanguage("de", "/"));
}

/**
 * Stored (German) text inline within English words: in a `<span lang="de">` on English pages,
 * as it is on German ones (no extra element: the German pages stay as they were).
 */
export function InGerman({ children }: { children: ComponentChildren }): VNode {
  const { contentLang } = useSiteLanguage();
  return contentLang ? <span lang={contentLang}>{children}</span> : <>{children}</>;
}

/** A form page's message about its input (German, from `FormParamError` and the routes): on English pages introduced as such. */
export function FormError({ error }: { error: string }): VNode {
  const { t } = useSiteLanguage();
  return (
    <p>
      {t.germanDetails}
      <InGerman>{error}</InGerman>
    </p>
  );
}

/** A page template as an element to render (not called directly: templates read the page's language from context). */
export function pageElement<P>(template: FunctionComponent<P>, props: P): VNode {
  return h(template as FunctionComponent, props as Record<string, unknown>);
}
