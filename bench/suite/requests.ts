import { luceneQuery } from '../../src/graph/lucene';
import type { GeneratedSummary } from '../generator';

/**
 * The six requests that stand for analyst work, each written three times: in corpgraph's GraphQL,
 * in the GraphQL the Neo4j GraphQL Library generates for the same graph, and as hand-written
 * Cypher (bench/suite/raw/<name>.cypher). `canonical` turns each contender's answer into the same
 * plain shape, so that one check per run proves the three return the same data.
 */
export type Contender = 'corpgraph' | 'neo4j-graphql' | 'raw-cypher';
export const CONTENDERS: Contender[] = ['corpgraph', 'neo4j-graphql', 'raw-cypher'];

/** What one contender sends for a request: a GraphQL operation, or the parameters of a raw query. */
export interface Call {
  body: Record<string, unknown>;
  /** Turns the response body into the canonical data compared across contenders. */
  canonical(response: unknown): unknown;
}

export interface BenchRequest {
  /** Also the raw query's file name. */
  name: string;
  title: string;
  /** Whether its cost should stay flat as the graph grows (the 2x target at 1M). */
  scaleFree: boolean;
  /** Calls per contender; a paged request asks for the cursor of page 1 first. */
  calls(samples: GeneratedSummary['samples'], page1: PageCursors | null): Record<Contender, Call>;
  /** For the paged request: how to read each contender's cursor after page 1. */
  paged?: boolean;
}

export interface PageCursors {
  corpgraph: string;
  'neo4j-graphql': string;
  'raw-cypher': { afterDate: string; afterId: string };
}

type Json = Record<string, any>;

