import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  generateToken,
  hashToken,
  TOKEN_PATTERN,
  checkTokenName,
  checkRoleScope,
  TokenInputError,
} from "../../schema/token/token.service.js";
import { TokenRole } from "../../schema/token/token-role.enum.js";

describe("API tokens", () => {
  it("are ikz_ and 32 random bytes in base64url", () => {
    const token = generateToken();
    expect(token).toMatch(/^ikz_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatch(TOKEN_PATTERN);
    expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
  });

  it("never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateToken));
    expect(tokens.size).toBe(1000);
  });

  it("are stored as their SHA-256 in hex, which does not contain the token", () => {
    const token = generateToken();
    const hash = hashToken(token);
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token.slice(4));
    expect(hashToken(generateToken())).not.toBe(hash);
  });

  it("have names of 1 to 120 characters without control characters", () => {
    expect(checkTokenName("  Amt 10 – Digitalisierung ")).toBe("Amt 10 – Digitalisierung");
    expect(checkTokenName("ä".repeat(120))).toHaveLength(120);
    for (const bad of [undefined, "", "   ", "x".repeat(121), "a\u001b[31mb", "Amt\u202E01"])
      expect(() => checkTokenName(bad)).toThrow(TokenInputError);
  });

  it("belong to exactly one municipality for editors and to none for admins", () => {
    expect(() => checkRoleScope(TokenRole.EDITOR, "herten")).not.toThrow();
    expect(() => checkRoleScope(TokenRole.ADMIN, null)).not.toThrow();
    expect(() => checkRoleScope(TokenRole.EDITOR, null)).toThrow(/editor token needs its municipality/);
    expect(() => checkRoleScope(TokenRole.ADMIN, "herten")).toThrow(/admin token belongs to no municipality/);
  });
});
