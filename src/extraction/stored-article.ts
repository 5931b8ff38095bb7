/**
 * An article as the review store keeps it (its text apart): its metadata and who submitted it. Types
 * only, with no imports, so that the review page (web/review.ts) reads the same shape the server writes.
 */
export interface StoredArticle {
  id: string;
  sourceId: string;
  title: string;
  publishers: string[];
  authors: string[];
  url: string | null;
  publishedEarliest: string | null;
  publishedLatest: string | null;
  publishedText: string | null;
  fromMarkup: boolean;
  textLength: number;
  submittedBy: string | null;
  submittedAt: string | null;
}
