// The node `it` as a request needs it: every property (a map) when $props is null, else the values of
// the properties $props names, in that order, dates as ISO text (the driver decodes text far faster
// than date structures). src/graphql/lookahead/stored-fields.ts says which properties a selection
// needs and reads the list back; null for no node (an organization with nothing below it). Used as
// {{projected:node,paramName}}. Each property is read once (the inner list), then dates become text.
CASE WHEN it IS NULL THEN null WHEN $props IS NULL THEN it {.*} ELSE [v IN [k IN $props | it[k]] | CASE WHEN v IS :: DATE THEN toString(v) ELSE v END] END
