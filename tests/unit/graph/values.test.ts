import neo4j from 'neo4j-driver';
import { toNeo4jDate, toParams, toPlain } from '../../../src/graph/values';

describe('values at the driver edge', () => {
  it('turns driver integers into numbers, and those beyond 2^53 into exact strings, never rounded', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns temporal values into ISO text and nodes into their properties, recursively', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Organization'], { id: 'amazon', founded: new neo4j.types.Date(1994, 7, 5) });
    expect(toPlain({ rows: [node], none: undefined })).toEqual({ rows: [{ id: 'amazon', founded: '1994-07-05' }], none: null });
  });

  it('sends whole numbers as integers and other values as they are', () => {
    const params = toParams({ limit: 10, share: 0.35, nested: { depth: 3 }, list: [1, 'a'], day: toNeo4jDate('2024-01-10') }) as Record<string, unknown>;
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.share).toBe(0.35);
    expect(neo4j.isInt((params.nested as Record<string, unknown>).depth)).toBe(true);
    expect(neo4j.isInt((params.list as unknown[])[0])).toBe(true);
    expect(String(params.day)).toBe('2024-01-10');
    expect(toNeo4jDate(null)).toBeNull();
  });
});
