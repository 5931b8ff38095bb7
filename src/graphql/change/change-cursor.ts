import { BadUserInputError } from '../../errors/errors';
import { decodeCursor, encodeCursor } from '../common/cursor';

/** A change's cursor: its number, opaque to clients like every cursor of the API. */
const ORDER = 'CHANGES';

export const changeCursor = (sequence: number): string => encodeCursor(ORDER, sequence, String(sequence));

/** The number a cursor stands for; null when none was given. */
export function sequenceOf(cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const { key } = decodeCursor(cursor, ORDER, 'number');
  if (!Number.isSafeInteger(key) || (key as number) < 0) throw new BadUserInputError('after: malformed cursor', 'after');
  return key as number;
}
