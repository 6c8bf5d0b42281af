import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { EntityManager } from "@mikro-orm/postgresql";
import { ZipFile } from "yazl";
import type { DataDictionary } from "../../schema/common/export/dictionary.js";
import { exportPageIds } from "../../schema/common/export/paging.js";
import type { ExportContext, RecordExport } from "../../schema/common/export/record-export.js";
import { csvHeader, csvRow, csvStream } from "./export.csv.js";
import { MAX_EXPORT_ROWS } from "./export.params.js";
import { EXPORT_BATCH_SIZE } from "./export.stream.js";

/** What `/export/alles.zip` holds and reads. */
export interface BundleOptions {
  exports: readonly RecordExport[];
  dictionary: DataDictionary;
  /** A manager that sees published records only, one per export file. */
  em: () => EntityManager;
  context: (declared: RecordExport) => ExportContext;
  /** How long (ms) one file may keep reading batches: no batch of it starts later. */
  timeoutMs: number;
}

class BundleDeadlinePassed extends Error {}

/** Every id of an export, a page (at most MAX_EXPORT_ROWS numbers) at a time, in export order. */
async function* allIds(em: EntityManager, declared: RecordExport): AsyncGenerator<number[]> {
  if (declared.paging) {
    let after: (string | number)[] | null = null;
    do {
      const page: { ids: number[]; next: (string | number)[] | null } = await declared.paging.ids(
        em,
        after,
        MAX_EXPORT_ROWS,
      );
      yield page.ids;
      after = page.next;
    } while (after);
    return;
  }
  const filter = declared.filter ? declared.filter.read({}) : undefined;
  let page = await exportPageIds(em, declared, filter, { limit: MAX_EXPORT_ROWS, after: null });
  yield page.ids;
  while (page.next) {
    page = await exportPageIds(em, declared, filter, { limit: MAX_EXPORT_ROWS, after: page.next });
    yield page.ids;
  }
}

/**
 * Writes one export as a German-Excel CSV entry of `zip`: its records read EXPORT_BATCH_SIZE at a time,
 * the next batch only once the entry's stream has room (the zip reads it only as the client takes the bytes).
 */
async function addExport(
  zip: ZipFile,
  declared: RecordExport,
  options: BundleOptions,
  stop: AbortSignal,
): Promise<void> {
  const em = options.em();
  const columns = declared.columns(options.context(declared));
  const csv = csvStream();
  zip.addReadStream(csv, `${declared.name}.csv`);
  const write = async (row: unknown) => {
    if (stop.aborted) throw stop.reason;
    // A client that went away stops the zip reading this entry: `stop` ends the wait then.
    if (!csv.write(row)) await once(csv, "drain", { signal: stop });
  };
  const deadline = Date.now() + options.timeoutMs;
  await write(csvHeader(columns));
  for await (const ids of allIds(em, declared)) {
    for (let start = 0; start < ids.length; start += EXPORT_BATCH_SIZE) {
      if (Date.now() > deadline) throw new BundleDeadlinePassed(`${declared.name}: deadline passed`);
      for (const record of await declared.load(em, ids.slice(start, start + EXPORT_BATCH_SIZE)))
        await write(csvRow(record, columns));
    }
  }
  csv.end();
}

/** The licence file of the bundle. */
function licenceText({ license }: DataDictionary): string {
  return [
    "IKZ-Hub: Daten aller Exporte",
    "",
    `Lizenz der Daten: ${license.name}`,
    license.url,
    "",
    "Jede Zeile nennt ihre Quellen (Spalte sources); datenlexikon.json beschreibt jede Spalte jeder Datei.",
    "",
  ].join("\r\n");
}

/**
 * Streams `/export/alles.zip` to `out` with constant memory (yazl writes the zip as it reads its entries, one
 * after the other): one CSV per export, every published record, then `datenlexikon.json` and `LIZENZ.txt`.
 * Resolves when the zip was handed on whole; rejects (having destroyed `out`) when reading failed or a file
 * passed its deadline, so that no client takes the part for the whole.
 */
export async function streamBundle(out: Writable, options: BundleOptions): Promise<void> {
  const zip = new ZipFile();
  const output = zip.outputStream as unknown as Readable;
  const stop = new AbortController();
  const delivered = pipeline(output, out);
  delivered.catch((error: unknown) => stop.abort(error));
  try {
    for (const declared of options.exports) await addExport(zip, declared, options, stop.signal);
    zip.addBuffer(Buffer.from(JSON.stringify(options.dictionary, null, 2)), "datenlexikon.json");
    zip.addBuffer(Buffer.from(licenceText(options.dictionary)), "LIZENZ.txt");
    zip.end();
  } catch (error) {
    output.destroy(error instanceof Error ? error : new Error(String(error)));
    await delivered.catch(() => undefined);
    throw error;
  }
  await delivered;
}
