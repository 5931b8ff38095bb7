import { toNeo4jDate } from '../../graph/values';
import { Certainty } from '../common/enums';
import { checkBound, today } from '../common/limits';
import type { Context } from '../context';
import { Organization } from '../organization/organization.type';
import { Role } from '../person/person.type';
import { LayoffEvent } from '../layoff/layoff.type';
import { rolesAt } from '../organization/organization.service';
import { leadershipFilter } from '../person/leadership';
import { ChainReads, FamilyReads, FULL_CHAIN, FULL_FAMILY } from '../lookahead';
import { projected } from '../lookahead/stored-fields';
import { ChainArgs, FamilyArgs, RollupArgs } from './family.args';
import { CorporateFamily, FamilyMember, FamilyTreeNode, LayoffRollup, OwnershipChain, OwnershipLink, RollupGroup } from './family.type';
import type { Row } from '../../graph/graph-client';

const MAX_FAMILY_LIMIT = 10000;

function asOfParams(asOf: string | null | undefined, match: keyof typeof Certainty) {
  const day = asOf ?? today();
  return { day, params: { asOf: toNeo4jDate(day), certain: match === 'CERTAIN' } };
}

/** The chain above an organization: one Cypher query for all organizations of the request asking with the same arguments. */
export async function ownershipChain(ctx: Context, orgId: string, args: ChainArgs, reads: ChainReads = FULL_CHAIN): Promise<OwnershipChain | null> {
  const maxDepth = checkBound('maxDepth', args.maxDepth ?? ctx.limits.maxDepth, ctx.limits.maxDepth);
  const { day, params } = asOfParams(args.asOf, args.match);
  // What shapes the query's text (its depth, certainty and whether link details are read) goes in its
  // bounds; only values go in parameters.
  const loader = ctx.loaders.grouped(
    'traversal/ancestors',
    (row) => row,
    { asOf: params.asOf, orgProps: reads.orgProps, linkProps: reads.linkProps, routeBudget: ctx.limits.maxChainRoutes },
    { maxDepth, certain: params.certain, withLinkDetails: reads.withLinkDetails },
  );
  const [row] = await loader.load(orgId);
  if (!row) return null;
  const organizations = (row.organizations as unknown[]).map((o) => projected(o, reads.orgProps));
  const details = (row.details as Row[] | null) ?? [];
  const links = (row.links as unknown[]).map((link, i) =>
    OwnershipLink.fromRow(
      {
        depth: i + 1,
        type: (row.linkTypes as string[])[i],
        link: projected(link, reads.linkProps),
        child: organizations[i],
        parent: organizations[i + 1],
        ...details[i],
      },
      day,
    ),
  );
  const organization = Organization.fromRow(organizations[0]);
  return Object.assign(new OwnershipChain(), {
    asOf: day,
    match: args.match,
    organization,
    links,
    parent: links[0]?.parent ?? null,
    ultimateParent: Organization.fromRow(organizations[organizations.length - 1]),
    isUltimateParent: links.length === 0,
    cycleDetected: Boolean(row.cycle),
    truncated: Boolean(row.truncated),
    routesCapped: Boolean(row.routesCapped),
  });
}

