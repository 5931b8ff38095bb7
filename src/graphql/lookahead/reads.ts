import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { Selection } from './selection';
import { neededProperties } from './stored-fields';

/**
 * What a traversal or page query reads, decided from what the request selects below it. Each has a
 * FULL form (everything: the plain path, what a caller that is not a resolver gets, and what every
 * request gets when its context has lookahead off) and a lean form derived from the selection.
 */

/** A chain: the links' acquisitions and sources, and which organization and link properties. */
export interface ChainReads {
  withLinkDetails: boolean;
  orgProps: string[] | null;
  linkProps: string[] | null;
}
export const FULL_CHAIN: ChainReads = { withLinkDetails: true, orgProps: null, linkProps: null };
/** Only the organizations, fully: for the parent and ultimateParent fields. */
export const CHAIN_ORGANIZATIONS: ChainReads = { withLinkDetails: false, orgProps: null, linkProps: ['id'] };

export function chainReads(ctx: Context, info: GraphQLResolveInfo): ChainReads {
  if (!ctx.lookahead) return FULL_CHAIN;
  const selection = new Selection(info);
  return {
    withLinkDetails: selection.has('links.sources') || selection.has('links.acquisition'),
    orgProps: neededProperties('Organization', selection, ['organization', 'parent', 'ultimateParent', 'links.child', 'links.parent']),
    linkProps: neededProperties('OwnershipLink', selection, ['links']),
  };
}

/** A family: links, their details, cycle marks, the members' layoff events inline, and which properties. */
export interface FamilyReads {
  withLink: boolean;
  withLinkDetails: boolean;
  withCycles: boolean;
  withLayoffs: boolean;
  withTree: boolean;
  childProps: string[] | null;
  parentProps: string[] | null;
  layoffProps: string[] | null;
}
export const FULL_FAMILY: FamilyReads = {
  withLink: true,
  withLinkDetails: true,
  withCycles: true,
  withLayoffs: false,
  withTree: true,
  childProps: null,
  parentProps: null,
  layoffProps: null,
};

export function familyReads(ctx: Context, info: GraphQLResolveInfo): FamilyReads {
  if (!ctx.lookahead) return FULL_FAMILY;
  const selection = new Selection(info);
  const tree = selection.has('tree');
  return {
    withLink: tree || selection.has('members.link'),
    withLinkDetails: tree || selection.has('members.link.sources') || selection.has('members.link.acquisition'),
    withCycles: tree || selection.has('cycleDetected') || selection.has('members.cycleDetected'),
    // Inline only with the field's default arguments: the loader the resolver would use is the same.
    withLayoffs: selection.hasPlain('members.organization.layoffEvents'),
    withTree: tree,
    childProps: tree ? null : neededProperties('Organization', selection, ['members.organization', 'members.link.child']),
    parentProps: tree ? null : neededProperties('Organization', selection, ['members.parent', 'members.link.parent']),
    layoffProps: neededProperties('LayoffEvent', selection, ['members.organization.layoffEvents']),
  };
}

/** A page of layoff events: which properties of the events. */
export function layoffPageProps(ctx: Context, info: GraphQLResolveInfo): string[] | null {
  if (!ctx.lookahead) return null;
  return neededProperties('LayoffEvent', new Selection(info), ['nodes', 'edges.node']);
}
