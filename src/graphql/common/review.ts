import { BadUserInputError } from '../../errors/errors';
import type { Context } from '../context';

/** What every review mutation (entity resolution, extracted facts) records of the reviewer: who, and why in a bounded note. */
const MAX_NOTE = 1000;

export function checkNote(note: string | null | undefined): string | null {
  const text = note?.trim() || null;
  if (text && text.length > MAX_NOTE) throw new BadUserInputError(`note must be at most ${MAX_NOTE} characters`, 'note');
  return text;
}

/** Who decides, as decisions record it: the API key's name. */
export const reviewerOf = (ctx: Context) => `key:${ctx.caller.keyName ?? 'anonymous'}`;
