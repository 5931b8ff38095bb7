import type { StoredArticle } from '../src/extraction/stored-article';
// The review page: the entity-resolution queue, one decision at a time with both sides' facts and
// sources side by side, and the facts extracted from articles, each in its passage with the quote
// marked; accept / reject / undo as the API's authenticated mutations (the token stays in this tab's
// session storage). Bundled by the project's build: no CDN.

interface Reason {
  kind: string;
  detail: string;
  weight: number;
}
interface Decision {
  id: string;
  kind: string;
  status: string;
  subjectName: string | null;
  subjectCountry: string | null;
  subjectId: string | null;
  candidateId: string;
  notices: number | null;
  jobs: number | null;
  subjectRegion: string | null;
  score: number | null;
  rule: string | null;
  reasons: Reason[];
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  establishmentId: string | null;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const tokenInput = $<HTMLInputElement>('token');
const statusSelect = $<HTMLSelectElement>('status');
const kindSelect = $<HTMLSelectElement>('queue-kind');
const queue = $<HTMLOListElement>('queue');
const panel = $<HTMLElement>('decision');
tokenInput.value = sessionStorage.getItem('corpgraph-token') ?? '';
tokenInput.addEventListener('change', () => sessionStorage.setItem('corpgraph-token', tokenInput.value));

async function graphql<T>(query: string, variables: Record<string, unknown> = {}, withToken = false): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (withToken && tokenInput.value) headers.authorization = `Bearer ${tokenInput.value}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors?.length)
    throw new Error(body.errors.map((e: { message: string; extensions?: { code?: string } }) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  return body.data as T;
}

const FIELDS =
  'id kind status subjectName subjectCountry subjectRegion subjectId candidateId notices jobs score rule reasons { kind detail weight } proposedBy proposedAt decidedBy decidedAt note establishmentId';
const QUEUE = `query($status: DecisionStatus) { resolutionDecisions(filter: { status: $status }, first: 100) { nodes { ${FIELDS} } } }`;
/** Pending decisions as a person works them: grouped by candidate, most jobs first, 20 groups a page. */
const PENDING = `query($after: String) { reviewQueue { pending groupCount notices jobs
  groups(first: 20, after: $after) { nodes { kind pending notices jobs score candidate { id name country identifiers } decisions { ${FIELDS} } }
    pageInfo { hasNextPage endCursor } } } }`;
const SOURCES = 'sources { quote locator source { title kind publishers published { earliest } } }';
const ENTITY = `query($id: ID!) { node(id: $id) { __typename id
  ... on Organization { name kind status country legalForm aliases registrationStatus identifiers { scheme value } parent { name } ultimateParent { name } ${SOURCES} }
  ... on Person { name aliases ${SOURCES} }
  ... on LayoffEvent { announced { earliest text } headcount { text low high } employerName organizations { name } ${SOURCES} }
} }`;
const NOTICES = `query($name: String!) { layoffEvents(filter: { employerNameContains: $name }, first: 10) { nodes { id employerName announced { earliest } headcount { text low high } regions: affectedMarkets { market { name } note } ${SOURCES} } } }`;

function el(tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string | null>): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

function facts(pairs: Array<[string, unknown]>): HTMLElement {
  const dl = el('dl');
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || (Array.isArray(value) && !value.length)) continue;
    dl.append(el('dt', {}, label), el('dd', {}, Array.isArray(value) ? value.join('; ') : String(value)));
  }
  return dl;
}

type Cited = { sources?: Array<{ quote: string | null; locator: string | null; source: { title: string; kind: string; publishers: string[] } }> };
function sources(entity: Cited): HTMLElement {
  const list = el('ul', { class: 'sources' });
  for (const s of entity.sources ?? []) {
    list.append(
      el(
        'li',
        {},
        `${s.source.title} (${s.source.kind}${s.source.publishers.length ? `, ${s.source.publishers.join(', ')}` : ''})`,
        s.quote ? el('q', {}, s.quote) : null,
        s.locator ? el('code', {}, ` ${s.locator}`) : null,
      ),
    );
  }
  return el('div', {}, el('h4', {}, 'Sources'), list);
}

async function entitySide(title: string, id: string): Promise<HTMLElement> {
  const { node } = await graphql<{ node: Record<string, any> | null }>(ENTITY, { id });
  if (!node) return el('div', { class: 'side' }, el('h3', {}, title), el('p', { class: 'error' }, `No entity has the id ${id}.`));
  return el(
    'div',
    { class: 'side' },
    el('h3', {}, `${title}: `, el('a', { href: `/explore?id=${encodeURIComponent(node.id)}` }, node.name ?? node.employerName ?? node.id)),
    facts([
      ['id', node.id],
      ['type', node.__typename],
      ['kind', node.kind],
      ['status', node.status],
      ['country', node.country],
      ['legal form', node.legalForm],
      ['aliases', node.aliases],
      ['identifiers', node.identifiers?.map((i: { scheme: string; value: string }) => `${i.scheme} ${i.value}`)],
      ['parent', node.parent?.name],
      ['ultimate parent', node.ultimateParent?.name],
      ['announced', node.announced?.earliest],
      ['headcount', node.headcount?.text ?? node.headcount?.low],
      ['organizations', node.organizations?.map((o: { name: string }) => o.name)],
    ]),
    sources(node),
  );
}

async function nameSide(d: Decision): Promise<HTMLElement> {
  const { layoffEvents } = await graphql<{ layoffEvents: { nodes: Array<Record<string, any>> } }>(NOTICES, { name: d.subjectName });
  const notices = layoffEvents.nodes.filter((n) => n.employerName === d.subjectName);
  const list = el('ul');
  for (const n of notices) {
    list.append(
      el(
        'li',
        {},
        `${n.announced?.earliest ?? 'date unknown'}: ${n.headcount?.text ?? n.headcount?.low ?? 'jobs not given'} jobs, ${n.regions.map((r: { market: { name: string }; note: string | null }) => [r.market.name, r.note].filter(Boolean).join(' ')).join('; ')}`,
        sources(n),
      ),
    );
  }
  return el(
    'div',
    { class: 'side' },
    el('h3', {}, 'Name as filed: ', el('q', {}, d.subjectName ?? '')),
    facts([
      ['country', d.subjectCountry],
      ['filed in', d.subjectRegion],
      ['notices', d.notices],
      ['jobs', d.jobs],
    ]),
    el('h4', {}, 'Notices'),
    list,
  );
}

async function show(d: Decision): Promise<void> {
  panel.replaceChildren(el('p', { class: 'hint' }, 'Loading…'));
  const [subject, candidate] = await Promise.all([d.subjectId ? entitySide('Entity', d.subjectId) : nameSide(d), entitySide('Candidate', d.candidateId)]);
  const evidence = el('ul', { class: 'evidence' });
  for (const r of d.reasons)
    evidence.append(el('li', { class: r.weight < 0 ? 'negative' : '' }, `${r.kind} ${r.weight > 0 ? '+' : ''}${r.weight}: ${r.detail}`));
  const note = el('textarea', { id: 'note', placeholder: 'Why (kept on the decision)' }) as HTMLTextAreaElement;
  const message = el('p', { id: 'message' });
  const act = (label: string, mutation: string, variables: Record<string, unknown> = {}) => {
    const button = el('button', { type: 'button', 'data-action': label.toLowerCase() }, label);
    button.addEventListener('click', async () => {
      try {
        await graphql(mutation, { id: d.id, note: note.value || null, ...variables }, true);
        message.className = '';
        message.textContent = `${label}: done.`;
        await load(d.id);
      } catch (error) {
        message.className = 'error';
        message.textContent = (error as Error).message;
      }
    });
    return button;
  };
  const accept = 'mutation($id: ID!, $kind: DecisionKind, $note: String) { acceptResolution(id: $id, kind: $kind, note: $note) { id status } }';
  const actions = el('div', { class: 'actions' }, note);
  if (d.status === 'PENDING' || d.kind === 'NOT_SAME_AS') {
    actions.append(
      act('Accept', accept),
      d.subjectId
        ? null
        : act(d.kind === 'ESTABLISHMENT_OF' ? 'Accept as the same company' : 'Accept as an establishment', accept, {
            kind: d.kind === 'ESTABLISHMENT_OF' ? 'SAME_AS' : 'ESTABLISHMENT_OF',
          }),
    );
  }
  if (d.kind !== 'NOT_SAME_AS') actions.append(act('Reject', 'mutation($id: ID!, $note: String) { rejectResolution(id: $id, note: $note) { id status } }'));
  if (d.status === 'ACCEPTED' && d.kind !== 'NOT_SAME_AS')
    actions.append(act('Undo', 'mutation($id: ID!, $note: String) { undoResolution(id: $id, note: $note) { id status } }'));
  panel.replaceChildren(
    el('h2', {}, `${d.kind.replace(/_/g, ' ').toLowerCase()} `, el('span', { class: 'status' }, d.status)),
    facts([
      ['score', d.score],
      ['proposed', `${d.proposedBy}, ${d.proposedAt.slice(0, 19).replace('T', ' ')}`],
      ['decided', d.decidedBy ? `${d.decidedBy}, ${(d.decidedAt ?? '').slice(0, 19).replace('T', ' ')}` : null],
      ['note', d.note],
    ]),
    el('h3', {}, 'Evidence'),
    evidence,
    el('div', { class: 'sides' }, subject, candidate),
    actions,
    message,
  );
}

const summary = $<HTMLElement>('queue-summary');
const n = (x: number) => x.toLocaleString('en-US');

/** One decision in the list: clicking (or moving onto it with the keys) shows its two sides. */
function decisionItem(d: Decision, label: string, meta: string): HTMLElement {
  const item = el('li', { class: 'decision', 'data-id': d.id, tabindex: '-1' }, el('span', { class: 'subject' }, label), el('span', { class: 'meta' }, meta));
  item.addEventListener('click', () => select(item, d));
  return item;
}

const shown = new Map<string, Decision>();
function select(item: HTMLElement, d: Decision): void {
  queue.querySelectorAll('li.decision').forEach((li) => li.classList.toggle('selected', li === item));
  item.scrollIntoView({ block: 'nearest' });
  void show(d);
}

interface QueuePage {
  reviewQueue: {
    pending: number;
    groupCount: number;
    notices: number;
    jobs: number;
    groups: {
      nodes: Array<{
        kind: string;
        pending: number;
        notices: number;
        jobs: number;
        score: number;
        candidate: { id: string; name: string | null; country: string | null; identifiers: string[] };
        decisions: Decision[];
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

/** Appends a page of the pending queue's groups (and a button for the next page). */
async function loadPending(after: string | null = null): Promise<void> {
  const { reviewQueue } = await graphql<QueuePage>(PENDING, { after });
  summary.textContent = `${n(reviewQueue.pending)} pending decisions in ${n(reviewQueue.groupCount)} groups, covering ${n(reviewQueue.notices)} notices and ${n(reviewQueue.jobs)} jobs. Keys: j / k move, a accepts, r rejects.`;
  queue.querySelector('li.more')?.remove();
  if (!after && !reviewQueue.groups.nodes.length) queue.append(el('li', { class: 'hint' }, 'Nothing pending.'));
  for (const g of reviewQueue.groups.nodes) {
    const who = [g.candidate.id, g.candidate.country, ...g.candidate.identifiers].filter(Boolean).join(' · ');
    const names = el('ul', { class: 'names' });
    for (const d of g.decisions) {
      shown.set(d.id, d);
      const where = [
        d.subjectRegion,
        d.notices === null ? null : `${d.notices} ${d.notices === 1 ? 'notice' : 'notices'}`,
        d.jobs === null ? null : `${n(d.jobs)} jobs`,
      ];
      names.append(decisionItem(d, d.subjectName ?? d.subjectId ?? '', [...where, d.score === null ? null : `score ${d.score}`].filter(Boolean).join(' · ')));
    }
    queue.append(
      el(
        'li',
        { class: 'group' },
        el('div', { class: 'group-head' }, el('span', { class: 'subject' }, g.candidate.name ?? g.candidate.id), el('span', { class: 'meta' }, who)),
        el(
          'div',
          { class: 'meta' },
          `${g.kind.replace(/_/g, ' ').toLowerCase()} · ${g.pending} ${g.pending === 1 ? 'name' : 'names'} · ${n(g.notices)} notices · ${n(g.jobs)} jobs`,
        ),
        names,
      ),
    );
  }
  const { hasNextPage, endCursor } = reviewQueue.groups.pageInfo;
  if (hasNextPage) {
    const more = el('li', { class: 'more' }, el('button', { type: 'button' }, 'More'));
    more.addEventListener('click', () => void loadPending(endCursor));
    queue.append(more);
  }
}

async function loadDecisions(selected?: string): Promise<void> {
  queue.replaceChildren();
  shown.clear();
  if (statusSelect.value === 'PENDING') {
    await loadPending();
    const again = selected ? queue.querySelector<HTMLElement>(`li.decision[data-id="${CSS.escape(selected)}"]`) : null;
    if (again) select(again, shown.get(selected!)!);
    return;
  }
  summary.textContent = '';
  const { resolutionDecisions } = await graphql<{ resolutionDecisions: { nodes: Decision[] } }>(QUEUE, { status: statusSelect.value });
  const decisions = resolutionDecisions.nodes;
  if (!decisions.length) queue.append(el('li', { class: 'hint' }, 'Nothing here.'));
  for (const d of decisions) {
    shown.set(d.id, d);
    queue.append(decisionItem(d, d.subjectName ?? d.subjectId ?? '', `${d.kind} → ${d.candidateId} · ${d.score ?? ''}`));
  }
  const again = decisions.find((d) => d.id === selected);
  if (again) await show(again);
}

/** Keyboard: j / k (or the arrows) move through the decisions, a accepts, r rejects, as the buttons do. */
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (kindSelect.value !== 'decisions' || target.matches('input, textarea, select') || event.ctrlKey || event.metaKey || event.altKey) return;
  const items = [...queue.querySelectorAll<HTMLElement>('li.decision')];
  const at = items.findIndex((li) => li.classList.contains('selected'));
  const move = (to: number) => {
    const item = items[Math.max(0, Math.min(items.length - 1, to))];
    if (item) select(item, shown.get(item.dataset.id!)!);
  };
  if (event.key === 'j' || event.key === 'ArrowDown') move(at + 1);
  else if (event.key === 'k' || event.key === 'ArrowUp') move(at < 0 ? 0 : at - 1);
  else if (event.key === 'a') panel.querySelector<HTMLButtonElement>('button[data-action="accept"]')?.click();
  else if (event.key === 'r') panel.querySelector<HTMLButtonElement>('button[data-action="reject"]')?.click();
  else return;
  event.preventDefault();
});

interface ExtractedFact {
  id: string;
  factType: string;
  summary: string;
  status: string;
  quote: string;
  record: string;
  requires: string[];
  recordId: string;
  proposedBy: string | null;
  proposedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  entities: Array<{ part: string; id: string; name: string; known: boolean }>;
  article: Pick<StoredArticle, 'id' | 'title' | 'publishers' | 'authors' | 'url' | 'publishedEarliest' | 'publishedLatest'>;
  passage: { start: number; end: number; text: string; before: string; after: string } | null;
}
const FACT_FIELDS =
  'id factType summary status quote record requires recordId proposedBy proposedAt decidedBy decidedAt note entities { part id name known } ' +
  'article { id title publishers authors url publishedEarliest publishedLatest } passage { start end text before after }';
const FACTS = `query($status: ProposalStatus) { extractedFacts(filter: { status: $status }, first: 100) { nodes { ${FACT_FIELDS} } } }`;

/** The sentence in its paragraph, the quote marked: what the reviewer checks the fact against. */
function passage(f: ExtractedFact): HTMLElement {
  const p = f.passage;
  if (!p) return el('p', { class: 'hint' }, 'The article is not stored.');
  const at = p.text.indexOf(f.quote);
  const sentence =
    at < 0 ? el('mark', {}, p.text) : el('mark', {}, p.text.slice(0, at), el('strong', { class: 'quote' }, f.quote), p.text.slice(at + f.quote.length));
  const before = p.before.length > 240 ? `…${p.before.slice(-240)}` : p.before;
  const after = p.after.length > 240 ? `${p.after.slice(0, 240)}…` : p.after;
  return el('blockquote', { class: 'passage' }, before, sentence, after);
}

function showFact(f: ExtractedFact): void {
  const note = el('textarea', { id: 'note', placeholder: 'Why (kept on the fact)' }) as HTMLTextAreaElement;
  const message = el('p', { id: 'message' });
  const act = (label: string, mutation: string) => {
    const button = el('button', { type: 'button' }, label);
    button.addEventListener('click', async () => {
      try {
        await graphql(mutation, { id: f.id, note: note.value || null }, true);
        message.className = '';
        message.textContent = `${label}: done.`;
        await load(f.id);
      } catch (error) {
        message.className = 'error';
        message.textContent = (error as Error).message;
      }
    });
    return button;
  };
  const actions = el('div', { class: 'actions' }, note);
  if (f.status === 'PENDING')
    actions.append(
      act('Accept', 'mutation($id: ID!, $note: String) { acceptExtractedFact(id: $id, note: $note) { id status } }'),
      act('Reject', 'mutation($id: ID!, $note: String) { rejectExtractedFact(id: $id, note: $note) { id status } }'),
    );
  const entities = el('ul', { class: 'entities' });
  for (const e of f.entities)
    entities.append(
      el('li', {}, `${e.part}: `, e.known ? el('a', { href: `/explore?id=${encodeURIComponent(e.id)}` }, e.name) : el('span', {}, `${e.name} (new: ${e.id})`)),
    );
  const published =
    f.article.publishedEarliest === f.article.publishedLatest ? f.article.publishedEarliest : `${f.article.publishedEarliest} to ${f.article.publishedLatest}`;
  panel.replaceChildren(
    el('h2', {}, `${f.summary} `, el('span', { class: 'status' }, f.status)),
    facts([
      ['fact', f.factType.replace(/_/g, ' ').toLowerCase()],
      ['article', `${f.article.title}${f.article.publishers.length ? ` (${f.article.publishers.join(', ')})` : ''}, ${published}`],
      ['proposed', f.proposedBy ? `${f.proposedBy}, ${(f.proposedAt ?? '').slice(0, 19).replace('T', ' ')}` : null],
      ['decided', f.decidedBy ? `${f.decidedBy}, ${(f.decidedAt ?? '').slice(0, 19).replace('T', ' ')}` : null],
      ['note', f.note],
      ['needs', f.requires.length ? `${f.requires.length} new entit${f.requires.length === 1 ? 'y' : 'ies'}, accepted with it` : null],
    ]),
    el('h3', {}, 'Passage'),
    passage(f),
    el('h3', {}, 'Entities'),
    entities,
    el('h3', {}, 'Record accepting it writes'),
    el('pre', { class: 'record' }, JSON.stringify(JSON.parse(f.record), null, 2)),
    f.status === 'ACCEPTED' ? el('p', {}, el('a', { href: `/explore?id=${encodeURIComponent(f.recordId)}` }, 'See it in the graph')) : null,
    actions,
    message,
  );
}

async function loadFacts(selected?: string): Promise<void> {
  const { extractedFacts } = await graphql<{ extractedFacts: { nodes: ExtractedFact[] } }>(FACTS, { status: statusSelect.value });
  queue.replaceChildren();
  if (!extractedFacts.nodes.length) queue.append(el('li', { class: 'hint' }, 'Nothing here.'));
  for (const f of extractedFacts.nodes) {
    const item = el(
      'li',
      { 'data-id': f.id },
      el('span', { class: 'subject' }, f.summary),
      el('span', { class: 'meta' }, `${f.factType} · ${f.article.title}`),
    );
    item.addEventListener('click', () => {
      queue.querySelectorAll('li').forEach((li) => li.classList.toggle('selected', li === item));
      showFact(f);
    });
    queue.append(item);
  }
  const again = extractedFacts.nodes.find((f) => f.id === selected);
  if (again) showFact(again);
}

/** The statuses each queue has. */
const STATUSES: Record<string, Array<[string, string]>> = {
  decisions: [
    ['PENDING', 'pending'],
    ['ACCEPTED', 'decided'],
    ['UNDONE', 'undone'],
  ],
  facts: [
    ['PENDING', 'pending'],
    ['ACCEPTED', 'accepted'],
    ['REJECTED', 'rejected'],
  ],
};

function setQueue(kind: string): void {
  kindSelect.value = kind;
  statusSelect.replaceChildren(...STATUSES[kind].map(([value, label]) => el('option', { value }, label)));
}

function load(selected?: string): Promise<void> {
  return kindSelect.value === 'facts' ? loadFacts(selected) : loadDecisions(selected);
}

kindSelect.addEventListener('change', () => {
  setQueue(kindSelect.value);
  panel.replaceChildren(el('p', { class: 'hint' }, 'Pick an item on the left.'));
  void load();
});
setQueue(new URLSearchParams(location.search).get('queue') === 'facts' ? 'facts' : 'decisions');
statusSelect.addEventListener('change', () => void load());
(window as unknown as { corpgraphReview: { ready: Promise<void> } }).corpgraphReview = { ready: load() };
