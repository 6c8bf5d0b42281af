import type { VNode } from "preact";
import { useSiteLanguage } from "../i18n/site-language.js";
import { Layout } from "../layout.js";

/** The answer to an unknown path or slug: what happened and where to go on. */
export function NotFoundPage(): VNode {
  const { t, href } = useSiteLanguage();
  return (
    <Layout title={t.notFound.title} section={null}>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.text}</p>
      <ul>
        <li>
          <a href={href("/")}>{t.notFound.home}</a>
        </li>
        <li>
          <a href={href("/kommunen")}>{t.notFound.allCities}</a>
        </li>
        <li>
          <a href={href("/themen")}>{t.notFound.allTopics}</a>
        </li>
      </ul>
    </Layout>
  );
}

/** The answer when a page cannot be built right now (503: the database is away; 429: too many requests; 500: anything else). */
export function ErrorPage({ status }: { status: number }): VNode {
  const { t, href } = useSiteLanguage();
  return (
    <Layout title={t.error.title} section={null}>
      <h1>{t.error.heading}</h1>
      <p>{status === 503 ? t.error.unavailable : status === 429 ? t.error.rateLimited : t.error.failed}</p>
      <p>
        <a href={href("/")}>{t.error.home}</a>
      </p>
    </Layout>
  );
}
