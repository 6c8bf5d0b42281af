const MONTHS_DE = [
  "Januar",
  "Februar",
  "März",
  "April",
  "Mai",
  "Juni",
  "Juli",
  "August",
  "September",
  "Oktober",
  "November",
  "Dezember",
];

/**
 * Writes an exact decimal amount the German way without going through floating
 * point: `"19300.5"`, `"EUR"` → `"19.300,50 EUR"`. Anything else is shown as given.
 */
export function formatAmountDe(amount: string, currency: string): string {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) return `${amount} ${currency}`;
  const [, sign, whole, cents = ""] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${cents.padEnd(2, "0")} ${currency}`;
}

/** Writes a date of year, month or day precision in German: `2021`, `August 2021`, `26. August 2021`. */
export function formatPartialDateDe(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  const month = match?.[2] ? MONTHS_DE[Number(match[2]) - 1] : undefined;
  if (!match || (match[2] && !month)) return date;
  if (!month) return match[1];
  return match[3] ? `${Number(match[3])}. ${month} ${match[1]}` : `${month} ${match[1]}`;
}

const ENGLISH_DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const ENGLISH_MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** Writes a date of year, month or day precision in English: `2021`, `August 2021`, `26 August 2021`. */
export function formatPartialDateEn(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match || !match[2]) return date;
  const moment = new Date(`${match[1]}-${match[2]}-${match[3] ?? "01"}T00:00:00Z`);
  if (Number.isNaN(moment.getTime())) return date;
  return (match[3] ? ENGLISH_DAY : ENGLISH_MONTH).format(moment);
}

const DAY_IN_GERMANY = {
  de: new Intl.DateTimeFormat("de-DE", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Berlin" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Berlin" }),
};

/** A moment as the day it was in Germany: `5. Dezember 2026`, `5 December 2026`. */
export function formatDayIn(lang: "de" | "en", moment: Date): string {
  return DAY_IN_GERMANY[lang].format(moment);
}
