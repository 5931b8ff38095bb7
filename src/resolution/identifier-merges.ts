import type { GraphTransaction } from '../graph/graph-client';
import { IDENTIFIER_RULE, IdentifierTwin, survivorOf } from '../ingest/identifier-twins';
import { mergeIn, MergeResult } from './merge';

/**
 * Merges each pair of twins (organizations carrying one identifier, ingest/identifier-twins.ts) in
 * `tx`, the survivor by survivorOf, each recorded as an accepted SAME_AS decision of rule:identifier:
 * a reversible merge like any other.
 */
export async function mergeIdentifierTwins(tx: GraphTransaction, twins: IdentifierTwin[]): Promise<MergeResult[]> {
  const results: MergeResult[] = [];
  const absorbed = new Map<string, string>();
  const endOf = (id: string) => absorbed.get(id) ?? id;
  for (const twin of twins) {
    const [a, b] = [endOf(twin.id), endOf(twin.other)];
    if (a === b) continue;
    const survivorId = survivorOf(a, b);
    const absorbedId = survivorId === a ? b : a;
    const result = await mergeIn(
      tx,
      { survivorId, absorbedId, by: `rule:${IDENTIFIER_RULE}`, note: `both carry ${twin.key}` },
      { rule: IDENTIFIER_RULE, score: 1, reasonKinds: ['IDENTIFIER'], reasonDetails: [twin.key], reasonWeights: [1] },
    );
    absorbed.set(absorbedId, survivorId);
    results.push(result);
  }
  return results;
}