const byId = (a: Json, b: Json) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const graphql = (query: string, variables: Record<string, unknown>) => ({ query, variables });
const rows = (response: unknown) => (response as { rows: Json[] }).rows;
const data = (response: unknown) => {
  const body = response as { data?: Json; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
};
/** Today as corpgraph sees it: links and roles in force today. */
export const TODAY = new Date().toISOString().slice(0, 10);

const LAYOFF_WINDOW = { from: '2020-01-01', to: '2022-12-31' };
const PAGE = 50;

interface CompanyShape {
  id: string;
  name: string;
  kind: string;
  leaders: Array<{ id: string; title: string; roleType: string; person: { id: string; name: string } }>;
  marketPresences: Array<{ id: string; status: string; market: { id: string; name: string } }>;
  sources: Array<{ quote: string | null; source: { id: string; title: string } }>;
}
const company = (c: CompanyShape) => ({
  id: c.id,
  name: c.name,
  kind: c.kind,
  leaders: c.leaders.map((r) => ({ id: r.id, title: r.title, roleType: r.roleType, person: { id: r.person.id, name: r.person.name } })),
  marketPresences: c.marketPresences.map((p) => ({ id: p.id, status: p.status, market: { id: p.market.id, name: p.market.name } })).sort(byId),
  sources: c.sources.map((s) => ({ quote: s.quote || null, source: { id: s.source.id, title: s.source.title } })).sort((a, b) => byId(a.source, b.source)),
});

const layoff = (id: string, announced: string, headcountLow: number | null) => ({ id, announced, headcountLow });

/** The peer's selection of a family to depth 3: subsidiaries and divisions, level by level. */
function peerFamilySelection(depth: number): string {
  const member = `id name layoffEvents(sort: [{ announcedEarliest: ASC }, { id: ASC }]) { id announcedEarliest headcountLow }`;
  if (depth === 0) return '';
  const inner = peerFamilySelection(depth - 1);
  return `subsidiaries { ${member} ${inner} } divisions { ${member} ${inner} }`;
}
function peerFamilyMembers(org: Json, depth: number, out: Json[]): Json[] {
  for (const child of [...(org.subsidiaries ?? []), ...(org.divisions ?? [])]) {
    out.push({
      id: child.id,
      name: child.name,
      depth,
      layoffEvents: (child.layoffEvents as Json[]).map((e) => layoff(e.id, e.announcedEarliest, e.headcountLow)),
    });
    peerFamilyMembers(child, depth + 1, out);
  }
  return out;
}

export const REQUESTS: BenchRequest[] = [
  {
    name: 'company',
    title: '1 company + leaders, markets, sources',
    scaleFree: true,
    calls: (s) => ({
      corpgraph: {
        body: graphql(
          `
            query Company($id: ID!) {
              company(id: $id) {
                id
                name
                kind
                leaders {
                  id
                  title
                  roleType
                  person {
                    id
                    name
                  }
                }
                marketPresences {
                  id
                  status
                  market {
                    id
                    name
                  }
                }
                sources {
                  quote
                  source {
                    id
                    title
                  }
                }
              }
            }
          `,
          { id: s.largeFamilyRoot },
        ),
        canonical: (r) => company(data(r).company),
      },
      'neo4j-graphql': {
        body: graphql(
          `
            query Company($id: ID!) {
              organizations(where: { id: { eq: $id } }) {
                id
                name
                kind
                leaders {
                  id
                  title
                  roleType
                  person {
                    id
                    name
                  }
                }
                marketPresences {
                  id
                  status
                  market {
                    id
                    name
                  }
                }
                sourcesConnection {
                  edges {
                    properties {
                      quote
                    }
                    node {
                      id
                      title
                    }
                  }
                }
              }
            }
          `,
          { id: s.largeFamilyRoot },
        ),
        canonical: (r) => {
          const o = data(r).organizations[0];
          return company({ ...o, sources: o.sourcesConnection.edges.map((e: Json) => ({ quote: e.properties.quote, source: e.node })) });
        },
      },
      'raw-cypher': { body: { id: s.largeFamilyRoot, today: TODAY }, canonical: (r) => company(rows(r)[0].company) },
    }),
  },
  {
    name: 'ownership-chain',
    title: '2 ownership chain, 15 deep',
    scaleFree: true,
    calls: (s) => ({
      corpgraph: {
        body: graphql(
          `
            query Chain($id: ID!) {
              ownershipChainOf(id: $id) {
                links {
                  kind
                  parent {
                    id
                    name
                  }
                }
              }
            }
          `,
          { id: s.deepCompany },
        ),
        canonical: (r) => (data(r).ownershipChainOf.links as Json[]).map((l) => ({ id: l.parent.id, name: l.parent.name })),
      },
      'neo4j-graphql': {
        body: graphql(
          `
            query Chain($id: ID!) {
              organizations(where: { id: { eq: $id } }) {
                ownershipChain {
                  id
                  name
                }
              }
            }
          `,
          { id: s.deepCompany },
        ),
        canonical: (r) => (data(r).organizations[0].ownershipChain as Json[]).map((o) => ({ id: o.id, name: o.name })),
      },
      'raw-cypher': {
        body: { id: s.deepCompany, today: TODAY },
        canonical: (r) => (rows(r)[0].links as Json[]).map((l) => ({ id: l.parent.id, name: l.parent.name })),
      },
    }),
  },
  {
    name: 'family-layoffs',
    title: '3 family to depth 3 + layoffs',
    scaleFree: false,
    calls: (s) => ({
      corpgraph: {
        body: graphql(
          `
            query Family($id: ID!) {
              corporateFamilyOf(id: $id, depth: 3) {
                truncated
                members {
                  depth
                  organization {
                    id
                    name
                    layoffEvents {
                      id
                      announced {
                        earliest
                      }
                      headcount {
                        low
                      }
                    }
                  }
                }
              }
            }
          `,
          { id: s.familyDepth3.root },
        ),
        canonical: (r) =>
          (data(r).corporateFamilyOf.members as Json[])
            .map((m) => ({
              id: m.organization.id,
              name: m.organization.name,
              depth: m.depth,
              layoffEvents: (m.organization.layoffEvents as Json[]).map((e) => layoff(e.id, e.announced.earliest, e.headcount.low)),
            }))
            .sort(byId),
      },
      'neo4j-graphql': {
        body: graphql(`query Family($id: ID!) { organizations(where: { id: { eq: $id } }) { id ${peerFamilySelection(3)} } }`, { id: s.familyDepth3.root }),
        canonical: (r) => peerFamilyMembers(data(r).organizations[0], 1, []).sort(byId),
      },
      'raw-cypher': {
        body: { id: s.familyDepth3.root, today: TODAY },
        canonical: (r) =>
          rows(r)
            .map((m) => ({
              id: m.id,
              name: m.name,
              depth: m.depth,
              layoffEvents: (m.layoffEvents as Json[]).map((e) => layoff(e.id, e.announcedEarliest, e.headcountLow)),
            }))
            .sort(byId),
      },
    }),
  },
  {
    name: 'layoffs-page',
    title: '4 layoffs by date+market, page 2',
    scaleFree: false,
    paged: true,
    calls: (s, page1) => ({
      corpgraph: {
        body: graphql(
          `query Layoffs($filter: LayoffFilter, $after: String) {
             layoffEvents(filter: $filter, first: ${PAGE}, after: $after, orderBy: { field: ANNOUNCED, direction: ASC }) {
               pageInfo { endCursor hasNextPage } nodes { id announced { earliest } headcount { low } } } }`,
          { filter: { market: s.market, announced: LAYOFF_WINDOW }, after: page1?.corpgraph ?? null },
        ),
        canonical: (r) => (data(r).layoffEvents.nodes as Json[]).map((e) => layoff(e.id, e.announced.earliest, e.headcount.low)),
      },
      'neo4j-graphql': {
        body: graphql(
          `query Layoffs($from: Date!, $to: Date!, $market: ID!, $after: String) {
             layoffEventsConnection(first: ${PAGE}, after: $after,
               where: { announcedEarliest: { gte: $from }, announcedLatest: { lte: $to }, affectedMarkets: { some: { id: { eq: $market } } } },
               sort: [{ announcedEarliest: ASC }, { id: ASC }]) {
               pageInfo { endCursor hasNextPage } edges { node { id announcedEarliest headcountLow } } } }`,
          { ...LAYOFF_WINDOW, market: s.market, after: page1?.['neo4j-graphql'] ?? null },
        ),
        canonical: (r) => (data(r).layoffEventsConnection.edges as Json[]).map((e) => layoff(e.node.id, e.node.announcedEarliest, e.node.headcountLow)),
      },
      'raw-cypher': {
        body: {
          market: s.market,
          announcedFrom: LAYOFF_WINDOW.from,
          announcedTo: LAYOFF_WINDOW.to,
          afterDate: page1?.['raw-cypher'].afterDate ?? null,
          afterId: page1?.['raw-cypher'].afterId ?? null,
          first: PAGE,
        },
        canonical: (r) => rows(r).map((x) => layoff(x.event.id, x.event.announcedEarliest, x.event.headcountLow)),
      },
    }),
  },
  {
    name: 'search',
    title: '5 full-text search',
    scaleFree: true,
    calls: (s) => {
      // Hits tied at the cut-off score may differ (Lucene breaks ties by internal document order, and
      // the first 10 can end inside a tie): when the list is full, compare the hits above the cut-off,
      // the cut-off and the count; when it is not, every hit.
      const hits = (list: Json[]) => {
        const scored = list.map((h) => ({ id: h.id, name: h.name, score: Math.round(h.score * 1000) / 1000 })).sort((a, b) => b.score - a.score || byId(a, b));
        const cutOff = scored.length === 10 ? (scored.at(-1)?.score ?? 0) : -1;
        return { count: scored.length, cutOff, hits: scored.filter((h) => h.score > cutOff) };
      };
      return {
        corpgraph: {
          body: graphql(
            `
              query Search($text: String!) {
                search(text: $text, types: [ORGANIZATION], first: 10) {
                  score
                  node {
                    id
                    ... on Organization {
                      name
                    }
                  }
                }
              }
            `,
            { text: s.searchName },
          ),
          canonical: (r) => hits((data(r).search as Json[]).map((h) => ({ ...h.node, score: h.score }))),
        },
        'neo4j-graphql': {
          // The library passes its phrase to Lucene as is: it gets the query corpgraph builds from the same text.
          body: graphql(
            `
              query Search($phrase: String!) {
                organizationsByName(phrase: $phrase, first: 10, sort: [{ score: DESC }]) {
                  edges {
                    score
                    node {
                      id
                      name
                    }
                  }
                }
              }
            `,
            { phrase: luceneQuery(s.searchName) },
          ),
          canonical: (r) => hits((data(r).organizationsByName.edges as Json[]).map((e) => ({ ...e.node, score: e.score }))),
        },
        'raw-cypher': { body: { query: luceneQuery(s.searchName), first: 10 }, canonical: (r) => hits(rows(r)) },
      };
    },
  },
  {
    name: 'shortest-path',
    title: '6 shortest path, two people',
    scaleFree: true,
    calls: (s) => ({
      corpgraph: {
        body: graphql(
          `
            query Path($from: ID!, $to: ID!) {
              path(from: $from, to: $to, between: ALL_ENTITIES, limit: 1) {
                found
                length
                paths {
                  nodes {
                    id
                  }
                }
              }
            }
          `,
          {
            from: s.personA,
            to: s.personB,
          },
        ),
        canonical: (r) => (data(r).path.paths[0]?.nodes as Json[] | undefined)?.map((n) => n.id) ?? [],
      },
      'neo4j-graphql': {
        body: graphql(
          `
            query Path($from: ID!, $to: ID!) {
              shortestPathIds(from: $from, to: $to)
            }
          `,
          { from: s.personA, to: s.personB },
        ),
        canonical: (r) => data(r).shortestPathIds,
      },
      'raw-cypher': { body: { from: s.personA, to: s.personB }, canonical: (r) => rows(r)[0]?.ids ?? [] },
    }),
  },
];

/** Reads each contender's cursor for page 2 from its answer to page 1. */
export function cursorsAfterPage1(responses: Record<Contender, unknown>): PageCursors {
  const last = rows(responses['raw-cypher']).at(-1)!.event as Json;
  return {
    corpgraph: data(responses.corpgraph).layoffEvents.pageInfo.endCursor,
    'neo4j-graphql': data(responses['neo4j-graphql']).layoffEventsConnection.pageInfo.endCursor,
    'raw-cypher': { afterDate: last.announcedEarliest, afterId: last.id },
  };
}
