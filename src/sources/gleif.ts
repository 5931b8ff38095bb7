import { isValidLei } from '../ingest/identifiers';
import { AdapterOutput, AdapterSink, dayOf, Emit, RowProblem } from './adapter';
import { slugForId } from '../ingest/names';
import { cites, Dataset } from './dataset';

/**
 * GLEIF's published files as corpgraph records (column names as in the golden-copy CSV; see
 * docs/public-data.md):
 *  - Level 1 LEI records: an organization per LEI (legal name, other names, legal and headquarters
 *    address as markets, category, legal form, entity and registration status); a MERGED, DUPLICATE or
 *    RETIRED record with a successor LEI becomes a redirect of the old LEI to the successor;
 *  - Level 2 relationship records: direct consolidation and international branches as dated parent
 *    links, one per relationship period; the reported ultimate parent as a claim beside the chain;
 *  - reporting exceptions: why no parent is reported, as claims.
 * Organizations from GLEIF have the id `lei-<lei in lower case>`.
 */
export const leiId = (lei: string) => `lei-${lei.toLowerCase()}`;

function lei(value: string, column: string): string {
  const v = value.trim().toUpperCase();
  if (!isValidLei(v)) throw new RowProblem(column, `is not a valid LEI (ISO 17442 check digits), got ${JSON.stringify(value)}`);
  return v;
}

const COUNTRY = /^[A-Z]{2}$/;
const REDIRECTING = new Set(['MERGED', 'DUPLICATE', 'RETIRED']);
const CATEGORIES = new Set(['GENERAL', 'BRANCH', 'FUND', 'SOLE_PROPRIETOR', 'RESIDENT_GOVERNMENT_ENTITY', 'INTERNATIONAL_ORGANIZATION']);

/** An address's market: its city within its country when a city is given, else the country. */
function addressMarket(sink: AdapterSink, row: { get(c: string): string }, prefix: string): string | undefined {
  const country = row.get(`${prefix}.Country`).toUpperCase();
  if (!country) return undefined;
  if (!COUNTRY.test(country)) throw new RowProblem(`${prefix}.Country`, `is not an ISO 3166-1 alpha-2 code, got ${JSON.stringify(country)}`);
  const countryId = sink.country(country);
  const city = row.get(`${prefix}.City`);
  if (!city) return countryId;
  return sink.market(`city-${country.toLowerCase()}-${slugForId(city)}`, { name: city, kind: 'CITY', within: countryId });
}

export function readLeiRecords(file: string, dataset: Dataset, emit?: Emit): AdapterOutput {
  const sink = new AdapterSink(file, dataset, emit);
  return sink.eachCsvRow(file, (row) => {
    const id = lei(row.get('LEI'), 'LEI');
    const legalName = row.get('Entity.LegalName');
    if (!legalName) throw new RowProblem('Entity.LegalName', 'is required');
    const registration = row.get('Registration.RegistrationStatus').toUpperCase() || 'ISSUED';
    const successor = row.get('Entity.SuccessorEntity.SuccessorLEI');
    const sources = cites(dataset, id);
    if (REDIRECTING.has(registration) && successor) {
      sink.add(row.line, {
        type: 'Redirect',
        id: leiId(id),
        target: leiId(lei(successor, 'Entity.SuccessorEntity.SuccessorLEI')),
        reason: registration,
        name: legalName,
        identifiers: [{ scheme: 'LEI', value: id }],
        sources,
      });
      return;
    }
    const category = row.get('Entity.EntityCategory').toUpperCase() || 'GENERAL';
    if (!CATEGORIES.has(category)) throw new RowProblem('Entity.EntityCategory', `is not a GLEIF entity category, got ${JSON.stringify(category)}`);
    const legalAddress = addressMarket(sink, row, 'Entity.LegalAddress');
    const headquarters = addressMarket(sink, row, 'Entity.HeadquartersAddress');
    const registered = dayOf(row.get('Registration.InitialRegistrationDate'), 'Registration.InitialRegistrationDate');
    sink.add(row.line, {
      type: 'Organization',
      id: leiId(id),
      name: legalName,
      legalName,
      aliases: row.numbered('Entity.OtherEntityNames.OtherEntityName').filter((n) => n !== legalName),
      // A branch is not a legal entity of its own: a part of its head office.
      kind: category === 'BRANCH' ? 'DIVISION' : 'COMPANY',
      status: row.get('Entity.EntityStatus').toUpperCase() === 'INACTIVE' ? 'INACTIVE' : 'ACTIVE',
      category,
      registrationStatus: registration,
      ...(row.get('Entity.LegalForm.EntityLegalFormCode') ? { legalForm: row.get('Entity.LegalForm.EntityLegalFormCode') } : {}),
      ...(legalAddress ? { legalAddress, country: row.get('Entity.LegalAddress.Country').toUpperCase() } : {}),
      ...(headquarters ? { headquarters } : {}),
      ...(registered ? { description: `LEI registered ${registered}.` } : {}),
      identifiers: [{ scheme: 'LEI', value: id }],
      sources,
    });
  });
}

