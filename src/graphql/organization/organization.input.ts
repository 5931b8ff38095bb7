import { Field, ID, InputType } from 'type-graphql';
import { EntityCategory, OrganizationKind, OrganizationStatus, RedirectReason, RegistrationStatus } from '../common/enums';
import { FactInput, FuzzyDateInput, IdentifierInput } from '../common/fact.input';

@InputType({ description: 'A company or division.' })
export class OrganizationInput extends FactInput {
  @Field(() => String, { description: 'The name it is best known by.' })
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other names.' })
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'Registered legal name.' })
  legalName?: string;

  @Field(() => OrganizationKind, { description: 'COMPANY or DIVISION.' })
  kind!: string;

  @Field(() => OrganizationStatus, { nullable: true, description: 'Default ACTIVE.' })
  status?: string;

  @Field(() => String, { nullable: true, description: 'What it does.' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'Its website.' })
  website?: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it was founded.' })
  founded?: FuzzyDateInput;

  @Field(() => ID, { nullable: true, description: 'Id of the market (city) of its headquarters.' })
  headquarters?: string;

  @Field(() => [IdentifierInput], { nullable: true, description: 'External identifiers (LEI, CIK, ticker, Wikidata QID); each names one entity only.' })
  identifiers?: IdentifierInput[];

  @Field(() => [String], { nullable: true, description: 'Names it had before (e.g. from SEC filings).' })
  formerNames?: string[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country of its legal address, e.g. US.' })
  country?: string;

  @Field(() => EntityCategory, { nullable: true, description: "GLEIF's entity category; default GENERAL." })
  category?: string;

  @Field(() => String, { nullable: true, description: 'Legal form (an ISO 20275 ELF code, or the form as registered).' })
  legalForm?: string;

  @Field(() => RegistrationStatus, { nullable: true, description: 'Status of its LEI registration; default ISSUED.' })
  registrationStatus?: string;

  @Field(() => String, { nullable: true, description: 'Where it is incorporated (e.g. a US state code, as SEC gives it).' })
  incorporatedIn?: string;

  @Field(() => ID, { nullable: true, description: 'Id of the market (city or country) of its legal address.' })
  legalAddress?: string;
}

@InputType({ description: 'An id that now answers for another entity: a merged or duplicate LEI, or an entity merged into another.' })
export class RedirectInput extends FactInput {
  @Field(() => ID, { description: 'Id of the entity the id now answers for.' })
  target!: string;

  @Field(() => RedirectReason, { description: 'Why.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'The name it had.' })
  name?: string;

  @Field(() => [IdentifierInput], { nullable: true, description: 'Identifiers of the absorbed entity (e.g. its old LEI): look-ups by them answer the target.' })
  identifiers?: IdentifierInput[];
}
