/**
 * The GraphQL document of the lessons page (`/erfahrungen`): a page of published
 * lessons learned, filtered (the form's choices come from `CHOICES_QUERY`).
 */
import type { Named, SourceRef, TopicRef } from "../queries.js";
import type { CountedList } from "../i18n/site-language.js";

/** Lessons a page shows: with bodies of typical length a page stays well under 100 KB. */
export const LESSONS_PAGE_SIZE = 25;

export const LESSONS_QUERY = `query SiteLessons($after: String, $filter: LessonFilter) {
  lessons(first: ${LESSONS_PAGE_SIZE}, after: $after, filter: $filter) {
    totalCount totalCountIsExact
    nodes {
      slug title kind body
      municipality { slug name }
      project { slug title }
      topics { key label }
      sources { key title url publisher publishedOn }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface LessonItem {
  slug: string;
  title: string;
  kind: string;
  body: string;
  municipality: Named;
  project: { slug: string; title: string } | null;
  topics: TopicRef[];
  sources: SourceRef[];
}

export interface LessonsData {
  lessons: CountedList & { nodes: LessonItem[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}
