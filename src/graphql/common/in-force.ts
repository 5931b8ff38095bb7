import { FuzzyDate } from './fuzzy-date.type';

/**
 * Whether a dated fact was certainly in force on `day` (ISO): the rule of
 * cypher/fragments/in-force-certainly.cypher, for answers built from rows the queries already read.
 * Where the start is not stated, the latest it can be is the day a citing source had stated the fact.
 */
export function certainlyInForce(since: FuzzyDate | null, until: FuzzyDate | null, attestedLatest: string | null, day: string): boolean {
  const latestStart = since?.latest ?? attestedLatest;
  const begun = latestStart != null && latestStart <= day;
  const noEnd = !until || (until.earliest == null && until.latest == null && until.text == null);
  return begun && (noEnd || (until!.earliest != null && until!.earliest > day));
}
