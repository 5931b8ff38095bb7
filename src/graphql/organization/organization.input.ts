import { Field, ID, InputType } from 'type-graphql';
import { OrganizationKind, OrganizationStatus } from '../common/enums';
import { FactInput, FuzzyDateInput } from '../common/fact.input';

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
}
