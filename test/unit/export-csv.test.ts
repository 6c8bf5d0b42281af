/** The CSV writer of the exports: quoting, line breaks, formula defusing, numbers that stay numbers. */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { type CsvColumn, germanDecimal } from "../../schema/common/export/record-export.js";
import { toCsv } from "../../server/export/export.csv.js";

const columns: CsvColumn<{ value: string | number | null }>[] = [
  { header: "wert", description: "Wert", type: "text", value: (row) => row.value },
];
const cells = (values: (string | number | null)[]) =>
  (
    parse(
      toCsv(
        values.map((value) => ({ value })),
        columns,
      ).slice(1),
      { delimiter: ";", columns: true },
    ) as { wert: string }[]
  ).map((row) => row.wert);

describe("toCsv", () => {
  it("starts with a byte order mark and ends records with CRLF", () => {
    const text = toCsv([{ value: "a" }], columns);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe("wert\r\na\r\n");
  });

  it("keeps negative German numbers as numbers, and defuses texts that start like formulas", () => {
    expect(cells([germanDecimal("-500.00"), "-2+3", "=1+1", "+49 6107", "@A1", "\tx", "12,5", -3])).toEqual([
      "-500,00",
      "'-2+3",
      "'=1+1",
      "'+49 6107",
      "'@A1",
      "'\tx",
      "12,5",
      "-3",
    ]);
  });

  it("quotes every line break, bare or not, so that a text stays in its cell", () => {
    const text = toCsv([{ value: "a\nb" }, { value: "c\rd" }, { value: "e\r\nf" }, { value: null }], columns);
    expect(text.slice(1)).toBe('wert\r\n"a\nb"\r\n"c\rd"\r\n"e\r\nf"\r\n\r\n');
    expect(cells(["a\nb", "c\rd", "e\r\nf"])).toEqual(["a\nb", "c\rd", "e\r\nf"]);
  });

  it("drops bidirectional control characters, which would reorder a cell, before it defuses formulas", () => {
    expect(cells(["Bericht\u202Egpj.exe", "\u2066=1+1\u2069", "a\u200Eb"])).toEqual(["Berichtgpj.exe", "'=1+1", "ab"]);
  });
});
