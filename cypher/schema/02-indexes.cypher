// Look-ups and orderings the named queries use: names (ordering, exact match), kinds, dates.
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX organization_name_lower IF NOT EXISTS FOR (n:Organization) ON (n.nameLower);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
// Search ranks an exact name key (no case, punctuation or legal form) and the name's initials first.
CREATE INDEX organization_name_key IF NOT EXISTS FOR (n:Organization) ON (n.nameKey);
CREATE INDEX organization_acronym IF NOT EXISTS FOR (n:Organization) ON (n.acronym);
CREATE INDEX organization_country IF NOT EXISTS FOR (n:Organization) ON (n.country);
CREATE INDEX organization_category IF NOT EXISTS FOR (n:Organization) ON (n.category);
CREATE INDEX organization_status IF NOT EXISTS FOR (n:Organization) ON (n.status);
// A notice's amendment points at it; roll-ups leave out what an amendment supersedes.
CREATE INDEX layoff_amends IF NOT EXISTS FOR (n:LayoffEvent) ON (n.amendsId);
CREATE INDEX layoff_employer_name IF NOT EXISTS FOR (n:LayoffEvent) ON (n.employerName);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX market_name IF NOT EXISTS FOR (n:Market) ON (n.name);
CREATE INDEX market_kind IF NOT EXISTS FOR (n:Market) ON (n.kind);
CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.publishedEarliest);
CREATE INDEX acquisition_completed IF NOT EXISTS FOR (n:Acquisition) ON (n.completedEarliest);
CREATE INDEX acquisition_announced IF NOT EXISTS FOR (n:Acquisition) ON (n.announcedEarliest);
CREATE INDEX layoff_announced IF NOT EXISTS FOR (n:LayoffEvent) ON (n.announcedEarliest);
CREATE INDEX layoff_headcount IF NOT EXISTS FOR (n:LayoffEvent) ON (n.headcountLow);
CREATE INDEX role_type IF NOT EXISTS FOR (n:Role) ON (n.roleType);
// Names and aliases of organizations, people and markets, and titles of sources, for search(text).
// Lists of strings are indexed element by element.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Organization|Person|Market|Source) ON EACH [n.name, n.aliases, n.title]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
// The review queue and automatic runs find decisions by subject (an entity or a name as filed) and by status.
CREATE INDEX decision_subject IF NOT EXISTS FOR (n:Decision) ON (n.subjectKey);
CREATE INDEX decision_status IF NOT EXISTS FOR (n:Decision) ON (n.status);
// The review queue lists extracted facts by status.
CREATE INDEX proposal_status IF NOT EXISTS FOR (n:Proposal) ON (n.status);
// A key's watch list.
CREATE INDEX watch_key IF NOT EXISTS FOR (n:Watch) ON (n.key);
