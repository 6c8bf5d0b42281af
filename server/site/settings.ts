import { createContext } from "preact";
import { DEFAULT_DATA_LICENCE, type SiteConfig } from "../config.js";

/** What every page needs from the operator's configuration (the footer's licence), passed to `renderDocument`. */
export type SiteSettings = Pick<SiteConfig, "licence">;

/** The licence the hub names when the operator configured none (DATA_LICENCE_NAME, DATA_LICENCE_URL). */
export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  licence: { ...DEFAULT_DATA_LICENCE },
};

/** The settings of the document being rendered; `renderDocument` provides them to the layout. */
export const SiteSettingsContext = createContext<SiteSettings>(DEFAULT_SITE_SETTINGS);
