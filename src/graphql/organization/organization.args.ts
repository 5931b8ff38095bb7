import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { OrderBy } from '../common/order-by';
import { EntityCategory, OrganizationKind, OrganizationStatus } from '../common/enums';
import { registerDescribedEnum } from '../common/described-enum';

@InputType({ description: 'Narrows a list of organizations; all given conditions must hold.' })
export class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true, description: 'Only companies or only divisions.' })
  kind?: keyof typeof OrganizationKind | null;

  @Field(() => String, { nullable: true, description: 'Name or an alias contains this text (ignoring case).' })
  nameContains?: string | null;

  @Field(() => ID, { nullable: true, description: 'Present in this market or in a market within it (e.g. a country of a region).' })
  market?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Only those whose legal address is in this country (ISO 3166-1 alpha-2 code, e.g. US).' })
  country?: string | null;

  @Field(() => EntityCategory, { nullable: true, description: 'Only this GLEIF entity category (e.g. GENERAL, BRANCH, FUND).' })
  category?: keyof typeof EntityCategory | null;

  @Field(() => OrganizationStatus, { nullable: true, description: 'Only this status (e.g. ACTIVE, INACTIVE).' })
  status?: keyof typeof OrganizationStatus | null;
}

export enum OrganizationOrderField {
  NAME = 'NAME',
  ID = 'ID',
}
registerDescribedEnum(OrganizationOrderField, {
  name: 'OrganizationOrderField',
  description: 'What organizations are ordered by.',
  values: {
    ID: 'By id.',
    NAME: 'By name.',
  },
});

export const OrganizationOrder = OrderBy(OrganizationOrderField, 'Organization', 'organizations', OrganizationOrderField.NAME);
export type OrganizationOrder = InstanceType<typeof OrganizationOrder>;

@ArgsType()
export class CompaniesArgs extends PageArgs {
  @Field(() => OrganizationFilter, { nullable: true, description: 'Conditions every item must meet; all items when omitted.' })
  filter?: OrganizationFilter | null;

  @Field(() => OrganizationOrder, { nullable: true, description: 'Default: by name, ascending.' })
  orderBy?: OrganizationOrder | null;
}
