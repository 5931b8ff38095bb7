// The explorer: pick an entity, see its neighbourhood as a picture, click to expand, read the facts
// and their sources in the side panel. Everything is bundled by the project's build: no CDN.
import cytoscape, { Core, ElementDefinition } from 'cytoscape';

const COLORS: Record<string, string> = {
  Organization: '#2563eb',
  Person: '#db2777',
  Market: '#059669',
  Acquisition: '#d97706',
  LayoffEvent: '#dc2626',
  MarketMetric: '#7c3aed',
  Source: '#6b7280',
};

interface GraphNode {
  id: string;
  type: string;
  label: string;
}
interface Neighbourhood {
  center: GraphNode;
  nodes: GraphNode[];
  edges: Array<{ source: string; target: string; label: string }>;
}

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((e: { message: string }) => e.message).join('; '));
  return body.data as T;
}

const NEIGHBOURHOOD = `query($id: ID!) { neighbourhood(id: $id) {
  center { id type label } nodes { id type label } edges { source target label } } }`;

const DETAILS = `query($id: ID!) { node(id: $id) {
  __typename id
  ... on Organization { name kind status aliases description headquarters { name } ultimateParent { name } sources { quote source { title publishers published { earliest } } }
      identifiers { scheme value exchange }
      layoffs: layoffRollup(match: CERTAIN) { total { events low high unknownCount } leftOut { events low high unknownCount } }
      recentChanges(first: 8, includeFamily: true) { sequence at kind factType factId organizations by } }
  ... on Person { name description roles { title organization { name } since { earliest text } until { earliest text } } sources { quote source { title publishers published { earliest } } } }
  ... on Market { name marketKind: kind isoCode within { name } sources { quote source { title publishers published { earliest } } } }
  ... on Acquisition { dealStatus: status dealAnnounced: announced { earliest text } completed { earliest latest text } price { value currency text } acquirer { name } target { name }
      claims { property rank date { earliest latest text } quantity { text } sources { source { title } } } sources { quote source { title publishers published { earliest } } } }
  ... on LayoffEvent { announced { earliest latest text } headcount { low high text qualifier label } shareOfWorkforce channels organizations { name } announcedBy { name }
      sources { quote source { title publishers published { earliest } } } }
  ... on MarketMetric { name basis period { earliest latest } value { value text label } sources { quote source { title publishers published { earliest } } } }
} }`;

const cy: Core = cytoscape({
  container: document.getElementById('graph'),
  wheelSensitivity: 0.3,
  style: [
    {
      selector: 'node',
      style: {
        'background-color': (n) => COLORS[n.data('type')] ?? '#9ca3af',
        label: 'data(label)',
        color: '#1d2330',
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        width: 26,
        height: 26,
      },
    },
    { selector: 'node.center', style: { width: 38, height: 38, 'border-width': 3, 'border-color': '#111827' } },
    // Labels that would overlap another are hidden (see declutter); hovering a node shows its label.
    { selector: 'node.quiet', style: { label: '' } },
    { selector: 'node.quiet.hover', style: { label: 'data(label)', 'z-index': 10, 'text-background-color': '#ffffff', 'text-background-opacity': 0.9 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9ca3af',
        'target-arrow-color': '#9ca3af',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        // Edge labels show on hover or selection only: on a hub they would cover each other.
        label: '',
        'font-size': 9,
        color: '#4b5563',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
      },
    },
    { selector: 'edge.hover, edge:selected', style: { label: 'data(label)' } },
  ],
});

/** Whether two boxes overlap. */
function overlaps(a: { x1: number; x2: number; y1: number; y2: number }, b: { x1: number; x2: number; y1: number; y2: number }): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Hides the labels that would overlap a label already shown, keeping the most useful ones: the
 * selected and centre nodes first, then the best connected. A hidden label shows on hover.
 */
function declutter(): void {
  cy.nodes().removeClass('quiet');
  const order = cy.nodes().sort((a, b) => {
    const rank = (n: cytoscape.NodeSingular) => (n.selected() ? 2 : 0) + (n.hasClass('center') ? 1 : 0);
    return rank(b) - rank(a) || b.degree(false) - a.degree(false) || a.id().localeCompare(b.id());
  });
  const shown: Array<{ x1: number; x2: number; y1: number; y2: number }> = [];
  order.forEach((node) => {
    const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    if (shown.some((other) => overlaps(box, other))) node.addClass('quiet');
    else shown.push(box);
  });
}

/**
 * Puts new nodes on rings around the node they were expanded from, outside the space the picture
 * already uses near it; nodes already shown keep their places, so an expansion never rearranges the
 * picture the analyst was reading.
 */
function placeAround(anchor: cytoscape.NodeSingular, added: cytoscape.NodeCollection): void {
  const { x, y } = anchor.position();
  const taken = cy
    .nodes()
    .difference(added)
    .nodes()
    .map((n) => n.position());
  const free = (p: { x: number; y: number }) => taken.every((t) => Math.hypot(t.x - p.x, t.y - p.y) > 70);
  let radius = 140;
  let index = 0;
  const nodes = added.toArray();
  while (index < nodes.length) {
    const slots = Math.max(6, Math.floor((2 * Math.PI * radius) / 80));
    for (let k = 0; k < slots && index < nodes.length; k += 1) {
      const angle = (2 * Math.PI * k) / slots + radius / 97;
      const spot = { x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) };
      if (!free(spot)) continue;
      nodes[index].position(spot);
      taken.push(spot);
      index += 1;
    }
    radius += 90;
  }
}

