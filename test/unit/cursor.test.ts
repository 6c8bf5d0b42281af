/**
 * The hub's opaque cursors keep their wire format: cursors issued before the list and export
 * codecs shared one (schema/common/cursor.ts) must still be read, and new ones look the same.
 */
import { describe, expect, it } from "vitest";
import { decodeCursorItems, encodeCursorItems } from "../../schema/common/cursor.js";
import { decodeCursor, encodeCursor, OrderDirection, type OrderSpec } from "../../schema/common/pagination.js";
import { decodeExportCursor, encodeExportCursor } from "../../server/export/export.cursor.js";

/** Cursors as the hub issued them before: base64url of a JSON array. */
const ISSUED = {
  projectBySlug: "WyJQcm9qZWN0Iiwic2x1ZyIsIkFTQyIsImhlcnRlbi1raXRhLW9ubGluZSIsN10",
  projectByCreation: "WyJQcm9qZWN0IiwiY3JlYXRlZEF0IiwiREVTQyIsIjIwMjYtMTEtMjJUMDg6Mjg6NDEuMDAwWiIsMTJd",
  projectsExport: "WyJwcm9qZWN0cyIsIkhlcnRlbiIsIktpdGEtT25saW5lIiwiaGVydGVuLWtpdGEtb25saW5lIl0",
  search: "WyJzZWFyY2giLDIwXQ",
};

const BY_SLUG: OrderSpec = { property: "slug", kind: "string", direction: OrderDirection.ASC };
const BY_CREATION: OrderSpec = { property: "createdAt", kind: "date", direction: OrderDirection.DESC };

/** Stands in for the entity: a list cursor names the entity's class. */
class Project {
  constructor(
    readonly id: number,
    readonly slug: string,
    readonly createdAt: Date,
  ) {}
}

describe("cursor items", () => {
  it("encode as base64url JSON arrays, as issued cursors are", () => {
    expect(encodeCursorItems(["search", 20])).toBe(ISSUED.search);
    expect(decodeCursorItems(ISSUED.search)).toEqual(["search", 20]);
  });

  it("decode to null for anything but an encoded array", () => {
    for (const cursor of ["", "not base64 !", Buffer.from('{"a":1}').toString("base64url"), "bnVsbA"]) {
      expect(decodeCursorItems(cursor), cursor).toBeNull();
    }
  });
});

describe("list cursors", () => {
  const project = new Project(7, "herten-kita-online", new Date("2026-11-22T08:28:41.000Z"));

  it("look as before", () => {
    expect(encodeCursor(project, BY_SLUG)).toBe(ISSUED.projectBySlug);
    expect(encodeCursor(new Project(12, "x", project.createdAt), BY_CREATION)).toBe(ISSUED.projectByCreation);
  });

  it("read cursors issued before", () => {
    expect(decodeCursor(ISSUED.projectBySlug, "Project", BY_SLUG)).toEqual({ value: "herten-kita-online", id: 7 });
    expect(decodeCursor(ISSUED.projectByCreation, "Project", BY_CREATION)).toEqual({
      value: project.createdAt,
      id: 12,
    });
  });

  it("reject a cursor of another list, order or kind", () => {
    expect(() => decodeCursor(ISSUED.projectBySlug, "Strategy", BY_SLUG)).toThrow(/not a cursor of this list/);
    expect(() => decodeCursor(ISSUED.projectBySlug, "Project", BY_CREATION)).toThrow(/not a cursor of this list/);
    expect(() => decodeCursor(ISSUED.search, "Project", BY_SLUG)).toThrow(/not a cursor of this list/);
    expect(() => decodeCursor("%%%", "Project", BY_SLUG)).toThrow(/not a cursor of this list/);
  });
});

describe("export cursors", () => {
  const key = { municipality: "Herten", title: "Kita-Online", slug: "herten-kita-online" };

  it("look as before and read cursors issued before", () => {
    expect(encodeExportCursor("projects", key)).toBe(ISSUED.projectsExport);
    expect(decodeExportCursor("projects", ISSUED.projectsExport)).toEqual(key);
  });

  it("are null for another export or a cursor of another kind", () => {
    expect(decodeExportCursor("strategies", ISSUED.projectsExport)).toBeNull();
    expect(decodeExportCursor("projects", ISSUED.search)).toBeNull();
    expect(decodeExportCursor("projects", ISSUED.projectBySlug)).toBeNull();
  });
});
