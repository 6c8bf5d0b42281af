import type { VNode } from "preact";
import { useContext } from "preact/hooks";
import type { DataDictionary } from "../../../schema/common/export/dictionary.js";
import { ExternalLink, Layout } from "../layout.js";
import { useSiteLanguage } from "../i18n/site-language.js";
import { SiteSettingsContext } from "../settings.js";

/** The path of the data dictionary page. */
export const DICTIONARY_PATH = "/api/datenlexikon";

/** The page's own words; the exports' titles and the columns' meanings are German content on both. */
const WORDS = {
  de: {
    title: "Datenlexikon",
    intro: [
      "Was jede Spalte der Exporte bedeutet. Alle Exporte als CSV (für Excel in Deutsch: UTF-8 mit BOM, Semikolon) und JSON; alles auf einmal in ",
      ", dieses Lexikon maschinenlesbar unter ",
      ". Die Daten stehen unter der Lizenz ",
    ],
    columnsOf: "Spalten von",
    column: "Spalte",
    meaning: "Bedeutung",
    type: "Typ",
  },
  en: {
    title: "Data dictionary",
    intro: [
      "What each column of the exports means (in German). Every export as CSV (for German Excel: UTF-8 with BOM, semicolons) and JSON; everything at once in ",
      ", this dictionary as data at ",
      ". The data is licensed under ",
    ],
    columnsOf: "Columns of",
    column: "Column",
    meaning: "Meaning",
    type: "Type",
  },
} as const;

/** `/api/datenlexikon`: every column of every export with its meaning and type, one table per export. */
export function DataDictionaryPage({ dictionary }: { dictionary: DataDictionary }): VNode {
  const { licence } = useContext(SiteSettingsContext);
  const { lang, contentLang } = useSiteLanguage();
  const words = WORDS[lang];
  return (
    <Layout title={words.title} section={null}>
      <h1>{words.title}</h1>
      <p>
        {words.intro[0]}
        <a href="/export/alles.zip">/export/alles.zip</a>
        {words.intro[1]}
        <a href="/export/dictionary.json">/export/dictionary.json</a>
        {words.intro[2]}
        <ExternalLink href={licence.url}>{licence.name}</ExternalLink>.
      </p>
      {dictionary.exports.map((entry) => (
        <section key={entry.name} aria-labelledby={`export-${entry.name}`}>
          <h2 id={`export-${entry.name}`} lang={contentLang}>
            {entry.title}
          </h2>
          <p lang={contentLang}>
            {entry.description} <a href={entry.csv}>{entry.csv}</a> · <a href={entry.json}>{entry.json}</a>
          </p>
          <table>
            <caption>
              {words.columnsOf} {entry.csv}
            </caption>
            <thead>
              <tr>
                <th scope="col">{words.column}</th>
                <th scope="col">{words.meaning}</th>
                <th scope="col">{words.type}</th>
              </tr>
            </thead>
            <tbody>
              {entry.columns.map((column) => (
                <tr key={column.name}>
                  <th scope="row">{column.name}</th>
                  <td lang={contentLang}>{column.description}</td>
                  <td lang={contentLang}>{column.typeLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Layout>
  );
}
