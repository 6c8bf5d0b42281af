import { Fragment, type VNode } from "preact";
import { useSiteLanguage } from "../i18n/site-language.js";

/** Comma-separated links to named things (cities, providers), e.g. a project's partners or a strategy's consultants. */
export function NamedLinks({
  items,
  path,
}: {
  items: readonly { slug: string; name: string }[];
  path: (slug: string) => string;
}): VNode {
  const { href } = useSiteLanguage();
  return (
    <>
      {items.map((item, index) => (
        <Fragment key={item.slug}>
          {index > 0 ? ", " : ""}
          <a href={href(path(item.slug))}>{item.name}</a>
        </Fragment>
      ))}
    </>
  );
}
