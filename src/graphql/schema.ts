import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { serveInlineRelations } from './lookahead';
import { AcquisitionResolver } from './acquisition/acquisition.resolver';
import { ChangeResolver, OrganizationChangesResolver } from './change/change.resolver';
import { ClaimResolver } from './claim/claim.resolver';
import { AffectedMarketResolver, LayoffEventResolver } from './layoff/layoff.resolver';
import { MarketMetricResolver, MarketPresenceResolver, MarketResolver } from './market/market.resolver';
import { ExploreResolver } from './explore/explore.resolver';
import { ExtractionResolver } from './extraction/extraction.resolver';
import { CorporateFamilyResolver, OwnershipChainResolver } from './family/family.resolver';
import { MutationResolver } from './mutation/mutation.resolver';
import { NodeResolver } from './node/node.resolver';
import { PathResolver } from './path/path.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { PersonResolver, RoleResolver } from './person/person.resolver';
import { ResolutionResolver, ReviewQueueResolver } from './resolution/resolution.resolver';
import { SearchResolver } from './search/search.resolver';
import { SourceResolver } from './source/source.resolver';

export const RESOLVERS = [
  NodeResolver,
  OrganizationResolver,
  CorporateFamilyResolver,
  PathResolver,
  PersonResolver,
  RoleResolver,
  MarketResolver,
  MarketPresenceResolver,
  MarketMetricResolver,
  AcquisitionResolver,
  LayoffEventResolver,
  AffectedMarketResolver,
  ClaimResolver,
  OwnershipChainResolver,
  SourceResolver,
  SearchResolver,
  ResolutionResolver,
  ReviewQueueResolver,
  ExtractionResolver,
  ExploreResolver,
  ChangeResolver,
  OrganizationChangesResolver,
  MutationResolver,
] as const;

let schema: GraphQLSchema | undefined;

/**
 * type-graphql asks for a PubSub whenever the schema has a subscription, even one with its own
 * subscribe function: corpgraph's only subscription reads the change feed in Neo4j (src/changes/),
 * never in-process topics, so none is offered.
 */
const NO_TOPICS = {
  publish(): never {
    throw new Error('corpgraph publishes no in-process topics: changes go through the feed in Neo4j');
  },
  subscribe(): never {
    throw new Error('corpgraph subscribes to no in-process topics: subscriptions read the change feed');
  },
};

/**
 * Plain fields (a property of the object, read as it is, with no middleware and no roles: every one
 * corpgraph declares) are left to graphql-js's default resolver. Otherwise type-graphql wraps each in
 * a function that builds a resolver-data object and runs an empty middleware chain, per field and
 * per object: a family of 600 members is about 5,000 such calls per answer. Field resolvers
 * (@FieldResolver methods) take precedence and are unaffected; so is a field that names a property
 * other than its own.
 */
export function readPlainFieldsDirectly(): number {
  let plain = 0;
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && !field.middlewares?.length && !field.roles && field.name === field.schemaName) {
      field.simple = true;
      plain += 1;
    }
  }
  return plain;
}

/** The executable schema, built once per process. Argument checks live in services (BAD_USER_INPUT), not class-validator. */
export function getSchema(): GraphQLSchema {
  if (!schema) {
    readPlainFieldsDirectly();
    schema = buildSchemaSync({ resolvers: RESOLVERS, validate: false, emitSchemaFile: false, pubSub: NO_TOPICS });
    serveInlineRelations(schema);
    schema.getQueryType()!.description =
      'corpgraph: companies, people, markets, acquisitions and layoffs, each fact with the sources that state it. ' +
      'Start with company(id: "amazon"), search(text:), or the connections (companies, layoffEvents, ...).';
    schema.getSubscriptionType()!.description =
      'The change feed as it happens, over WebSocket (the graphql-ws protocol) at /graphql; a bearer token in the connection_init payload as {authorization: "Bearer <token>"}.';
    schema.getMutationType()!.description =
      'Writes, with a bearer token (Authorization: Bearer <token>). Each creates or replaces one fact by id in one transaction; every fact cites a source.';
  }
  return schema;
}
