import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config';
import { loadRecords } from '../../src/ingest/importer';
import { resolveEmployerNames } from '../../src/resolution/auto-resolve';
import { openTestGraph, testConfig, TestApi, TestGraph, WRITER } from '../helpers/graph';

/**
 * The offline pages in a real browser: Debian's Chromium driven by playwright-core (the test command
 * installs it: scripts/ensure-test-tools.sh). Screenshots go to test-results/.
 */
/** The page's global object, inside page.evaluate callbacks (the tests compile without DOM types). */
declare const window: any;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(PROJECT_ROOT, 'test-results');
let db: TestGraph;
let api: TestApi;
let browser: Browser;
let base: string;
const REVIEWER_TOKEN = 'reviewer-token-0123456789abcdef';

beforeAll(async () => {
  db = openTestGraph();
  api = new TestApi(db.graph, testConfig({ API_KEYS: `reviewer:${REVIEWER_TOKEN}` }));
  base = `http://127.0.0.1:${await api.listen()}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await api.stop();
  await db.close();
});

/** What the pages' Content-Security-Policy refused (Chromium reports it on the console): nothing, after every test. */
const refused: string[] = [];
afterEach(() => expect(refused.splice(0)).toEqual([]));

/** A page that records every request it makes, to prove nothing leaves the machine, and anything its policy refuses. */
async function openPage(url: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(`${url}: ${m.text()}`);
  });
  const response = await page.goto(url);
  // The policy the page works under: the service's own, strict one.
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
  return { page, requests };
}

describe('/graphiql', () => {
  it('runs a typed query from the project bundle, with no CDN', async () => {
    const { page, requests } = await openPage(`${base}/graphiql`);
    const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{ company(id: "twitch") { name acquiredBy { acquirer { name } price { text } } } }');
    // GraphiQL re-reads the operation a moment after the last keystroke; run it once it has.
    await page.waitForTimeout(750);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('$970 million').waitFor({ timeout: 15000 });
    expect(await result.textContent()).toContain('"name": "Amazon"');
    await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql.png') });
    expect(requests.every((u) => u.startsWith(base) || u.startsWith('data:'))).toBe(true);
    await page.close();
  });
});

describe('/explore', () => {
  it('draws Twitch with Amazon and Dan Clancy, expands a node on click and shows its sources', async () => {
    const { page, requests } = await openPage(`${base}/explore?id=twitch`);
    await page.waitForFunction(() => (window as any).corpgraphExplorer !== undefined);
    await page.evaluate(() => (window as any).corpgraphExplorer.ready);
    const labels = () => page.evaluate(() => (window as any).corpgraphExplorer.cy.nodes().map((n: any) => n.data('label')) as string[]);
    const before = await labels();
    expect(before).toEqual(expect.arrayContaining(['Twitch', 'Amazon', 'Dan Clancy']));
    await page.locator('#panel h2').getByText('Twitch').waitFor();
    const positions = () =>
      page.evaluate(
        () =>
          Object.fromEntries((window as any).corpgraphExplorer.cy.nodes().map((n: any) => [n.id(), n.position()])) as Record<string, { x: number; y: number }>,
      );
    const placed = await positions();

    // Click the Amazon node where it is drawn.
    const box = (await page.locator('#graph').boundingBox())!;
    const at = await page.evaluate(() => (window as any).corpgraphExplorer.cy.getElementById('amazon').renderedPosition());
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForFunction((n) => (window as any).corpgraphExplorer.cy.nodes().length > n, before.length, { timeout: 15000 });
    expect(await labels()).toEqual(expect.arrayContaining(['MGM', 'Alexa']));
    await page.locator('#panel h2').getByText('Amazon').waitFor();
    // The nodes already drawn kept their places: the expansion added around Amazon, it did not rearrange.
    const after = await positions();
    for (const [id, p] of Object.entries(placed)) expect([id, Math.round(Math.hypot(after[id].x - p.x, after[id].y - p.y))]).toEqual([id, 0]);
    // No two labels shown overlap (a hidden one shows on hover).
    const clashes = await page.evaluate(() => {
      const cy = (window as any).corpgraphExplorer.cy;
      const shown = cy
        .nodes()
        .filter((n: any) => !n.hasClass('quiet'))
        .map((n: any) => ({ id: n.id(), box: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) }));
      const hit = (a: any, b: any) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
      return shown.flatMap((a: any, i: number) =>
        shown
          .slice(i + 1)
          .filter((b: any) => hit(a.box, b.box))
          .map((b: any) => `${a.id}/${b.id}`),
      );
    });
    expect(clashes).toEqual([]);
    expect(await page.evaluate(() => (window as any).corpgraphExplorer.cy.nodes().filter((n: any) => !n.hasClass('quiet')).length)).toBeGreaterThan(5);
    expect(await page.locator('#panel .sources').textContent()).toContain('Amazon.com Announces Fourth Quarter Results');

    await page.screenshot({ path: path.join(ARTIFACTS, 'explore-twitch.png') });
    expect(fs.statSync(path.join(ARTIFACTS, 'explore-twitch.png')).size).toBeGreaterThan(10000);
    expect(requests.every((u) => u.startsWith(base))).toBe(true);
    await page.close();
  });

  it('says "not found" for an unknown id instead of a blank canvas', async () => {
    const { page } = await openPage(`${base}/explore?id=no-such-entity`);
    await page.waitForFunction(() => (window as any).corpgraphExplorer !== undefined);
    await page.evaluate(() => (window as any).corpgraphExplorer.ready);
    expect(await page.locator('#panel h2').textContent()).toBe('Not found');
    expect(await page.locator('#panel').textContent()).toContain('no-such-entity');
    await page.close();
  });

  it('finds an entity with the search box, typos forgiven', async () => {
    const { page } = await openPage(`${base}/explore`);
    await page.locator('#search').fill('Clancey');
    await page.locator('#results li').first().getByText('Dan Clancy').waitFor();
    await page.locator('#results li').first().click();
    await page.locator('#panel h2').getByText('Dan Clancy').waitFor();
    expect(await page.evaluate(() => (window as any).corpgraphExplorer.cy.getElementById('twitch').length)).toBe(1);
    await page.close();
  });
});

describe('/explore, recent changes', () => {
  const cleanUp = async () => {
    const session = db.driver.session();
    await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'wp-' DETACH DELETE n").finally(() => session.close());
  };
  afterAll(cleanUp);

  it('lists what happened lately in the family of the company shown, newest first, each linked', async () => {
    await cleanUp();
    const sources = [{ source: 'wp-src' }];
    await loadRecords(
      db.graph,
      [
        { type: 'Source', id: 'wp-src', kind: 'NEWS_ARTICLE', title: 'Explorer changes test' },
        { type: 'Organization', id: 'wp-co', kind: 'COMPANY', name: 'Wickpaper Holdings', sources },
        { type: 'Organization', id: 'wp-sub', kind: 'COMPANY', name: 'Wickpaper Mills', sources },
        { type: 'Ownership', id: 'wp-own', kind: 'SUBSIDIARY', child: 'wp-sub', parent: 'wp-co', sources },
      ].map((value, i) => ({ file: 'explore-fixture', line: i + 1, value })),
      [],
      { by: 'explorer-test' },
    );
    await api.data(
      'mutation($i: LayoffEventInput!) { upsertLayoffEvent(input: $i) { id } }',
      { i: { id: 'wp-layoff', organizations: ['wp-sub'], announced: { on: '2024-05-02' }, headcount: { min: 12, max: 12 }, sources } },
      WRITER,
    );
    const { page } = await openPage(`${base}/explore?id=wp-co`);
    await page.locator('#panel h2').getByText('Wickpaper Holdings').waitFor();
    const items = await page.locator('#panel ul.changes li').allTextContents();
    expect(items[0]).toMatch(/created LayoffEvent wp-layoff \(wp-sub\) by tests/);
    expect(items.some((t) => /created Ownership wp-own \(wp-co, wp-sub\) by explorer-test/.test(t))).toBe(true);
    expect(await page.locator('#panel ul.changes a').first().getAttribute('href')).toBe('/explore?id=wp-layoff');
    await page.close();
  });
});

describe('/explore, counts without wording', () => {
  afterAll(async () => {
    const session = db.driver.session();
    await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'wpq-' DETACH DELETE n").finally(() => session.close());
  });

  it("labels a notice that gives only a number (as WARN's do) with that number, in the picture, the panel and the timeline", async () => {
    const sources = [{ source: 'wpq-src' }];
    await loadRecords(
      db.graph,
      [
        { type: 'Source', id: 'wpq-src', kind: 'WARN_NOTICES', title: 'Quantity label test notices' },
        { type: 'Organization', id: 'wpq-co', kind: 'COMPANY', name: 'Quillon Freight', identifiers: [{ scheme: 'CIK', value: '9999300001' }], sources },
        { type: 'LayoffEvent', id: 'wpq-notice', organizations: ['wpq-co'], announced: { on: '2016-01-14' }, headcount: 143, sources },
        { type: 'LayoffEvent', id: 'wpq-unknown', organizations: ['wpq-co'], announced: { on: '2016-02-01' }, headcount: { qualifier: 'UNKNOWN' }, sources },
      ].map((value, i) => ({ file: 'quantity-fixture', line: i + 1, value })),
    );
    const { page } = await openPage(`${base}/explore?id=wpq-co`);
    await page.locator('#panel h2').getByText('Quillon Freight').waitFor();
    const labels = await page.evaluate(() => window.corpgraphExplorer.cy.nodes().map((n: any) => n.data('label')));
    expect(labels).toEqual(expect.arrayContaining(['Layoffs: 143 (2016-01)', 'Layoffs: number not given (2016-02)']));
    // The side panel: its identifiers, and its family's layoffs told from the roll-up.
    const panel = await page.locator('#panel').textContent();
    expect(panel).toContain('CIK 9999300001');
    expect(panel).toContain('2 notices, at least 143 jobs, 1 without a number');
    await page.evaluate(() => window.corpgraphExplorer.expand('wpq-notice'));
    await page.locator('#panel dd').getByText('143', { exact: true }).waitFor();
    await page.close();
    const { timelineOf } = await api.data('{ timelineOf(id: "wpq-co", kinds: [LAYOFF]) { summary } }');
    expect(timelineOf.map((e: { summary: string }) => e.summary)).toEqual(['Quillon Freight job cuts: 143', 'Quillon Freight job cuts: number not given']);
  });
});

describe('/review', () => {
  const cleanUp = async () => {
    const session = db.driver.session();
    try {
      await session.run("MATCH (d:Decision) WHERE d.subjectKey STARTS WITH 'name:Quillfeather' DETACH DELETE d");
      await session.run(
        "MATCH (n:Entity) WHERE n.id STARTS WITH 'rv-' OR n.id STARTS WITH 'est-quillfeather' OR n.id STARTS WITH 'layoff-rv-' OR n.id STARTS WITH 'src-article-quillfeather' DETACH DELETE n",
      );
      await session.run("MATCH (x:Proposal)-[:PROPOSED_IN]->(e:Extraction {title: 'Quillfeather trims staff (test)'}) DETACH DELETE x, e");
    } finally {
      await session.close();
    }
  };
  beforeAll(async () => {
    await cleanUp();
    const sources = [{ source: 'rv-src', locator: 'row 1' }];
    await loadRecords(
      db.graph,
      [
        { type: 'Source', id: 'rv-src', kind: 'WARN_NOTICES', title: 'WARN notices, review test' },
        { type: 'Organization', id: 'rv-quill', kind: 'COMPANY', name: 'Quillfeather Paper Mills Inc.', country: 'US', sources },
        {
          type: 'LayoffEvent',
          id: 'rv-notice',
          employerName: 'Quillfeather Paper Mills Services',
          announced: '2023-02-01',
          headcount: { value: 35, qualifier: 'EXACT' },
          sources,
        },
      ].map((value, i) => ({ file: 'review-fixture', line: i + 1, value })),
    );
    await resolveEmployerNames(db.graph, { filter: (name) => name.startsWith('Quillfeather') });
  });
  afterAll(cleanUp);

  it('shows a proposal with both sides and its evidence, and a reviewer with a token accepts it', async () => {
    const { page, requests } = await openPage(`${base}/review`);
    await page.waitForFunction(() => (window as any).corpgraphReview !== undefined);
    await page.evaluate(() => (window as any).corpgraphReview.ready);
    // The queue says what it holds and what it covers, and groups names under the company they may be.
    expect(await page.locator('#queue-summary').textContent()).toMatch(/^[\d,]+ pending decisions in [\d,]+ groups, covering [\d,]+ notices and [\d,]+ jobs/);
    const group = page.locator('#queue li.group', { hasText: 'Quillfeather Paper Mills Inc.' });
    expect(await group.locator('.meta').last().textContent()).toContain('35 jobs');
    const item = group.locator('li.decision', { hasText: 'Quillfeather Paper Mills Services' });
    await item.click();
    await page.locator('.side h3', { hasText: 'Candidate' }).getByText('Quillfeather Paper Mills Inc.').waitFor();
    // The keys move through the queue as the mouse does: j to the next name, k back.
    const ids = await page.locator('#queue li.decision').evaluateAll((items) => items.map((li: any) => li.dataset.id as string));
    const at = ids.indexOf((await item.getAttribute('data-id'))!);
    const selected = () => page.locator('#queue li.decision.selected').getAttribute('data-id');
    await page.locator('#decision h2').click();
    await page.keyboard.press('j');
    await page.waitForFunction(
      (id) => (globalThis as any).document.querySelector('#queue li.decision.selected')?.getAttribute('data-id') === id,
      ids[Math.min(at + 1, ids.length - 1)],
    );
    await page.keyboard.press('k');
    await page.waitForFunction(
      (id) => (globalThis as any).document.querySelector('#queue li.decision.selected')?.getAttribute('data-id') === id,
      ids[at === ids.length - 1 ? Math.max(at - 1, 0) : at],
    );
    expect(await selected()).toBeTruthy();
    expect(await page.locator('.side').first().textContent()).toContain('35 jobs');
    expect(await page.locator('.evidence').textContent()).toContain('NAME_PREFIX');
    await page.screenshot({ path: path.join(ARTIFACTS, 'review.png') });

    // Without a token the API refuses, and the page says so.
    await page.locator('button', { hasText: /^Accept$/ }).click();
    await page.locator('#message.error').getByText('UNAUTHENTICATED').waitFor();
    await page.locator('#token').fill(REVIEWER_TOKEN);
    await page.locator('#token').dispatchEvent('change');
    await page.locator('#note').fill('same mill, services arm');
    await page.locator('button', { hasText: /^Accept$/ }).click();
    await page.locator('#message').getByText('Accept: done.').waitFor();
    const { layoffEvent } = await api.data('{ layoffEvent(id: "rv-notice") { organizations { id } } }');
    expect(layoffEvent.organizations.map((o: { id: string }) => o.id)).toHaveLength(1);
    const { resolutionDecisions } = await api.data('{ resolutionDecisions(filter: { entity: "rv-quill" }) { nodes { status decidedBy note } } }');
    expect(resolutionDecisions.nodes).toEqual([{ status: 'ACCEPTED', decidedBy: 'key:reviewer', note: 'same mill, services arm' }]);
    expect(requests.every((u) => u.startsWith(base))).toBe(true);
    await page.close();
  });

  it('shows an extracted fact in its passage with the quote marked, and a reviewer accepts it', async () => {
    const text = 'Quillfeather Paper Mills Inc. will cut about 80 jobs at its coastal mill, the company said on Monday. The mill opened in 1961.';
    const { extractArticle } = await api.data(
      'mutation($input: ArticleInput!) { extractArticle(input: $input, submit: true) { proposals { id factType recordId } } }',
      { input: { text, published: '2024-02-07', title: 'Quillfeather trims staff (test)' } },
      WRITER,
    );
    const cut = extractArticle.proposals.find((p: { factType: string }) => p.factType === 'LAYOFF_EVENT');
    const { page } = await openPage(`${base}/review?queue=facts`);
    await page.waitForFunction(() => (window as any).corpgraphReview !== undefined);
    await page.evaluate(() => (window as any).corpgraphReview.ready);
    await page.locator('#queue li', { hasText: 'Quillfeather Paper Mills Inc. cut about 80 jobs' }).click();
    await page.locator('.passage .quote').waitFor();
    expect(await page.locator('.passage .quote').textContent()).toContain('about 80 jobs');
    expect(await page.locator('.passage').textContent()).toContain('The mill opened in 1961.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'review-extracted.png') });
    await page.locator('#token').fill(REVIEWER_TOKEN);
    await page.locator('#token').dispatchEvent('change');
    await page.locator('button', { hasText: /^Accept$/ }).click();
    await page.locator('#message').getByText('Accept: done.').waitFor();
    const { node } = await api.data('query($id: ID!) { node(id: $id) { ... on LayoffEvent { headcount { text } sources { quote } } } }', { id: cut.recordId });
    expect(node).toEqual({ headcount: { text: 'about 80' }, sources: [{ quote: expect.stringContaining('cut about 80 jobs') }] });
    await page.close();
  });
});
