import neo4j, { Date as Neo4jDate, Integer, Node, Path } from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JSON-ready values, once, at the data-access edge:
 * Integer -> number (string beyond 2^53, never silently rounded), temporal values -> ISO strings,
 * nodes and relationships -> their properties. Lists and maps are converted in place: the driver
 * hands them over and keeps no reference, and a large answer is thousands of them (copies were a
 * good part of the garbage a family of hundreds of members made).
 */
export function toPlain(value: unknown): unknown {
  // Most values are text and numbers: answered before any of the driver's type tests.
  if (typeof value !== 'object') return value === undefined ? null : value;
  if (value === null) return null;
  if (neo4j.isInt(value)) {
    const int = value as Integer;
    return int.inSafeRange() ? int.toNumber() : int.toString();
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = toPlain(value[i]);
    return value;
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  ) {
    return (value as { toString(): string }).toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) {
    return toPlain((value as Node).properties);
  }
  if (neo4j.isPath(value)) {
    return (value as Path).segments.map((s) => toPlain({ start: s.start, relationship: s.relationship, end: s.end }));
  }
  const map = value as Record<string, unknown>;
  for (const key in map) map[key] = toPlain(map[key]);
  return map;
}

/** Turns an ISO date string (YYYY-MM-DD) into a Neo4j Date parameter; null stays null. */
export function toNeo4jDate(iso: string | null | undefined): Neo4jDate<number> | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new neo4j.types.Date(y, m, d);
}

/**
 * Prepares query parameters: whole numbers go as Neo4j integers (a JS number would arrive as a float,
 * which LIMIT and integer properties refuse); temporal values and other driver types pass as they are.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) out[key] = toParams(child);
  return out;
}
