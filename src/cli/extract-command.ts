import fs from 'node:fs';
import path from 'node:path';
import type { GraphClient } from '../graph/graph-client';
import { parseCalendar } from '../ingest/fuzzy';
import { extractLayoffs, MAX_ARTICLE_LENGTH } from '../extraction/extract';
import { tableOf, toText } from '../tabular/flatten';
import { parseArgs, UsageError } from './args';

/** `corpgraph extract`: an article's layoff proposals against the graph, printed; nothing is written. */
export const EXTRACT_USAGE = `  corpgraph extract <article.txt> --published YYYY-MM-DD[..YYYY-MM-DD] [--format table|json]
      Propose the layoff statements of an article (plain text): the organizations of the graph that cut,
      the figure with its hedge and bounds, the share of the workforce, the date resolved against the
      publication, each with its offsets and a short quote. Prints them; writes nothing.`;

export async function extractCommand(graph: GraphClient, argv: string[]): Promise<number> {
  const args = parseArgs(argv, { published: 'string', format: 'string' });
  if (args.positional.length !== 1) throw new UsageError('extract takes one text file');
  const published = args.options.published as string | undefined;
  if (!published) throw new UsageError('extract needs --published (the article\'s publication day, or a range "2024-01-10..2024-01-12")');
  const [from, to = from] = published.split('..');
  const day = (text: string) => {
    try {
      return parseCalendar(text, 'published');
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
  const interval = { earliest: day(from).earliest, latest: day(to).latest, precision: from === to ? 'DAY' : 'RANGE', text: null } as const;
  const file = path.resolve(args.positional[0]);
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${args.positional[0]}`);
  if (fs.statSync(file).size > MAX_ARTICLE_LENGTH * 4)
    throw new UsageError(`the article is larger than ${MAX_ARTICLE_LENGTH.toLocaleString('en-US')} characters`);
  const text = fs.readFileSync(file, 'utf8');
  if (text.includes('\u0000') || text.includes('\ufffd')) throw new UsageError('the article is not UTF-8 text');
  if (text.length > MAX_ARTICLE_LENGTH) throw new UsageError(`the article is larger than ${MAX_ARTICLE_LENGTH.toLocaleString('en-US')} characters`);
  const { organizations, layoffs } = await extractLayoffs(graph, text, { published: interval });
  if (args.options.format === 'json') {
    console.log(JSON.stringify({ organizations, layoffs }, null, 2));
    return 0;
  }
  const rows = layoffs.map((l) => ({
    organizations: l.organizations.map((o) => o.id).join('; '),
    headcount: l.headcount.text,
    share: l.shareOfWorkforce,
    announced: l.announced ? `${l.announced.earliest}..${l.announced.latest} (${l.announced.text})` : null,
    offsets: `${l.start}-${l.end}`,
    quote: l.quote,
  }));
  process.stdout.write(toText(tableOf({ layoffs: rows }, ['organizations', 'headcount', 'share', 'announced', 'offsets', 'quote'])));
  return 0;
}
