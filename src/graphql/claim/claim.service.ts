import type { Context } from '../context';
import { Claim } from './claim.type';

/** Every source's statement of a fact's properties, preferred first; batched across the request. */
export function claimsAbout(ctx: Context, id: string, property?: string | null): Promise<Claim[]> {
  return ctx.loaders.many('claims/about', id, (row) => Claim.fromRow(row.node as Record<string, unknown>), { property: property ?? null });
}
