/**
 * The lookahead: resolvers that read, in their own query, what the request selects below them, so
 * that a request costs one round trip per level it cannot see through rather than one per relation.
 * Every lookahead has a plain path it replaces; a request whose context has `lookahead: false` takes
 * the plain path everywhere, and tests/integration/query-count.test.ts checks, for each one, which
 * queries run and that the answer equals the plain path's.
 *
 * | lookahead | where | reads ahead | plain path it replaces |
 * | --- | --- | --- | --- |
 * | organization profile | organization-profile.ts, organization/profile.cypher | `company(id)`'s leaders, market presences, sources, headquarters and layoff events, when selected with their default arguments | node/by-ids, then one loader query per relation (organization/roles, market/presences-of-organizations, citations/of-nodes, organization/headquarters, layoff/of-organizations) |
 * | chain reads | reads.ts `chainReads` | only the organization properties selected; link details only when selected | traversal/ancestors reading every property and detail |
 * | family reads | reads.ts `familyReads`, inline.ts | the members' layoff events inline (served before the field resolver); selected properties only | traversal/descendants reading everything, then layoff/of-organizations for the members |
 * | layoff page reads | reads.ts `layoffPageProps` | only the event properties selected | layoff/list reading every property |
 *
 * selection.ts reads the selection (fragments flattened); stored-fields.ts says which stored
 * properties each field needs (a unit test holds it to what the types' fromRow read), and the
 * queries project them with the `projected` fragment of cypher/fragments.
 */
export { CHAIN_ORGANIZATIONS, chainReads, familyReads, FULL_CHAIN, FULL_FAMILY, layoffPageProps } from './reads';
export type { ChainReads, FamilyReads } from './reads';
export { serveInlineRelations } from './inline';
export { prefetchOrganization } from './organization-profile';