/** GLEIF's relationship types: what each becomes. Fund relationships are left out (counted): corpgraph models corporate control, not fund management. */
const RELATIONSHIP_KIND: Record<string, 'SUBSIDIARY' | 'DIVISION' | 'ULTIMATE' | undefined> = {
  IS_DIRECTLY_CONSOLIDATED_BY: 'SUBSIDIARY',
  IS_INTERNATIONAL_BRANCH_OF: 'DIVISION',
  IS_ULTIMATELY_CONSOLIDATED_BY: 'ULTIMATE',
};

export function readRelationshipRecords(file: string, dataset: Dataset, emit?: Emit): AdapterOutput {
  const sink = new AdapterSink(file, dataset, emit);
  return sink.eachCsvRow(file, (row) => {
    const type = row.get('Relationship.RelationshipType').toUpperCase();
    const kind = RELATIONSHIP_KIND[type];
    if (!kind) {
      if (!type) throw new RowProblem('Relationship.RelationshipType', 'is required');
      sink.leaveOut(`${type} (fund relationship)`);
      return;
    }
    const child = lei(row.get('Relationship.StartNode.NodeID'), 'Relationship.StartNode.NodeID');
    const parentType = row.get('Relationship.EndNode.NodeIDType').toUpperCase() || 'LEI';
    const parentNode = row.get('Relationship.EndNode.NodeID');
    const locator = `${child}>${parentNode} ${type}`;
    const sources = cites(dataset, locator);
    const short = type === 'IS_INTERNATIONAL_BRANCH_OF' ? 'branch' : kind === 'ULTIMATE' ? 'ultimate' : 'direct';
    if (parentType !== 'LEI') {
      // A parent without an LEI (a provisional node id): kept as the child's claim, not as an organization of its own.
      sink.add(row.line, {
        type: 'Claim',
        id: `rr-${child.toLowerCase()}-${short}-${slugForId(parentNode, 40)}`,
        property: kind === 'ULTIMATE' ? 'ultimateParent' : 'directParent',
        text: `${parentNode} (${parentType}: a parent without an LEI)`,
        subject: leiId(child),
        sources,
      });
      return;
    }
    const parent = lei(parentNode, 'Relationship.EndNode.NodeID');
    if (kind === 'ULTIMATE') {
      // GLEIF's stated ultimate parent, kept as a claim: the chain of direct links may end elsewhere.
      sink.add(row.line, {
        type: 'Claim',
        id: `rr-${child.toLowerCase()}-ultimate`,
        property: 'ultimateParent',
        text: leiId(parent),
        rank: row.get('Relationship.RelationshipStatus').toUpperCase() === 'INACTIVE' ? 'DEPRECATED' : 'NORMAL',
        subject: leiId(child),
        sources,
      });
      return;
    }
    const inactive = row.get('Relationship.RelationshipStatus').toUpperCase() === 'INACTIVE';
    const share = quantifierShare(row);
    const periods: Array<{ since: string | null; until: string | null }> = [];
    for (let n = 1; row.get(`Relationship.Period.${n}.periodType`) || row.get(`Relationship.Period.${n}.startDate`); n += 1) {
      if (row.get(`Relationship.Period.${n}.periodType`).toUpperCase() !== 'RELATIONSHIP_PERIOD') continue;
      periods.push({
        since: dayOf(row.get(`Relationship.Period.${n}.startDate`), `Relationship.Period.${n}.startDate`),
        until: dayOf(row.get(`Relationship.Period.${n}.endDate`), `Relationship.Period.${n}.endDate`),
      });
    }
    if (!periods.length) periods.push({ since: null, until: null });
    const lastUpdate = dayOf(row.get('Registration.LastUpdateDate'), 'Registration.LastUpdateDate');
    periods.forEach((p, i) => {
      // INACTIVE without an end date: ended, on a day the record does not give, by its last update.
      const until = p.until
        ? { on: p.until }
        : inactive && i === periods.length - 1
          ? { earliest: p.since, latest: lastUpdate, text: 'INACTIVE; end date not reported' }
          : undefined;
      sink.add(row.line, {
        type: 'Ownership',
        id: `rr-${child.toLowerCase()}-${short}-${parent.toLowerCase()}${periods.length > 1 ? `-${i + 1}` : ''}`,
        kind,
        child: leiId(child),
        parent: leiId(parent),
        ...(p.since ? { since: { on: p.since } } : {}),
        ...(until ? { until } : {}),
        ...(share !== null ? { share } : {}),
        sources,
      });
    });
  });
}

