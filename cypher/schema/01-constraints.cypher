// Unique, readable ids. Every node of the graph is an :Entity as well as its own label, so that one
// constraint makes ids unique across the whole graph and node(id) finds any of them in one index look-up.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT market_id IF NOT EXISTS FOR (n:Market) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT market_presence_id IF NOT EXISTS FOR (n:MarketPresence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT acquisition_id IF NOT EXISTS FOR (n:Acquisition) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT layoff_event_id IF NOT EXISTS FOR (n:LayoffEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT market_metric_id IF NOT EXISTS FOR (n:MarketMetric) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (n:Redirect) REQUIRE n.id IS UNIQUE;
// An external identifier (scheme and value, e.g. "LEI:8JA4NT75BITP5LG6P072") names at most one entity.
CREATE CONSTRAINT identifier_key IF NOT EXISTS FOR (n:Identifier) REQUIRE n.key IS UNIQUE;
// Ownership and division links are relationships (fast to traverse) with ids of their own.
CREATE CONSTRAINT subsidiary_of_id IF NOT EXISTS FOR ()-[r:SUBSIDIARY_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT division_of_id IF NOT EXISTS FOR ()-[r:DIVISION_OF]-() REQUIRE r.id IS UNIQUE;
// Entity-resolution decisions (not entities: not exported, never answered by node(id:)).
CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (n:Decision) REQUIRE n.id IS UNIQUE;
// Articles submitted for extraction and the facts proposed from them (the review queue's second half).
CREATE CONSTRAINT extraction_id IF NOT EXISTS FOR (n:Extraction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (n:Proposal) REQUIRE n.id IS UNIQUE;
// The change feed (src/changes/): one feed node holds the last sequence number (its lock orders the
// writes), change sets are found in order by the last number they hold; watch lists and subscription
// leases per API key.
CREATE CONSTRAINT change_feed_id IF NOT EXISTS FOR (n:ChangeFeed) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_set_last IF NOT EXISTS FOR (n:ChangeSet) REQUIRE n.last IS UNIQUE;
CREATE CONSTRAINT watch_key_organization IF NOT EXISTS FOR (n:Watch) REQUIRE (n.key, n.organization) IS UNIQUE;
CREATE CONSTRAINT feed_subscriber_key IF NOT EXISTS FOR (n:FeedSubscriber) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT feed_lease_id IF NOT EXISTS FOR (n:FeedLease) REQUIRE n.id IS UNIQUE;
