// How senior the role `it` is, for ordering an organization's people: leaders first (their order is
// LEADERSHIP_ROLES in src/graphql/family/family.service.ts; a unit test keeps the two alike), then
// founders, then everyone else.
CASE it.roleType WHEN 'CEO' THEN 0 WHEN 'PRESIDENT' THEN 1 WHEN 'CHAIR' THEN 2 WHEN 'SENIOR_VICE_PRESIDENT' THEN 3 WHEN 'VICE_PRESIDENT' THEN 4 WHEN 'FOUNDER' THEN 5 ELSE 6 END
