import { registerEnumType } from 'type-graphql';

/**
 * Registers an enum of the schema with what it is and what each of its values means, written side by
 * side where the enum is declared, so that Sandbox, GraphiQL and the SDL document every value (the
 * schema linter's enum-values-have-descriptions rule holds it to that). The compiler holds the
 * descriptions to the values: every value has one, and none describes a value the enum lacks.
 */
export function registerDescribedEnum<T extends object>(
  enumObject: T,
  config: { name: string; description: string; values: { readonly [K in Extract<keyof T, string>]: string } },
): void {
  const { values, ...named } = config;
  registerEnumType(enumObject, {
    ...named,
    valuesConfig: Object.fromEntries(Object.keys(enumObject).map((key) => [key, { description: (values as Record<string, string>)[key] }])) as never,
  });
}
