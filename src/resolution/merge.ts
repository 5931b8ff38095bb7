import crypto from 'node:crypto';
import { BadUserInputError, ConflictError } from '../errors/errors';
import type { GraphClient, GraphTransaction, Row } from '../graph/graph-client';
import type { ChangeInput } from '../graph/change-outbox';
import type { RecordType } from '../ingest/record-types';

/**
 * Merging two entities found to be one, and splitting them again. A merge moves every fact about the
 * absorbed entity (roles, notices, acquisitions, presences, claims, parent and child links, its own
 * references) to the survivor, copies its citations, adds its names to the survivor's aliases and turns
 * its id into a redirect (look-ups of the id and its identifiers answer the survivor and say it was
 * merged). All of it is recorded on the SAME_AS decision, so a split puts back exactly what was there.
 * Checks and writes run in one transaction that first takes Neo4j's locks on both entities and then
 * reads what it checks, so the guard holds across every API process on the database.
 */

/** A decision's id: one per subject and candidate, so a pair is decided once and re-deciding updates it. */
export function decisionId(subjectKey: string, candidateId: string): string {
  return `dec-${crypto.createHash('sha256').update(`${subjectKey}>${candidateId}`).digest('hex').slice(0, 20)}`;
}

export const entitySubject = (id: string) => `entity:${id}`;
export const nameSubject = (name: string) => `name:${name}`;

export interface MergeRequest {
  survivorId: string;
  absorbedId: string;
  /** Who decides: "key:<API key name>", "cli:<user>" or the automatic rule. */
  by: string;
  note?: string | null;
}

export interface MergeResult {
  decisionId: string;
  survivorId: string;
  absorbedId: string;
  /** Relationships moved to the survivor, citations copied, and those the survivor already had. */
  moved: number;
  copied: number;
  alreadyThere: number;
  aliasesAdded: string[];
}

export interface SplitResult {
  decisionId: string;
  survivorId: string;
  absorbedId: string;
  /** Relationships put back; those changed since the merge are left as they are. */
  restored: number;
  changedSinceMerge: number;
}

interface Locked {
  id: string;
  label: string;
  redirectsTo: string | null;
  name: string | null;
  aliases: string[] | null;
  formerNames: string[] | null;
}

async function lock(tx: GraphTransaction, ids: string[]): Promise<Map<string, Locked>> {
  const rows = await tx.run('resolution/lock', { ids });
  return new Map(rows.map((r) => [r.id as string, r as unknown as Locked]));
}

/** The survivor's aliases once the absorbed entity's names join them (none that is already its name or alias). */
export function aliasesAfterMerge(survivor: Locked, absorbed: Locked): { aliases: string[]; added: string[] } {
  const current = survivor.aliases ?? [];
  const taken = new Set([survivor.name, ...current].filter(Boolean).map((n) => n!.toLowerCase()));
  const added: string[] = [];
  for (const name of [absorbed.name, ...(absorbed.aliases ?? []), ...(absorbed.formerNames ?? [])]) {
    if (!name || taken.has(name.toLowerCase())) continue;
    taken.add(name.toLowerCase());
    added.push(name);
  }
  return { aliases: [...current, ...added], added };
}

const aliasParams = (aliases: string[]) => ({
  aliases: aliases.length ? aliases : null,
  aliasesLower: aliases.length ? aliases.map((a) => a.toLowerCase()) : null,
});

/** Checks a merge against the locked entities: both exist, differ, are of one type, neither already merged, no ownership between them. */
async function checkMerge(tx: GraphTransaction, request: MergeRequest, locked: Map<string, Locked>): Promise<{ survivor: Locked; absorbed: Locked }> {
  const { survivorId, absorbedId } = request;
  if (survivorId === absorbedId) throw new BadUserInputError(`cannot merge "${survivorId}" with itself`, 'absorbedId');
  for (const [id, argument] of [
    [survivorId, 'survivorId'],
    [absorbedId, 'absorbedId'],
  ]) {
    const entity = locked.get(id);
    if (!entity) throw new BadUserInputError(`no entity has the id "${id}"`, argument);
    // A = B and B = C never silently makes A = C: a merged id is not merged again, its survivor is.
    if (entity.redirectsTo)
      throw new ConflictError(`"${id}" already redirects to "${entity.redirectsTo}": decide about "${entity.redirectsTo}" instead`, id, 'Redirect');
  }
  const survivor = locked.get(survivorId)!;
  const absorbed = locked.get(absorbedId)!;
  if (survivor.label !== absorbed.label) {
    throw new BadUserInputError(`cannot merge a ${absorbed.label} ("${absorbedId}") into a ${survivor.label} ("${survivorId}")`, 'absorbedId');
  }
  if (survivor.label === 'Organization') {
    const [path] = await tx.run('resolution/ownership-path', { a: survivorId, b: absorbedId });
    if (path?.linked) {
      throw new ConflictError(
        `"${absorbedId}" and "${survivorId}" are linked by parent links: merging them would make a company its own ancestor (ownership cycle)`,
        absorbedId,
        'Organization',
      );
    }
  }
  return { survivor, absorbed };
}

