import { Certainty } from '../common/enums';
import { today } from '../common/limits';

/** Role types that lead an organization, most senior first (cypher/fragments/role-seniority.cypher orders them so). */
export const LEADERSHIP_ROLES = ['CEO', 'PRESIDENT', 'CHAIR', 'SENIOR_VICE_PRESIDENT', 'VICE_PRESIDENT'];

/** Which roles of an organization are its leadership on a day (default today): the role query's filter. */
export function leadershipFilter(asOf: string | null | undefined, match: keyof typeof Certainty) {
  return { roleTypes: LEADERSHIP_ROLES, asOf: asOf ?? today(), certain: match === 'CERTAIN' };
}
