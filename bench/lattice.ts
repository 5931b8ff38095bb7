/**
 * A lattice of joint ventures: `levels` levels of two companies, each owned half and half by both
 * companies of the level above, so that 2^(levels-1) routes lead from the bottom to the top through
 * 2 x levels companies (ids lat-<level><a|b>). The shape that makes a traversal that walks routes
 * explode; tests/integration/lattice.test.ts and bench/hostile-load.ts load it.
 */
export function latticeRecords(
  levels = 24,
  layoffsAt: Array<[number, 'a' | 'b']> = [
    [levels - 1, 'a'],
    [12, 'b'],
  ],
): Record<string, unknown>[] {
  const id = (level: number, side: string) => `lat-${level}${side}`;
  const cites = [{ source: 'lat-src' }];
  const records: Record<string, unknown>[] = [
    { type: 'Source', id: 'lat-src', kind: 'REGISTRY', title: 'A lattice of joint ventures (test)', published: { on: '2024-01-01' } },
  ];
  for (let level = 0; level < levels; level += 1) {
    for (const side of ['a', 'b']) {
      records.push({ type: 'Organization', kind: 'COMPANY', id: id(level, side), name: `Lattice ${level}${side} Holdings`, country: 'US', sources: cites });
      if (level === 0) continue;
      for (const parentSide of ['a', 'b']) {
        records.push({
          type: 'Ownership',
          id: `lat-own-${level}${side}${parentSide}`,
          kind: 'SUBSIDIARY',
          child: id(level, side),
          parent: id(level - 1, parentSide),
          share: 0.5,
          since: '2020-01-01',
          sources: cites,
        });
      }
    }
  }
  for (const [level, side] of layoffsAt) {
    records.push({
      type: 'LayoffEvent',
      id: `lat-layoff-${level}${side}`,
      organizations: [id(level, side)],
      announced: '2023-05-01',
      headcount: { value: 100, qualifier: 'EXACT' },
      sources: cites,
    });
  }
  return records;
}

/** Every traversal an anonymous analyst can ask for, aimed at the lattice's worst spots. */
export const LATTICE_TRAVERSALS: Array<[string, string]> = [
  ['the ultimate parent of the bottom company', `{ company(id: "lat-23a") { ultimateParent { id } } }`],
  ['the direct parent of the bottom company', `{ company(id: "lat-23a") { parent { id } } }`],
  [
    'the ownership chain above the bottom company',
    `{ ownershipChainOf(id: "lat-23a", maxDepth: 25) { links { depth } ultimateParent { id } truncated routesCapped } }`,
  ],
  [
    'the corporate family below the top company',
    `{ corporateFamilyOf(id: "lat-0a", depth: 25, limit: 1000) { count members { depth organization { id } parent { id } cycleDetected } } }`,
  ],
  ['the layoff roll-up of the top company', `{ layoffRollupOf(id: "lat-0a") { total { events low } } }`],
  ['the timeline of the top company and its family', `{ timelineOf(id: "lat-0a", includeFamily: true) { kind } }`],
  ['a path from the top down eight levels', `{ path(from: "lat-0a", to: "lat-8a", maxHops: 8) { found length paths { length } } }`],
];