/** The first quantifier stated as a percentage, as a share from 0 to 1. */
function quantifierShare(row: { get(c: string): string }): number | null {
  for (let n = 1; row.get(`Relationship.Quantifiers.${n}.QuantifierAmount`); n += 1) {
    if (row.get(`Relationship.Quantifiers.${n}.QuantifierUnits`).toUpperCase() !== 'PERCENTAGE') continue;
    const amount = Number(row.get(`Relationship.Quantifiers.${n}.QuantifierAmount`));
    if (!Number.isFinite(amount) || amount < 0 || amount > 100) {
      throw new RowProblem(`Relationship.Quantifiers.${n}.QuantifierAmount`, 'is not a percentage from 0 to 100');
    }
    return Math.round(amount * 100) / 10000;
  }
  return null;
}

const EXCEPTION_CATEGORY: Record<string, string> = {
  DIRECT_ACCOUNTING_CONSOLIDATION_PARENT: 'directParentNotReported',
  ULTIMATE_ACCOUNTING_CONSOLIDATION_PARENT: 'ultimateParentNotReported',
};
const EXCEPTION_REASONS = new Set([
  'NATURAL_PERSONS',
  'NON_CONSOLIDATING',
  'NO_KNOWN_PERSON',
  'NON_PUBLIC',
  'NO_LEI',
  'BINDING_LEGAL_COMMITMENTS',
  'LEGAL_OBSTACLES',
  'DISCLOSURE_DETRIMENTAL',
  'DETRIMENT_NOT_EXCLUDED',
  'CONSENT_NOT_OBTAINED',
]);

/** Reporting exceptions: each reason why a parent is not reported, a claim about the child. */
export function readReportingExceptions(file: string, dataset: Dataset, emit?: Emit): AdapterOutput {
  const sink = new AdapterSink(file, dataset, emit);
  return sink.eachCsvRow(file, (row) => {
    const child = lei(row.get('LEI'), 'LEI');
    const category = row.get('Exception.Category').toUpperCase();
    const property = EXCEPTION_CATEGORY[category];
    if (!property) throw new RowProblem('Exception.Category', `must be one of ${Object.keys(EXCEPTION_CATEGORY).join(', ')}, got ${JSON.stringify(category)}`);
    const reasons = row.numbered('Exception.Reason');
    if (!reasons.length && row.get('Exception.Reason')) reasons.push(row.get('Exception.Reason'));
    if (!reasons.length) throw new RowProblem('Exception.Reason.1', 'is required');
    for (const reason of reasons.map((r) => r.toUpperCase())) {
      if (!EXCEPTION_REASONS.has(reason)) throw new RowProblem('Exception.Reason', `is not a GLEIF exception reason, got ${JSON.stringify(reason)}`);
      sink.add(row.line, {
        type: 'Claim',
        id: `rx-${child.toLowerCase()}-${category.startsWith('DIRECT') ? 'direct' : 'ultimate'}-${slugForId(reason)}`,
        property,
        text: reason,
        subject: leiId(child),
        sources: cites(dataset, `${child} ${category}`),
      });
    }
  });
}
