import type { Config } from '../config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UnsupportedContentError } from '../errors/errors';
import type { GraphClient } from '../graph/graph-client';
import { extractFromArticle } from '../extraction/review';
import { MAX_ARTICLE_LENGTH } from '../extraction/text';
import { parsePublication } from '../extraction/dates';
import type { FuzzyDate } from '../ingest/dates-and-quantities';
import { tableOf, toText } from '../tabular/flatten';
import { parseArgs, UsageError } from './args';

/** `corpgraph extract`: an article's proposed facts against the graph, printed, and submitted for review when asked. */
export const EXTRACT_USAGE = `  corpgraph extract <article.txt|.html> --published YYYY-MM-DD[..YYYY-MM-DD] [--title T] [--publisher P]...
                    [--author A]... [--url U] [--format table|json] [--submit] [--by NAME]
      Propose the facts an article states (English news text, or HTML: the markup is taken out): layoffs,
      roles, acquisitions, ownership, market entries and exits, headquarters, former names, statistics,
      each with the passage's offsets and a short quote, its entities resolved against the graph or
      proposed as new. Prints them; with --submit stores them in the review queue (corpgraph review facts),
      where nothing lands until a reviewer accepts it.`;

/** The article's fields as this command's options name them, in errors. */
const CLI_NAMES: Record<string, string> = { title: '--title', publishers: '--publisher', authors: '--author', url: '--url', published: '--published' };

function publicationOf(text: string): FuzzyDate {
  try {
    return parsePublication(text);
  } catch (error) {
    throw new UsageError(`--published: ${(error as Error).message}`);
  }
}

export async function extractCommand(graph: GraphClient, argv: string[], settings: Config['extraction']): Promise<number> {
  const args = parseArgs(argv, {
    published: 'string',
    format: 'string',
    title: 'string',
    publisher: 'list',
    author: 'list',
    url: 'string',
    submit: 'boolean',
    by: 'string',
  });
  if (args.positional.length !== 1) throw new UsageError('extract takes one text file');
  const published = args.options.published as string | undefined;
  if (!published) throw new UsageError('extract needs --published (the article\'s publication day, or a range "2024-01-10..2024-01-12")');
  const file = path.resolve(args.positional[0]);
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${args.positional[0]}`);
  if (fs.statSync(file).size > MAX_ARTICLE_LENGTH * 4)
    throw new UsageError(`the article is longer than ${MAX_ARTICLE_LENGTH.toLocaleString('en-US')} characters`);
  const bytes = fs.readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const by = (args.options.by as string | undefined) ?? `cli:${os.userInfo().username}`;
  let result;
  try {
    result = await extractFromArticle(
      graph,
      text,
      {
        published: publicationOf(published),
        title: (args.options.title as string | undefined) ?? null,
        publishers: (args.options.publisher as string[] | undefined) ?? [],
        authors: (args.options.author as string[] | undefined) ?? [],
        url: (args.options.url as string | undefined) ?? null,
      },
      {
        submit: Boolean(args.options.submit),
        by,
        budgetMs: settings.budgetMs,
        reader: settings.reader,
        fieldName: (field) => CLI_NAMES[field] ?? (field === 'text' ? args.positional[0] : field),
      },
    );
  } catch (error) {
    if (error instanceof UnsupportedContentError) throw new UsageError(error.message);
    throw error;
  }
  const { extraction, extractionId, sourceId, created } = result;
  if (args.options.format === 'json') {
    console.log(
      JSON.stringify(
        { extractionId, sourceId, submitted: Boolean(args.options.submit), created, fromMarkup: extraction.fromMarkup, proposals: extraction.proposals },
        null,
        2,
      ),
    );
    return 0;
  }
  const rows = extraction.proposals.map((p) => ({ id: p.id, fact: p.factType, summary: p.summary, offsets: `${p.start}-${p.end}`, quote: p.quote }));
  process.stdout.write(toText(tableOf({ proposals: rows }, ['id', 'fact', 'summary', 'offsets', 'quote'])));
  if (args.options.submit) console.error(`submitted ${extractionId}: ${created} new proposal(s) in the review queue (corpgraph review facts)`);
  return 0;
}
