import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { StoredDecision } from '../../resolution/decisions';
import type { Candidate } from '../../resolution/candidates';
import type { ReviewFilter as ReviewFilterValues } from '../../resolution/review-queue';
import { DecisionKind, DecisionStatus, MatchReasonKind } from '../common/enums';
import { Organization } from '../organization/organization.type';

@ObjectType({ description: 'One piece of evidence that a candidate is the entity a name means, and what it weighs.' })
export class MatchReason {
  @Field(() => MatchReasonKind, { description: 'What kind of evidence.' })
  kind!: keyof typeof MatchReasonKind;

  @Field(() => String, { description: 'The evidence itself, e.g. the identifier or the keys compared.' })
  detail!: string;

  @Field(() => Float, { description: 'What it adds to (or, when negative, takes from) the score.' })
  weight!: number;

  static list(kinds: string[], details: string[], weights: number[]): MatchReason[] {
    return kinds.map((kind, i) => Object.assign(new MatchReason(), { kind, detail: details[i], weight: weights[i] }));
  }
}

@ObjectType({ description: 'An organization a name may mean, with a score from 0 to 1 and the reasons for it.' })
export class ResolutionCandidate {
  @Field(() => Organization, { description: 'The candidate.' })
  organization!: Organization;

  @Field(() => Float, {
    description: 'How likely the name means it, from 0 to 1: the strongest name or identifier evidence, adjusted by family, place and status.',
  })
  score!: number;

  @Field(() => [MatchReason], { description: 'The evidence, strongest first.' })
  reasons!: MatchReason[];

  static from(c: Candidate): ResolutionCandidate {
    return Object.assign(new ResolutionCandidate(), {
      organization: Organization.fromRow(c.node),
      score: c.score,
      reasons: c.reasons.map((r) => Object.assign(new MatchReason(), r)),
    });
  }
}

@ObjectType({
  description:
    'An entity-resolution decision: that a name as filed (WARN notices) or an entity is the same as a candidate, an establishment of it, or not the same; ' +
    'who proposed and who decided it, when, on what evidence. PENDING decisions are the review queue.',
})
export class ResolutionDecision {
  @Field(() => ID, { description: 'The decision id (one per subject and candidate).' })
  id!: string;

  @Field(() => DecisionKind, { description: 'What it says of the subject and the candidate.' })
  kind!: keyof typeof DecisionKind;

  @Field(() => DecisionStatus, { description: 'Proposed, in effect, or undone.' })
  status!: keyof typeof DecisionStatus;

  @Field(() => String, { nullable: true, description: 'The name as filed, when the subject is a name (the employer of WARN notices or tracker rows).' })
  subjectName!: string | null;

  @Field(() => String, { nullable: true, description: 'The country where the subject was found (ISO 3166-1 alpha-2).' })
  subjectCountry!: string | null;

  @Field(() => ID, { nullable: true, description: 'The subject entity id, when the subject is an entity (after a merge, a redirect to the candidate).' })
  subjectId!: string | null;

  @Field(() => ID, { description: 'The candidate entity id (the survivor of a merge).' })
  candidateId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'How many notices were filed under the name and linked to no organization (when proposed, refreshed by each automatic run while pending).',
  })
  notices!: number | null;

  @Field(() => Int, { nullable: true, description: 'Jobs those notices cut (the sum of their lower bounds): with notices, what orders the review queue.' })
  jobs!: number | null;

  @Field(() => String, { nullable: true, description: 'Where the notices were filed (ISO 3166-2, e.g. US-CA), when known.' })
  subjectRegion!: string | null;

  @Field(() => Float, { nullable: true, description: 'The candidate score (0 to 1) when the decision was proposed by a rule.' })
  score!: number | null;

  @Field(() => String, { nullable: true, description: 'The rule that proposed (or decided) it, with its version.' })
  rule!: string | null;

  @Field(() => [MatchReason], { description: 'The evidence the proposal rests on, strongest first.' })
  reasons!: MatchReason[];

  @Field(() => String, { description: 'Who proposed it: "rule:<rule>", "key:<API key name>" or "cli:<user>".' })
  proposedBy!: string;

  @Field(() => String, { description: 'When it was proposed (ISO date-time, UTC).' })
  proposedAt!: string;

  @Field(() => String, { nullable: true, description: 'Who decided it (the rule for automatic decisions); null while pending.' })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was decided (ISO date-time, UTC).' })
  decidedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why, in the decider’s words.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'Who undid it (a split, links removed).' })
  undoneBy!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was undone.' })
  undoneAt!: string | null;

  @Field(() => ID, { nullable: true, description: 'The establishment an ESTABLISHMENT_OF decision created for the name.' })
  establishmentId!: string | null;

  static from(d: StoredDecision): ResolutionDecision {
    return Object.assign(new ResolutionDecision(), {
      ...d,
      reasons: MatchReason.list(d.reasonKinds, d.reasonDetails, d.reasonWeights),
    });
  }
}

