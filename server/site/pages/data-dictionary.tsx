import type { VNode } from "preact";
import { useContext } from "preact/hooks";
import type { DataDictionary } from "../../../schema/common/export/dictionary.js";
import { ExternalLink, Layout } from "../layout.js";
import { SiteSettingsContext } from "../settings.js";

/** The path of the data dictionary page. */
export const DICTIONARY_PATH = "/api/datenlexikon";

/** `/api/datenlexikon`: every column of every export with its meaning and type, one table per export (German). */
export function DataDictionaryPage({ dictionary }: { dictionary: DataDictionary }): VNode {
  const { licence } = useContext(SiteSettingsContext);
  return (
    <Layout title="Datenlexikon" section={null}>
      <h1>Datenlexikon</h1>
      <p>
        Was jede Spalte der Exporte bedeutet. Alle Exporte als CSV (für Excel in Deutsch: UTF-8 mit BOM, Semikolon) und
        JSON; alles auf einmal in <a href="/export/alles.zip">/export/alles.zip</a>, dieses Lexikon maschinenlesbar
        unter <a href="/export/dictionary.json">/export/dictionary.json</a>. Die Daten stehen unter der Lizenz{" "}
        <ExternalLink href={licence.url}>{licence.name}</ExternalLink>.
      </p>
      {dictionary.exports.map((entry) => (
        <section key={entry.name} aria-labelledby={`export-${entry.name}`}>
          <h2 id={`export-${entry.name}`}>{entry.title}</h2>
          <p>
            {entry.description} <a href={entry.csv}>{entry.csv}</a> · <a href={entry.json}>{entry.json}</a>
          </p>
          <table>
            <caption>Spalten von {entry.csv}</caption>
            <thead>
              <tr>
                <th scope="col">Spalte</th>
                <th scope="col">Bedeutung</th>
                <th scope="col">Typ</th>
              </tr>
            </thead>
            <tbody>
              {entry.columns.map((column) => (
                <tr key={column.name}>
                  <th scope="row">{column.name}</th>
                  <td>{column.description}</td>
                  <td>{column.typeLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Layout>
  );
}
