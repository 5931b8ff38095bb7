import { BadUserInputError } from '../../errors/errors';

/** Checks a depth or hop count against its limit before anything reaches Neo4j. */
export function checkBound(argument: string, value: number, max: number, min = 1): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${argument} must be a whole number from ${min} to ${max}, got ${value}`, argument);
  }
  return value;
}

/** Today as YYYY-MM-DD (UTC): the default "as of" day. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