/** The members below an organization, flat and as a tree, from one Cypher query; null for an unknown id. */
export async function corporateFamily(ctx: Context, orgId: string, args: FamilyArgs, reads: FamilyReads = FULL_FAMILY): Promise<CorporateFamily | null> {
  const depth = checkBound('depth', args.depth, ctx.limits.maxDepth);
  const limit = checkBound('limit', args.limit, MAX_FAMILY_LIMIT);
  const { day, params } = asOfParams(args.asOf, args.match);
  const loader = ctx.loaders.grouped(
    'traversal/descendants',
    (row) => row,
    {
      asOf: params.asOf,
      kinds: args.kinds ?? null,
      limit: limit + 1,
      childProps: reads.childProps,
      parentProps: reads.parentProps,
      layoffProps: reads.layoffProps,
    },
    {
      maxDepth: depth,
      certain: params.certain,
      byKind: Boolean(args.kinds),
      withLink: reads.withLink,
      withLinkDetails: reads.withLinkDetails,
      withCycles: reads.withCycles,
      withLayoffs: reads.withLayoffs,
    },
  );
  const found = await loader.load(orgId);
  if (!found.length) return null;
  const rows = found.filter((row) => row.child !== null);
  const members = rows.slice(0, limit).map((row) => {
    // The rows are this request's own: read back in place rather than copied, member after member.
    row.child = projected(row.child, reads.childProps);
    row.parent = projected(row.parent, reads.parentProps);
    const link = OwnershipLink.fromRow(row, day);
    if (reads.withLayoffs) link.child.inlineLayoffs = (row.layoffs as unknown[]).map((e) => LayoffEvent.fromRow(projected(e, reads.layoffProps)));
    return Object.assign(new FamilyMember(), { depth: link.depth, organization: link.child, parent: link.parent, link, cycleDetected: Boolean(row.cycle) });
  });
  return Object.assign(new CorporateFamily(), {
    asOf: day,
    depth,
    count: members.length,
    members,
    // Nested only when asked for: a family can have thousands of members.
    tree: reads.withTree ? buildTree(members) : [],
    truncated: rows.length > limit,
    cycleDetected: members.some((m) => m.cycleDetected),
  });
}

/** Nests the flat member list (parents always come before their children: it is ordered by depth). */
function buildTree(members: FamilyMember[]): FamilyTreeNode[] {
  const nodes = new Map<string, FamilyTreeNode>();
  const roots: FamilyTreeNode[] = [];
  for (const m of members) {
    const node = Object.assign(new FamilyTreeNode(), { organization: m.organization, link: m.link, depth: m.depth, children: [] });
    nodes.set(m.organization.id, node);
    const parent = m.depth > 1 ? nodes.get(m.parent.id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function layoffRollup(ctx: Context, orgId: string, args: RollupArgs): Promise<LayoffRollup | null> {
  const loader = ctx.loaders.grouped(
    'traversal/layoff-rollup',
    (row) => row,
    { groupBy: args.groupBy, certain: args.match === 'CERTAIN', sourceKinds: args.sourceKinds?.length ? [...args.sourceKinds].sort() : null },
    { maxDepth: ctx.limits.maxDepth },
  );
  const [row] = await loader.load(orgId);
  if (!row) return null;
  const group = (g: Row) =>
    Object.assign(new RollupGroup(), {
      key: g.key as string,
      label: g.label as string,
      events: g.events as number,
      low: g.low as number,
      high: (g.high as number | null) ?? null,
      unknownCount: g.unknown as number,
      eventIds: g.eventIds as string[],
    });
  return Object.assign(new LayoffRollup(), {
    groupBy: args.groupBy,
    groups: (row.groups as Row[]).map(group),
    total: group(row.total as Row),
    leftOut: group(row.leftOut as Row),
  });
}

export function leadersOf(ctx: Context, org: Pick<Organization, 'id'>, asOf: string | null | undefined, match: keyof typeof Certainty): Promise<Role[]> {
  return rolesAt(ctx, org, leadershipFilter(asOf, match));
}

/** Who held a role on a day, anywhere or at one organization: one Cypher query. */
export async function roleHolders(
  ctx: Context,
  options: { roleTypes: string[]; asOf?: string | null; organization?: string | null; match: keyof typeof Certainty; limit: number },
): Promise<Role[]> {
  const limit = checkBound('limit', options.limit, MAX_FAMILY_LIMIT);
  const { params } = asOfParams(options.asOf, options.match);
  const rows = await ctx.graph.read('traversal/role-holders', { ...params, roleTypes: options.roleTypes, organization: options.organization ?? null, limit });
  return rows.map((row) => Role.fromRow(row.node as Row));
}
