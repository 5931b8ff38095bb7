import { ServerResponse } from 'node:http';
import { LEFT_OUT_ALIAS, PAGE_INFO_ALIAS, TRUNCATED_ALIAS } from '../tabular/csv-request';
import { columnsOfQuery, NotTabularError, tableOf, toCsv } from '../tabular/flatten';
import { sendJson } from './respond';

/** Headers that tell a table's reader whether it holds the whole answer (documented in the README). */
export const PAGING_HEADERS = { hasNextPage: 'x-has-next-page', endCursor: 'x-end-cursor', truncated: 'x-truncated', leftOut: 'x-left-out' } as const;

/** A roll-up's left-out events as a header: "events=3; low=1200; high=open; unknown=1". */
function leftOutHeader(left: { events: number; low: number; high: number | null; unknownCount: number }): string {
  return `events=${left.events}; low=${left.low}; high=${left.high ?? 'open'}; unknown=${left.unknownCount}`;
}

/**
 * Sends a GraphQL JSON answer as CSV: a header row always (also for no rows), paging, truncation and
 * a roll-up's left-out events in headers. An error is never a table: it goes out as JSON with a 4xx/5xx status, so that a
 * reader such as pandas' read_csv fails loudly instead of making columns of the error text.
 */
export function sendCsv(res: ServerResponse, status: number, json: string, query: unknown): void {
  const body = JSON.parse(json) as { data?: Record<string, unknown> | null; errors?: unknown[] };
  if (body.errors?.length || !body.data) return sendJson(res, status >= 400 ? status : 400, body);
  const headers: Record<string, string> = { 'content-type': 'text/csv; charset=utf-8' };
  for (const value of Object.values(body.data)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    const root = value as Record<string, unknown>;
    const page = root[PAGE_INFO_ALIAS] as { hasNextPage?: boolean; endCursor?: string | null } | undefined;
    if (page) {
      headers[PAGING_HEADERS.hasNextPage] = String(Boolean(page.hasNextPage));
      if (page.endCursor) headers[PAGING_HEADERS.endCursor] = page.endCursor;
    }
    if (TRUNCATED_ALIAS in root) headers[PAGING_HEADERS.truncated] = String(Boolean(root[TRUNCATED_ALIAS]));
    const left = root[LEFT_OUT_ALIAS] as Parameters<typeof leftOutHeader>[0] | undefined;
    if (left) headers[PAGING_HEADERS.leftOut] = leftOutHeader(left);
    delete root[PAGE_INFO_ALIAS];
    delete root[TRUNCATED_ALIAS];
    delete root[LEFT_OUT_ALIAS];
  }
  try {
    const csv = toCsv(tableOf(body.data, typeof query === 'string' ? columnsOfQuery(query) : []));
    res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(csv), 'access-control-expose-headers': Object.values(PAGING_HEADERS).join(', ') });
    res.end(csv);
  } catch (error) {
    if (!(error instanceof NotTabularError)) throw error;
    sendJson(res, 406, { errors: [{ message: `Cannot answer as CSV: ${error.message}`, extensions: { code: 'NOT_TABULAR' } }] });
  }
}
