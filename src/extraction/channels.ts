import type { ANNOUNCEMENT_CHANNELS } from '../ingest/record-types';

/** How a layoff was announced, from the words of its sentence (both readers use them). */
export const CHANNEL_WORDS: ReadonlyArray<{ pattern: RegExp; channel: (typeof ANNOUNCEMENT_CHANNELS)[number] }> = [
  { pattern: /\be-?mails?\b/i, channel: 'EMAIL' },
  { pattern: /\bmemo\b/i, channel: 'MEMO' },
  { pattern: /\bblog post\b/i, channel: 'BLOG_POST' },
  { pattern: /\bpress release\b/i, channel: 'PRESS_RELEASE' },
  { pattern: /\b(?:filing|filed with)\b/i, channel: 'FILING' },
  { pattern: /\binterview\b/i, channel: 'INTERVIEW' },
  { pattern: /\b(?:on X|on Twitter|on LinkedIn|social media)\b/, channel: 'SOCIAL_MEDIA' },
  { pattern: /\b(?:town hall|all-hands|meeting)\b/i, channel: 'MEETING' },
];
