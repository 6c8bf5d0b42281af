/** A cookie-keeping client of the editor pages for the HTTP tests: sign in, post forms, read their secrets. */
import { expect } from "vitest";

/** A browser's cookie jar for one site, enough for these pages. */
export class EditorBrowser {
  readonly jar = new Map<string, string>();
  lastSetCookies: string[] = [];
  constructor(
    private readonly origin: string,
    private readonly sendOrigin: string | null = origin,
  ) {}

  get cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request(
    path: string,
    init: {
      method?: string;
      form?: Record<string, string> | [string, string][];
      headers?: Record<string, string>;
    } = {},
  ) {
    const headers: Record<string, string> = { ...(this.jar.size ? { cookie: this.cookie } : {}), ...init.headers };
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    if (init.method === "POST" && this.sendOrigin) headers.origin = this.sendOrigin;
    const response = await fetch(this.origin + path, {
      method: init.method ?? "GET",
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: "manual",
    });
    this.lastSetCookies = response.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair] = line.split(";");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      if (value && !/max-age=0/i.test(line)) this.jar.set(name, value);
      else this.jar.delete(name);
    }
    return {
      status: response.status,
      location: response.headers.get("location"),
      headers: response.headers,
      text: await response.text(),
    };
  }

  /** The `csrf` field of the page's form. */
  static csrfOf(html: string): string {
    return /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? "";
  }

  /** Opens the sign-in page and posts `token` with its form's secret. */
  async signIn(token: string) {
    const page = await this.request("/anmelden");
    return this.request("/anmelden", { method: "POST", form: { csrf: EditorBrowser.csrfOf(page.text), token } });
  }
}

/** A browser at `origin` signed in with `token` (checked: the sign-in answered 303). */
export async function signedInEditor(origin: string, token: string): Promise<EditorBrowser> {
  const browser = new EditorBrowser(origin);
  expect((await browser.signIn(token)).status).toBe(303);
  return browser;
}
