import type { VNode } from "preact";
import { FormError, InGerman, useSiteLanguage } from "../i18n/site-language.js";
import { Layout, NextPage, Sources, TopicLinks } from "../layout.js";
import { paths } from "../paths.js";
import type { ChoicesData } from "../queries/choices.js";
import type { LessonsData } from "../queries/lessons.js";

/** The filters of the lessons page; null where the reader chose "all". */
export interface LessonChoice {
  topic: string | null;
  kind: string | null;
  city: string | null;
}

function Select({
  id,
  text,
  name,
  options,
  chosen,
  optionLang,
}: {
  id: string;
  text: string;
  name: string;
  options: { value: string; text: string }[];
  chosen: string | null;
  optionLang?: string;
}): VNode {
  const { t } = useSiteLanguage();
  return (
    <p class="field">
      <label for={id}>{text}</label>
      <select id={id} name={name}>
        <option value="">{t.lessons.all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === chosen} lang={optionLang}>
            {option.text}
          </option>
        ))}
      </select>
    </p>
  );
}

function LessonFilterForm({ choices, choice }: { choices: ChoicesData; choice: LessonChoice }): VNode {
  const { t, lang, contentLang } = useSiteLanguage();
  return (
    <form method="get" action="/erfahrungen" class="filter-form filter-row">
      {lang === "de" ? null : <input type="hidden" name="lang" value={lang} />}
      <Select
        id="filter-thema"
        text={t.lessons.topic}
        name="thema"
        chosen={choice.topic}
        options={choices.topics.nodes.map((topic) => ({ value: topic.key, text: topic.label }))}
        optionLang={contentLang}
      />
      <Select
        id="filter-art"
        text={t.lessons.kind}
        name="art"
        chosen={choice.kind}
        options={Object.entries(t.enums.lessonKind).map(([value, text]) => ({ value, text }))}
      />
      <Select
        id="filter-kommune"
        text={t.lessons.city}
        name="kommune"
        chosen={choice.city}
        options={choices.municipalities.nodes.map((city) => ({ value: city.slug, text: city.name }))}
      />
      <p class="field">
        <button type="submit">{t.lessons.filter}</button>
      </p>
    </form>
  );
}

interface LessonsPageProps {
  choices: ChoicesData;
  choice: LessonChoice;
  lessons: LessonsData["lessons"] | null;
  nextHref: string | null;
  /** What is wrong with the request's parameters (answered with 400), in German. */
  error: string | null;
}

/** `/erfahrungen`: lessons learned of all cities, filterable by topic, kind and city, a page at a time. */
export function LessonsPage({ choices, choice, lessons, nextHref, error }: LessonsPageProps): VNode {
  const { t, contentLang, href, label, counted, formatTotal } = useSiteLanguage();
  const filtered = choice.topic !== null || choice.kind !== null || choice.city !== null;
  return (
    <Layout title={error ? t.lessons.errorTitle : t.lessons.title} section="erfahrungen">
      <h1>{t.lessons.title}</h1>
      <p class="lead">{t.lessons.lead}</p>
      {error ? (
        <div class="form-error" role="alert">
          <h2>{t.lessons.checkFilter}</h2>
          <FormError error={error} />
        </div>
      ) : null}
      <LessonFilterForm choices={choices} choice={choice} />
      {lessons ? (
        <>
          <p>
            {t.lessons.count(
              lessons.totalCountIsExact
                ? counted(lessons.totalCount, t.nounsExtra.lesson)
                : `${formatTotal(lessons)} ${t.nounsExtra.lesson[1]}`,
              filtered,
            )}
          </p>
          <ul class="plain lessons">
            {lessons.nodes.map((lesson) => (
              <li key={lesson.slug} class="block">
                <h2 lang={contentLang}>{lesson.title}</h2>
                <p class="meta">
                  {label("lessonKind", lesson.kind)} ·{" "}
                  <a href={href(paths.city(lesson.municipality.slug))}>{lesson.municipality.name}</a>
                  {lesson.project ? (
                    <>
                      {t.lessons.projectPrefix}
                      <a href={href(paths.project(lesson.project.slug))}>
                        <InGerman>{lesson.project.title}</InGerman>
                      </a>
                    </>
                  ) : null}
                </p>
                <p lang={contentLang}>{lesson.body}</p>
                <TopicLinks topics={lesson.topics} />
                <Sources sources={lesson.sources} />
              </li>
            ))}
          </ul>
          <NextPage href={nextHref}>{t.lessons.more}</NextPage>
        </>
      ) : null}
    </Layout>
  );
}
