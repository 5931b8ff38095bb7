import { FactChanges, organizationsOf } from '../../../src/ingest/fact-changes';
import type { NormalizedRecord } from '../../../src/ingest/records';
import { changeLine } from '../../../src/cli/watch-command';

const layoff = (jobs: number, at = 'twitch'): NormalizedRecord => ({
  type: 'LayoffEvent',
  id: 'l1',
  label: 'LayoffEvent',
  props: { id: 'l1', headcountMin: jobs, headcountMax: jobs, attestedLatest: '2024-02-01', note: null },
  edges: [{ type: 'AT_ORGANIZATION', to: at, toLabel: 'Organization', props: {}, field: 'organizations' } as NormalizedRecord['edges'][number]],
  citations: [{ source: 's1', quote: null, locator: null } as unknown as NormalizedRecord['citations'][number]],
  identifiers: [],
});

describe('what a write changed, as the change feed records it', () => {
  it('records a new fact as CREATED with its organizations, relations and sources (its properties are the fact itself)', () => {
    const changes = new FactChanges('alice');
    changes.note('nodes', [{ id: 'l1', created: true, before: null, existing: null }]);
    changes.note('edges', [{ id: 'l1', relations: [], orgTargets: [] }]);
    changes.note('citations', [{ id: 'l1', sources: [] }]);
    const [created] = changes.changesOf([layoff(10)]);
    expect(created).toEqual({
      kind: 'CREATED',
      factId: 'l1',
      factType: 'LayoffEvent',
      by: 'alice',
      organizations: ['twitch'],
      sourceIds: ['s1'],
      before: null,
      after: { relations: ['AT_ORGANIZATION twitch'], sources: ['s1'] },
    });
  });

  it('records only what differs (derived bookkeeping such as attestedLatest aside), and nothing for a fact written again unchanged', () => {
    const stored = { id: 'l1', headcountMin: 10, headcountMax: 10, attestedLatest: '2023-01-01' };
    const same = new FactChanges('bob');
    same.note('nodes', [{ id: 'l1', created: false, before: stored }]);
    same.note('edges', [{ id: 'l1', relations: [['AT_ORGANIZATION', 'twitch']], orgTargets: ['twitch'] }]);
    same.note('citations', [{ id: 'l1', sources: ['s1'] }]);
    expect(same.changesOf([layoff(10)])).toEqual([]);

    const moved = new FactChanges('bob');
    moved.note('nodes', [{ id: 'l1', created: false, before: stored }]);
    moved.note('edges', [{ id: 'l1', relations: [['AT_ORGANIZATION', 'amazon']], orgTargets: ['amazon'] }]);
    const [updated] = moved.changesOf([layoff(12, 'twitch')]);
    expect(updated.kind).toBe('UPDATED');
    expect(updated.before).toEqual({ headcountMin: 10, headcountMax: 10, relations: ['AT_ORGANIZATION amazon'] });
    expect(updated.after).toEqual({ headcountMin: 12, headcountMax: 12, relations: ['AT_ORGANIZATION twitch'] });
    // A fact that moved tells both organizations.
    expect(updated.organizations).toEqual(['amazon', 'twitch']);
  });

  it('lets a bulk import complete in later transactions what it created in an earlier one, without a second change', () => {
    const later = new FactChanges('import', new Set(['l1']));
    later.note('edges', [{ id: 'l1', relations: [], orgTargets: [] }]);
    expect(later.changesOf([layoff(10)])).toEqual([]);
  });

  it('ignores rows that report a conflict (the transaction fails anyway)', () => {
    const changes = new FactChanges('x');
    changes.note('nodes', [{ id: 'l1', existing: ['Person'], wanted: 'LayoffEvent' }]);
    expect(changes.changesOf([layoff(1)])).toEqual([]);
  });

  it('names the organizations a parent link joins', () => {
    const link: NormalizedRecord = {
      type: 'Ownership',
      id: 'o1',
      label: 'Ownership',
      props: {},
      edges: [],
      citations: [],
      identifiers: [],
      link: { relType: 'SUBSIDIARY_OF', child: 'twitch', parent: 'amazon' },
    };
    expect(organizationsOf(link).sort()).toEqual(['amazon', 'twitch']);
  });
});

describe('corpgraph watch', () => {
  it('prints one line a person reads: number, time, kind, fact, organizations, who, what changed', () => {
    expect(
      changeLine({
        sequence: 42,
        cursor: 'c',
        at: '2026-12-07T19:02:21.220718197Z',
        by: 'alice',
        kind: 'UPDATED',
        factId: 'l1',
        factType: 'LayoffEvent',
        organizations: ['twitch'],
        before: { headcountMin: 10 },
        after: { headcountMin: 12 },
      }),
    ).toBe('#42 2026-12-07T19:02:21Z UPDATED LayoffEvent l1 [twitch] by alice: headcountMin 10 -> 12');
  });
});
