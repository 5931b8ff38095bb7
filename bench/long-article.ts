import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';

/** The evaluation's news texts one after another, up to about 196,000 characters (the size of the article in issue #24). */
export function longArticle(): string {
  const dir = path.join(PROJECT_ROOT, 'eval', 'extraction', 'texts');
  const texts = fs
    .readdirSync(dir)
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim());
  let article = '';
  while (article.length < 196_000) article += `${texts.join('\n\n')}\n\n`;
  return article.slice(0, article.lastIndexOf('.', 196_000) + 1);
}
