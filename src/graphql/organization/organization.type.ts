import { Field, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { EntityCategory, IdentifierScheme, OrganizationKind, OrganizationStatus, RedirectReason, RegistrationStatus } from '../common/enums';
import type { LayoffEvent } from '../layoff/layoff.type';
import { FuzzyDate } from '../common/fuzzy-date.type';
import { Node, Typed } from '../common/node.interface';
import { Source } from '../source/source.type';

@ObjectType({ description: 'An external identifier of an organization: a scheme and its value (each names one entity).' })
export class Identifier {
  @Field(() => IdentifierScheme, { description: 'LEI, CIK, TICKER or WIKIDATA.' })
  scheme!: keyof typeof IdentifierScheme;

  @Field(() => String, { description: 'The value in its canonical form (a CIK zero-padded to 10 digits).' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'For a ticker: the exchange, where known.' })
  exchange!: string | null;

  @Field(() => Source, { nullable: true, description: "Where it comes from: the registry's data set (or the document) that gives it." })
  source!: Source | null;

  @Field(() => String, { nullable: true, description: 'Where in the source: the registry row (an LEI, a CIK).' })
  locator!: string | null;

  static fromRow(row: Row): Identifier {
    const n = row.node as Row;
    return Object.assign(new Identifier(), {
      scheme: n.scheme,
      value: n.value,
      exchange: (n.exchange as string) ?? null,
      source: n.source ? Source.fromRow(n.source as Row) : null,
      locator: (n.locator as string) ?? null,
    });
  }
}

@ObjectType({ description: 'How a look-up reached an entity through an id that now answers for it (a merged or duplicate LEI, a merged entity).' })
export class Redirection {
  @Field(() => String, { description: 'The id asked for.' })
  fromId!: string;

  @Field(() => RedirectReason, { description: 'Why it answers for this entity.' })
  reason!: keyof typeof RedirectReason;

  @Field(() => String, { nullable: true, description: 'The name the absorbed entity had.' })
  fromName!: string | null;

  static fromRow(r: Row | null | undefined): Redirection | null {
    if (!r) return null;
    return Object.assign(new Redirection(), { fromId: r.id as string, reason: r.reason, fromName: (r.name as string) ?? null });
  }
}

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

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country of its legal address (GLEIF), e.g. US.' })
  country!: string | null;

  @Field(() => EntityCategory, { description: "GLEIF's entity category (GENERAL for most companies, BRANCH, FUND, ...)." })
  category!: keyof typeof EntityCategory;

  @Field(() => String, { nullable: true, description: 'Legal form: an ISO 20275 ELF code or the form as registered.' })
  legalForm!: string | null;

  @Field(() => RegistrationStatus, { description: 'Status of its LEI registration (ISSUED where none is recorded).' })
  registrationStatus!: keyof typeof RegistrationStatus;

  @Field(() => [String], { description: 'Names it had before, where a source (e.g. SEC) lists them.' })
  formerNames!: string[];

  @Field(() => String, { nullable: true, description: 'Where it is incorporated (e.g. a US state code, from SEC).' })
  incorporatedIn!: string | null;

  @Field(() => Redirection, {
    nullable: true,
    description:
      'Set when this organization was reached through an id or identifier that now answers for it (e.g. a merged LEI); null when asked for directly.',
  })
  redirectedFrom!: Redirection | null;

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
      country: (p.country as string) ?? null,
      category: (p.category as Organization['category']) ?? 'GENERAL',
      legalForm: (p.legalForm as string) ?? null,
      registrationStatus: (p.registrationStatus as Organization['registrationStatus']) ?? 'ISSUED',
      formerNames: (p.formerNames as string[]) ?? [],
      incorporatedIn: (p.incorporatedIn as string) ?? null,
      redirectedFrom: null,
    });
  }
}
