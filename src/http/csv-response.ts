import { ServerResponse } from 'node:http';
import { NotTabularError, tableOf, toCsv } from '../tabular/flatten';
import { sendJson } from './respond';

/** Sends a GraphQL JSON answer as CSV, or a JSON error saying why it cannot be a table. */
export function sendCsv(res: ServerResponse, status: number, json: string): void {
  const body = JSON.parse(json) as { data?: Record<string, unknown> | null; errors?: unknown[] };
  if (body.errors?.length) return sendJson(res, status === 200 ? 400 : status, body);
  try {
    const csv = toCsv(tableOf(body.data));
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': Buffer.byteLength(csv) });
    res.end(csv);
  } catch (error) {
    if (!(error instanceof NotTabularError)) throw error;
    sendJson(res, 406, { errors: [{ message: `Cannot answer as CSV: ${error.message}`, extensions: { code: 'NOT_TABULAR' } }] });
  }
}
