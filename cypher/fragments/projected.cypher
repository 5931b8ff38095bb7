// The node `it` as a request needs it: every property (a map) when $props is null, else the values of
// the properties $props names, in that order, dates as ISO text (the driver decodes text far faster
// than date structures). src/graphql/lookahead/stored-fields.ts says which properties a selection
// needs and reads the list back; null for no node (an organization with nothing below it). Used as
// {{projected:node,paramName}}.
CASE WHEN it IS NULL THEN null WHEN $props IS NULL THEN it {.*} ELSE [k IN $props | CASE WHEN it[k] IS :: DATE THEN toString(it[k]) ELSE it[k] END] END
