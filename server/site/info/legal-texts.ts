import { readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The operator's texts every municipal site must have, by page. */
export const LEGAL_PAGES = ["impressum", "datenschutz", "barrierefreiheit"] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

/** The operator's Markdown per legal page; null where the operator has not configured SITE_LEGAL_DIR. */
export type LegalTexts = Record<LegalPage, string | null>;

/** The longest legal text the hub accepts: a page, not a book (and every page stays under 100 KB). */
export const MAX_LEGAL_TEXT_BYTES = 32 * 1024;

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Reads one legal text; returns it or a problem a person can act on. */
function readLegalText(file: string): string | { problem: string } {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { problem: `SITE_LEGAL_DIR: ${file} is not a file` };
    size = stat.size;
  } catch {
    return { problem: `SITE_LEGAL_DIR: ${file} is missing; write it as Markdown (see README, "Legal pages")` };
  }
  if (size > MAX_LEGAL_TEXT_BYTES)
    return { problem: `SITE_LEGAL_DIR: ${file} has ${size} bytes, more than the ${MAX_LEGAL_TEXT_BYTES} allowed` };
  try {
    const text = STRICT_UTF8.decode(readFileSync(file));
    return text.trim() ? text : { problem: `SITE_LEGAL_DIR: ${file} is empty` };
  } catch (error) {
    const reason = error instanceof TypeError ? "is not UTF-8 text" : "cannot be read";
    return { problem: `SITE_LEGAL_DIR: ${file} ${reason}` };
  }
}

/**
 * Reads the legal pages' texts from `dir` (`impressum.md`, `datenschutz.md`,
 * `barrierefreiheit.md`, all three required once a directory is named); without a
 * directory every page shows its default, which says the operator has not filled it in.
 */
export function readLegalTexts(dir: string | null): { texts: LegalTexts; problems: string[] } {
  const texts: LegalTexts = { impressum: null, datenschutz: null, barrierefreiheit: null };
  if (dir === null) return { texts, problems: [] };
  const problems: string[] = [];
  for (const page of LEGAL_PAGES) {
    const result = readLegalText(path.join(dir, `${page}.md`));
    if (typeof result === "string") texts[page] = result;
    else problems.push(result.problem);
  }
  return { texts, problems };
}
