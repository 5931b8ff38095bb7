// The corpgraph package: the in-process client, and the table helpers the CLI uses.
export { CorpgraphClient } from './client';
export type { ClientOptions, TypedOperation } from './client';
export { tableOf, toCsv, toText, NotTabularError } from './tabular/flatten';
export type { Table } from './tabular/flatten';
