/**
 * A small browser for HTTP tests that cross sites (the hub and an identity provider): cookies kept per origin
 * (name and value, `Max-Age=0` deletes), redirects followed by hand so that each hop can be looked at, and the
 * `Origin` header on POSTs, as a browser sends it.
 */

/** One answer, with the address it came from. */
export interface WebAnswer {
  url: string;
  status: number;
  location: string | null;
  headers: Headers;
  setCookies: string[];
  text: string;
}

export class WebClient {
  /** Cookies by origin, then by name. */
  readonly jars = new Map<string, Map<string, string>>();

  jar(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  /** One request, no redirect followed. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<WebAnswer> {
    const { origin } = new URL(url);
    const jar = this.jar(origin);
    const headers: Record<string, string> = {};
    if (jar.size) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    if (init.method === "POST") headers.origin = origin;
    const response = await fetch(url, {
      method: init.method ?? "GET",
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: "manual",
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value && !/max-age=0/i.test(line) && !/expires=Thu, 01 Jan 1970/i.test(line)) jar.set(name, value);
      else jar.delete(name);
    }
    const location = response.headers.get("location");
    return {
      url,
      status: response.status,
      location: location && new URL(location, url).href,
      headers: response.headers,
      setCookies,
      text: await response.text(),
    };
  }

  /** A request and the redirects after it (GET), until an answer that is no redirect or `stop` says so; every hop. */
  async follow(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
    stop: (answer: WebAnswer) => boolean = () => false,
  ): Promise<WebAnswer[]> {
    const hops = [await this.request(url, init)];
    while (hops.length < 20) {
      const last = hops[hops.length - 1];
      if (!last.location || last.status < 300 || last.status > 399 || stop(last)) break;
      hops.push(await this.request(last.location));
    }
    return hops;
  }
}

/** The `csrf` field of a page's form. */
export function csrfOf(html: string): string {
  return /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? "";
}
