import { decodeCursor, encodeCursor } from '../../../src/graphql/common/cursor';

describe('keyset cursors', () => {
  it('round-trips the sort key and id of the last row', () => {
    const cursor = encodeCursor('NAME:ASC', 'amazon', 'amazon');
    expect(decodeCursor(cursor, 'NAME:ASC', 'string')).toEqual({ key: 'amazon', id: 'amazon' });
  });

  it('rejects garbage with BAD_USER_INPUT', () => {
    expect(() => decodeCursor('not-a-cursor', 'NAME:ASC', 'string')).toThrow(/malformed cursor/);
    expect(() => decodeCursor(Buffer.from('{"x":1}').toString('base64url'), 'NAME:ASC', 'string')).toThrow(/malformed cursor/);
  });

  it('rejects a cursor issued for another ordering', () => {
    const cursor = encodeCursor('ANNOUNCED:ASC', '2024-01-10', 'x');
    expect(() => decodeCursor(cursor, 'HEADCOUNT:ASC', 'number')).toThrow(/issued for ordering ANNOUNCED:ASC/);
  });
});