@ObjectType({ description: 'What a merge did.' })
export class MergeResult {
  @Field(() => ResolutionDecision, { description: 'The SAME_AS decision, in effect, that records the merge (split it with its id or the absorbed id).' })
  decision!: ResolutionDecision;

  @Field(() => Int, { description: 'Relationships (facts about it, links, references) moved from the absorbed entity to the survivor.' })
  moved!: number;

  @Field(() => Int, { description: 'Citations copied to the survivor (the absorbed id keeps its own).' })
  copied!: number;

  @Field(() => Int, { description: 'Relationships the survivor already had, identical, so not doubled.' })
  alreadyThere!: number;

  @Field(() => [String], { description: 'The absorbed entity’s names the survivor now has as aliases.' })
  aliasesAdded!: string[];
}

@ObjectType({ description: 'What a split did.' })
export class SplitResult {
  @Field(() => ResolutionDecision, { description: 'The merge decision, now UNDONE.' })
  decision!: ResolutionDecision;

  @Field(() => Int, { description: 'Relationships put back on the restored entity.' })
  restored!: number;

  @Field(() => Int, { description: 'Relationships that changed after the merge (e.g. rewritten by a later import), left as they are.' })
  changedSinceMerge!: number;
}

@ObjectType({ description: 'The candidate a group of the review queue is about, as a reviewer needs to know it.' })
export class ReviewCandidate {
  @Field(() => ID, { description: 'Its id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Its name.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Its country (ISO 3166-1 alpha-2), when known.' })
  country!: string | null;

  @Field(() => String, { description: 'What it is: Organization, Person, ...' })
  kind!: string;

  @Field(() => [String], { description: 'Its identifiers, as "SCHEME value" (e.g. "CIK 0001018724").' })
  identifiers!: string[];
}

@ObjectType({
  description:
    "One item of the review queue: a candidate's pending decisions of one kind (a company's 40 establishments are one item), with what they cover. " +
    'Each decision is still decided, and recorded, on its own.',
})
export class ReviewGroup {
  @Field(() => ReviewCandidate, { description: 'The organization the names are proposed to be (or belong to).' })
  candidate!: ReviewCandidate;

  @Field(() => DecisionKind, { description: 'What the decisions say: SAME_AS, ESTABLISHMENT_OF, ...' })
  kind!: keyof typeof DecisionKind;

  @Field(() => Int, { description: 'Pending decisions in the group.' })
  pending!: number;

  @Field(() => Int, { description: 'Notices filed under the names and linked to no organization.' })
  notices!: number;

  @Field(() => Int, { description: 'Jobs those notices cut (lower bounds).' })
  jobs!: number;

  @Field(() => Float, { description: 'The best score in the group.' })
  score!: number;

  @Field(() => [ResolutionDecision], { description: 'Its decisions, most jobs first (at most 50; filter resolutionDecisions by the candidate for all).' })
  decisions!: ResolutionDecision[];
}

@ObjectType({ description: 'The review queue under a filter: its totals, and its groups in order of impact, a page at a time.' })
export class ReviewQueue {
  /** The filter the totals and groups are read under (not a field). */
  filter!: ReviewFilterValues;

  @Field(() => Int, { description: 'Pending decisions under the filter.' })
  pending!: number;

  @Field(() => Int, { description: 'Groups (candidate and kind) they make.' })
  groupCount!: number;

  @Field(() => Int, { description: 'Notices their names cover.' })
  notices!: number;

  @Field(() => Int, { description: 'Jobs those notices cut (lower bounds).' })
  jobs!: number;
}