function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

async function expand(id: string): Promise<void> {
  const { neighbourhood } = await graphql<{ neighbourhood: Neighbourhood | null }>(NEIGHBOURHOOD, { id });
  if (!neighbourhood) {
    document.getElementById('panel')!.innerHTML =
      `<h2>Not found</h2><p class="hint">corpgraph has no entity with the id “${escapeHtml(id)}”. Search for it by name above.</p>`;
    return;
  }
  const first = cy.nodes().empty();
  const elements: ElementDefinition[] = [];
  for (const n of [neighbourhood.center, ...neighbourhood.nodes]) {
    if (cy.getElementById(n.id).empty()) elements.push({ group: 'nodes', data: { id: n.id, type: n.type, label: n.label } });
  }
  for (const e of neighbourhood.edges) {
    const edgeId = `${e.source}|${e.label}|${e.target}`;
    if (cy.getElementById(edgeId).empty()) elements.push({ group: 'edges', data: { id: edgeId, source: e.source, target: e.target, label: e.label } });
  }
  const added = cy.add(elements).nodes();
  cy.nodes().removeClass('center');
  cy.getElementById(neighbourhood.center.id).addClass('center');
  if (first) {
    cy.layout({ name: 'cose', animate: false, fit: true, padding: 40, nodeRepulsion: () => 60000, idealEdgeLength: () => 150, nodeOverlap: 40 }).run();
  } else if (added.nonempty()) {
    placeAround(cy.getElementById(id), added);
    cy.fit(undefined, 40);
  }
  cy.elements().unselect();
  cy.getElementById(id).select();
  declutter();
  await showDetails(id);
}

function sourcesHtml(
  sources: Array<{ quote: string | null; source: { title: string; publishers: string[]; published: { earliest: string | null } | null } }> = [],
): string {
  if (!sources.length) return '';
  return `<h3>Sources</h3><ul class="sources">${sources
    .map(
      (s) =>
        `<li>${escapeHtml(s.source.title)}<br><small>${escapeHtml(s.source.publishers.join(', '))}${s.source.published?.earliest ? `, ${escapeHtml(s.source.published.earliest)}` : ''}</small>${s.quote ? `<br><q>${escapeHtml(s.quote)}</q>` : ''}</li>`,
    )
    .join('')}</ul>`;
}

interface RollupTotal {
  events: number;
  low: number;
  high: number | null;
  unknownCount: number;
}

/** A roll-up's total as a line: its notices and jobs (bounds when they differ, unknowns said), and apart what it left out, the family only possibly holding it. */
function rollupText(certain: RollupTotal, leftOut: RollupTotal): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const jobs = (t: RollupTotal) =>
    `${t.high === null ? `at least ${n(t.low)}` : t.high === t.low ? n(t.low) : `${n(t.low)}-${n(t.high)}`} jobs` +
    (t.unknownCount ? `, ${t.unknownCount} without a number` : '');
  const count = (n: number) => `${n} ${n === 1 ? 'notice' : 'notices'}`;
  const line = certain.events ? `${count(certain.events)}, ${jobs(certain)}` : 'none certain';
  return leftOut.events > 0 ? `${line}; possibly ${count(leftOut.events)} more (membership not certain on the day): ${jobs(leftOut)}` : line;
}

function dateText(d: { earliest?: string | null; latest?: string | null; text?: string | null } | null | undefined): string {
  if (!d) return '';
  const span = d.earliest && d.latest && d.earliest !== d.latest ? `${d.earliest} – ${d.latest}` : (d.earliest ?? d.latest ?? '');
  return d.text ? `${span} ("${d.text}")` : span;
}

