import { BadUserInputError } from '../../errors/errors';
import { toNeo4jDate } from '../../graph/values';
import { isValidIsoDay } from '../../ingest/dates-and-quantities';

export type KeyKind = 'string' | 'number' | 'date';

interface CursorPayload {
  /** The ordering the cursor was issued for: a cursor is only valid for the same ordering. */
  o: string;
  k: string | number | null;
  id: string;
}

/** Opaque keyset cursor: the sort key and id of the last row seen, not an offset. */
export function encodeCursor(order: string, key: unknown, id: string): string {
  const payload: CursorPayload = { o: order, k: (key as string | number | null) ?? null, id };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, order: string, kind: KeyKind): { key: unknown; id: string } {
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw new BadUserInputError('after: malformed cursor; pass an endCursor or cursor value returned by this API', 'after');
  }
  if (!payload || typeof payload.id !== 'string' || typeof payload.o !== 'string') {
    throw new BadUserInputError('after: malformed cursor; pass an endCursor or cursor value returned by this API', 'after');
  }
  if (payload.o !== order) {
    throw new BadUserInputError(`after: this cursor was issued for ordering ${payload.o}, not ${order}`, 'after');
  }
  if (payload.k !== null && typeof payload.k !== (kind === 'number' ? 'number' : 'string')) {
    throw new BadUserInputError('after: malformed cursor', 'after');
  }
  // A real calendar day only: a forged 2023-02-30 would otherwise reach the driver and fail there.
  if (kind === 'date' && payload.k !== null && !isValidIsoDay(String(payload.k))) {
    throw new BadUserInputError('after: malformed cursor', 'after');
  }
  return { key: kind === 'date' ? toNeo4jDate(payload.k as string | null) : payload.k, id: payload.id };
}
