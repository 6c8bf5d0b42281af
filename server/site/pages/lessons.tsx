import type { VNode } from "preact";
import { LESSON_KIND_LABELS } from "../../embed/labels.js";
import { counted, label } from "../labels.js";
import { Layout, NextPage, paths, Sources, TopicLinks } from "../layout.js";
import type { ChoicesData } from "../queries/choices.js";
import type { LessonsData } from "../queries/lessons.js";

/** The filters of the lessons page; null where the reader chose "all". */
export interface LessonChoice {
  topic: string | null;
  kind: string | null;
  city: string | null;
}

function Select({ id, text, name, options, chosen }: { id: string; text: string; name: string; options: { value: string; text: string }[]; chosen: string | null }): VNode {
  return (
    <p class="field">
      <label for={id}>{text}</label>
      <select id={id} name={name}>
        <option value="">alle</option>
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === chosen}>
            {option.text}
          </option>
        ))}
      </select>
    </p>
  );
}

function LessonFilterForm({ choices, choice }: { choices: ChoicesData; choice: LessonChoice }): VNode {
  return (
    <form method="get" action="/erfahrungen" class="filter-form filter-row">
      <Select id="filter-thema" text="Thema" name="thema" chosen={choice.topic} options={choices.topics.nodes.map((topic) => ({ value: topic.key, text: topic.label }))} />
      <Select
        id="filter-art"
        text="Art"
        name="art"
        chosen={choice.kind}
        options={Object.entries(LESSON_KIND_LABELS).map(([value, text]) => ({ value, text }))}
      />
      <Select
        id="filter-kommune"
        text="Kommune"
        name="kommune"
        chosen={choice.city}
        options={choices.municipalities.nodes.map((city) => ({ value: city.slug, text: city.name }))}
      />
      <p class="field">
        <button type="submit">Filtern</button>
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
  const filtered = choice.topic !== null || choice.kind !== null || choice.city !== null;
  return (
    <Layout title={error ? "Fehler: Erfahrungen" : "Erfahrungen"} section="erfahrungen">
      <h1>Erfahrungen</h1>
      <p class="lead">Was Kommunen bei der Digitalisierung gelernt haben: Erfolge, Stolpersteine und Empfehlungen, jeweils mit Quelle.</p>
      {error ? (
        <div class="form-error" role="alert">
          <h2>Bitte den Filter prüfen</h2>
          <p>{error}</p>
        </div>
      ) : null}
      <LessonFilterForm choices={choices} choice={choice} />
      {lessons ? (
        <>
          <p>
            {counted(lessons.totalCount, "Erfahrung", "Erfahrungen")}
            {filtered ? " zu diesem Filter" : ""}.
          </p>
          <ul class="plain lessons">
            {lessons.nodes.map((lesson) => (
              <li key={lesson.slug} class="block">
                <h2>{lesson.title}</h2>
                <p class="meta">
                  {label("lessonKind", lesson.kind)} · <a href={paths.city(lesson.municipality.slug)}>{lesson.municipality.name}</a>
                  {lesson.project ? (
                    <>
                      {" · Projekt: "}
                      <a href={paths.project(lesson.project.slug)}>{lesson.project.title}</a>
                    </>
                  ) : null}
                </p>
                <p>{lesson.body}</p>
                <TopicLinks topics={lesson.topics} />
                <Sources sources={lesson.sources} />
              </li>
            ))}
          </ul>
          <NextPage href={nextHref}>Weitere Erfahrungen</NextPage>
        </>
      ) : null}
    </Layout>
  );
}