async function showDetails(id: string): Promise<void> {
  const panel = document.getElementById('panel')!;
  const { node } = await graphql<{ node: Record<string, any> | null }>(DETAILS, { id });
  if (!node) {
    panel.innerHTML = '<p class="hint">Not found.</p>';
    return;
  }
  const rows: Array<[string, string]> = [];
  const add = (k: string, v: unknown) => v !== undefined && v !== null && v !== '' && rows.push([k, escapeHtml(v)]);
  switch (node.__typename) {
    case 'Organization':
      add('Kind', node.kind);
      add('Status', node.status);
      add('Also known as', node.aliases.join(', '));
      add('Headquarters', node.headquarters?.name);
      add('Ultimate parent', node.ultimateParent?.name);
      add(
        'Identifiers',
        node.identifiers
          .map((i: { scheme: string; value: string; exchange: string | null }) => `${i.scheme} ${i.value}${i.exchange ? ` (${i.exchange})` : ''}`)
          .join(', '),
      );
      add('Layoffs, with its family', rollupText(node.layoffs.total, node.layoffs.leftOut));
      add('About', node.description);
      break;
    case 'Person':
      add('About', node.description);
      for (const r of node.roles)
        add(r.title, `${r.organization.name}${r.since ? `, since ${dateText(r.since)}` : ''}${r.until ? `, until ${dateText(r.until)}` : ''}`);
      break;
    case 'Market':
      add('Kind', node.marketKind);
      add('ISO code', node.isoCode);
      add('Within', node.within?.name);
      break;
    case 'Acquisition':
      add('Buyer', node.acquirer.name);
      add('Bought', node.target.name);
      add('Status', node.dealStatus);
      add('Announced', dateText(node.dealAnnounced));
      add('Completed', dateText(node.completed));
      add('Price', node.price ? `${node.price.text ?? node.price.value} ${node.price.currency}` : null);
      for (const c of node.claims)
        add(`Claim: ${c.property} (${c.rank})`, `${dateText(c.date) || c.quantity?.text || ''}, per ${c.sources.map((s: any) => s.source.title).join('; ')}`);
      break;
    case 'LayoffEvent':
      add('Organizations', node.organizations.map((o: any) => o.name).join(', '));
      add('Announced', dateText(node.announced));
      add('Jobs', node.headcount.label);
      add('Bounds', `${node.headcount.low ?? '?'} – ${node.headcount.high ?? 'open'}`);
      add('Share of workforce', node.shareOfWorkforce !== null ? `${Math.round(node.shareOfWorkforce * 100)}%` : null);
      add('Announced by', node.announcedBy?.name);
      add('How', node.channels.join(', '));
      break;
    case 'MarketMetric':
      add('Basis', node.basis);
      add('Period', dateText(node.period));
      add('Value', node.value?.label);
      break;
  }
  const title = node.name ?? cy.getElementById(id).data('label') ?? id;
  panel.innerHTML = `<div class="type">${escapeHtml(node.__typename)}</div><h2>${escapeHtml(title)}</h2><dl>${rows
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`)
    .join('')}</dl>${changesHtml(node.recentChanges)}${sourcesHtml(node.sources)}`;
}

/** The family's latest changes (the change feed), newest first: what happened to it lately, and who wrote it. */
function changesHtml(
  changes: Array<{ sequence: number; at: string; kind: string; factType: string; factId: string; organizations: string[]; by: string }> | undefined,
): string {
  if (!changes) return '';
  if (!changes.length) return '<h3>Recent changes</h3><p class="hint">None among the latest changes of the feed.</p>';
  return `<h3>Recent changes</h3><ul class="changes">${changes
    .map(
      (c) =>
        `<li><span class="when">${escapeHtml(c.at.slice(0, 16).replace('T', ' '))}</span> ${escapeHtml(c.kind.toLowerCase())} ` +
        `<a href="/explore?id=${encodeURIComponent(c.factId)}">${escapeHtml(c.factType)} ${escapeHtml(c.factId)}</a>` +
        `${c.organizations.length ? ` (${escapeHtml(c.organizations.join(', '))})` : ''} <span class="by">by ${escapeHtml(c.by)}</span></li>`,
    )
    .join('')}</ul>`;
}

cy.on('tap', 'node', (event) => {
  void expand(event.target.id());
});
cy.on('mouseover', 'node, edge', (event) => event.target.addClass('hover'));
cy.on('mouseout', 'node, edge', (event) => event.target.removeClass('hover'));

// Search box: ranked, typo-tolerant search over names and aliases.
const input = document.getElementById('search') as HTMLInputElement;
const results = document.getElementById('results')!;
let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const text = input.value.trim();
    if (!text) {
      results.innerHTML = '';
      return;
    }
    const { search } = await graphql<{ search: Array<{ type: string; node: { id: string; name?: string; title?: string } }> }>(
      'query($t: String!) { search(text: $t, first: 8) { type node { id ... on Organization { name } ... on Person { name } ... on Market { name } ... on Source { title } } } }',
      { t: text },
    );
    results.innerHTML = search
      .map(
        (h) =>
          `<li data-id="${escapeHtml(h.node.id)}">${escapeHtml(h.node.name ?? h.node.title ?? h.node.id)} <small>${escapeHtml(h.type.toLowerCase())}</small></li>`,
      )
      .join('');
  }, 200);
});
results.addEventListener('click', (event) => {
  const li = (event.target as HTMLElement).closest('li');
  if (!li) return;
  results.innerHTML = '';
  input.value = '';
  cy.elements().remove();
  history.replaceState(null, '', `?id=${encodeURIComponent(li.dataset.id!)}`);
  void expand(li.dataset.id!);
});
document.getElementById('search-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  (results.querySelector('li') as HTMLElement | null)?.click();
});

document.getElementById('legend')!.innerHTML = Object.entries(COLORS)
  .map(([type, color]) => `<span><i style="background:${color}"></i>${type}</span>`)
  .join('');

const initial = new URLSearchParams(window.location.search).get('id');
const ready = initial ? expand(initial) : Promise.resolve();
// For tests and for the curious: the picture's state, and a promise that settles when it is drawn.
(window as unknown as { corpgraphExplorer: unknown }).corpgraphExplorer = { cy, ready, expand };