/** A merge or its split as the change feed records it: the absorbed entity gains (or loses) its redirect to the survivor. */
function mergeChange(
  kind: 'MERGED' | 'SPLIT',
  absorbedId: string,
  label: string,
  survivorId: string,
  by: string,
  detail: Record<string, unknown>,
): ChangeInput {
  const redirect = { redirectsTo: survivorId };
  return {
    kind,
    factId: absorbedId,
    factType: label as RecordType,
    by,
    organizations: label === 'Organization' ? [survivorId, absorbedId] : [],
    sourceIds: [],
    before: kind === 'MERGED' ? {} : redirect,
    after: kind === 'MERGED' ? { ...redirect, ...detail } : detail,
  };
}

/** Merges inside a transaction the caller holds (it locks both entities before it reads them). */
export async function mergeIn(tx: GraphTransaction, request: MergeRequest, decision?: Record<string, unknown>): Promise<MergeResult> {
  const locked = await lock(tx, [request.survivorId, request.absorbedId]);
  const { survivor, absorbed } = await checkMerge(tx, request, locked);
  const id = decisionId(entitySubject(absorbed.id), survivor.id);
  await tx.run('resolution/record-decision', {
    onlyIfNew: false,
    rows: [
      {
        candidateId: survivor.id,
        subjectId: absorbed.id,
        decision: {
          id,
          subjectKey: entitySubject(absorbed.id),
          subjectName: absorbed.name,
          subjectCountry: null,
          kind: 'SAME_AS',
          status: 'ACCEPTED',
          score: null,
          rule: null,
          reasonKinds: [],
          reasonDetails: [],
          reasonWeights: [],
          notices: null,
          by: request.by,
          note: request.note ?? null,
          ...decision,
        },
      },
    ],
  });
  const [moved] = await tx.run('resolution/merge-move', { survivor: survivor.id, absorbed: absorbed.id, decision: id });
  const { aliases, added } = aliasesAfterMerge(survivor, absorbed);
  await tx.run('resolution/merge-absorb', {
    survivor: survivor.id,
    absorbed: absorbed.id,
    decision: id,
    label: absorbed.label,
    aliasesAdded: added,
    ...aliasParams(aliases),
  });
  tx.record([mergeChange('MERGED', absorbed.id, absorbed.label, survivor.id, request.by, { decision: id, moved: Number(moved.moved) })]);
  return {
    decisionId: id,
    survivorId: survivor.id,
    absorbedId: absorbed.id,
    moved: Number(moved.moved),
    copied: Number(moved.copied),
    alreadyThere: Number(moved.alreadyThere),
    aliasesAdded: added,
  };
}

/** Merges `absorbedId` into `survivorId` in one transaction, or changes nothing and throws. */
export function mergeEntities(graph: GraphClient, request: MergeRequest): Promise<MergeResult> {
  return graph.writeTransaction((tx) => mergeIn(tx, request));
}

/** The merge that absorbed `id` (the absorbed entity's id, or the decision's own id): in effect, or a conflict if it was undone. */
async function mergeDecisionOf(tx: GraphTransaction, id: string): Promise<Row> {
  const [row] = await tx.run('resolution/merge-of', { id });
  if (!row) throw new BadUserInputError(`no merge in effect absorbed "${id}" (give the absorbed id or the merge decision's id)`, 'id');
  if (!row.inEffect) {
    const decision = String(row.decisionId);
    throw new ConflictError(
      `the merge "${decision}" that absorbed "${String(row.absorbedId)}" was already undone (by ${String(row.undoneBy)})`,
      decision,
      'Decision',
    );
  }
  return row;
}

/**
 * Splits inside a transaction the caller holds: it locks both entities, then reads the merge again,
 * so of two splits of one merge (from any API processes) one undoes it and the other is told so.
 */
export async function splitIn(tx: GraphTransaction, id: string, by: string, note: string | null = null): Promise<SplitResult> {
  const seen = await mergeDecisionOf(tx, id);
  const locked = await lock(tx, [seen.survivorId as string, seen.absorbedId as string]);
  // Read again under the locks: a split of the same merge from another process may have committed meanwhile.
  const merge = await mergeDecisionOf(tx, seen.decisionId as string);
  const survivor = locked.get(merge.survivorId as string)!;
  if (survivor.redirectsTo) {
    // The survivor was itself merged later: that merge is undone first, so each split puts back one step.
    throw new ConflictError(
      `"${survivor.id}" was merged into "${survivor.redirectsTo}" after it absorbed "${String(merge.absorbedId)}": split "${survivor.id}" first`,
      survivor.id,
      'Redirect',
    );
  }
  const added = new Set(((merge.aliasesAdded as string[] | null) ?? []).map((a) => a.toLowerCase()));
  const aliases = (survivor.aliases ?? []).filter((a) => !added.has(a.toLowerCase()));
  const [row] = await tx.run('resolution/split-restore', { decision: merge.decisionId, by, note, ...aliasParams(aliases) });
  tx.record([
    mergeChange('SPLIT', merge.absorbedId as string, survivor.label, survivor.id, by, {
      decision: merge.decisionId,
      restored: Number(row.restored),
    }),
  ]);
  return {
    decisionId: merge.decisionId as string,
    survivorId: row.survivor as string,
    absorbedId: row.absorbed as string,
    restored: Number(row.restored),
    changedSinceMerge: Number(row.entries) - Number(row.restored),
  };
}

/** Splits a merge: the absorbed entity comes back with exactly its facts; the decision is marked UNDONE. */
export function splitEntity(graph: GraphClient, id: string, by: string, note: string | null = null): Promise<SplitResult> {
  return graph.writeTransaction((tx) => splitIn(tx, id, by, note));
}
