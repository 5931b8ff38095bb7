import { Field, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { OrganizationKind, OrganizationStatus } from '../common/enums';
import type { LayoffEvent } from '../layoff/layoff.type';
import { FuzzyDate } from '../common/fuzzy-date.type';
import { Node, Typed } from '../common/node.interface';

@ObjectType({
  implements: Node,
  description:
    'A company (a legal entity, which can be owned as a subsidiary) or a division (a part of a company). ' +
    'Relations to people, markets, acquisitions, layoffs and the corporate family are fields of their own.',
})
export class Organization extends Node implements Typed {
  readonly __typename = 'Organization';

  @Field(() => String, { description: 'The name it is best known by.' })
  name!: string;

  @Field(() => [String], { description: 'Other names, e.g. "Metro-Goldwyn-Mayer" for MGM; company(name:) matches these too.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'Registered legal name, where known.' })
  legalName!: string | null;

  @Field(() => OrganizationKind, { description: 'COMPANY (legal entity) or DIVISION (part of a company).' })
  kind!: keyof typeof OrganizationKind;

  @Field(() => OrganizationStatus, { description: 'Whether it operates on its own, was acquired or merged, or is defunct.' })
  status!: keyof typeof OrganizationStatus;

  @Field(() => String, { nullable: true, description: 'What it does, in brief.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Its website, where known.' })
  website!: string | null;

  @Field(() => FuzzyDate, { nullable: true, description: 'When it was founded, where known.' })
  founded!: FuzzyDate | null;

  /**
   * Its layoff events (at it only, earliest first) when the query that read it also read them, for
   * the selection this object answers: the layoffEvents field then needs no query of its own
   * (see common/inline.ts).
   */
  inlineLayoffs?: LayoffEvent[];

  static fromRow(p: Row): Organization {
    return Object.assign(new Organization(), {
      id: p.id as string,
      name: p.name as string,
      aliases: (p.aliases as string[]) ?? [],
      legalName: (p.legalName as string) ?? null,
      kind: p.kind as Organization['kind'],
      status: (p.status as Organization['status']) ?? 'ACTIVE',
      description: (p.description as string) ?? null,
      website: (p.website as string) ?? null,
      founded: FuzzyDate.fromProps(p, 'founded'),
    });
  }
}
