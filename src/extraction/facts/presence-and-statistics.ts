import type { Token } from '../parser/parse-tree';
import { agents, datesOf, verbLemma } from '../reading/arguments';
import type { SentenceView } from '../reading/sentence-view';
import { finding, type Finding } from './finding';

/**
 * Market entries and exits, a company's workforce, and a market's statistics, read from the parse.
 * Presence: a verb of leaving or entering whose object (or "from"/"in"/"into" object) is a market,
 * its tense telling done from under way, and why ("because of ...", "citing ..."); an organization
 * described as a platform or service of a segment the graph knows. Workforce: "X had/employs N
 * employees". Market statistics: "the number of <things> in <market> peaked at N in <year>", and a
 * forecast of the same figure right after it.
 */
export const PRESENCE_WORDS = {
  exit: ['withdraw', 'exit', 'leave', 'pull out', 'shut down', 'close', 'suspend', 'quit'],
  entry: ['enter', 'expand', 'launch', 'open'],
  reason: ['because', 'due', 'citing', 'cite', 'owing', 'after', 'amid'],
  descriptor: ['platform', 'service', 'company', 'provider', 'maker', 'business', 'network', 'giant'],
};
export const WORKFORCE_WORDS = { verbs: ['have', 'employ'], nouns: ['employee', 'worker', 'staff', 'people', 'person'] };
export const METRIC_WORDS = {
  rise: ['peak', 'rise', 'fall', 'reach', 'be', 'total', 'hit', 'climb', 'drop'],
  forecast: ['predict', 'expect', 'forecast', 'estimate', 'project'],
};

export function readPresences(view: SentenceView): Finding[] {
  const tree = view.tree;
  const out: Finding[] = [];
  for (const v of view.tokens) {
    if (v.pos !== 'VERB') continue;
    const lemma = verbLemma(tree, v);
    const exit = PRESENCE_WORDS.exit.includes(lemma);
    if (!exit && !PRESENCE_WORDS.entry.includes(lemma)) continue;
    // "exiting the Russian market": the market named by the word on "market".
    const places = [...tree.children(v, 'dobj'), ...tree.prepObjects(v, 'from', 'in', 'into', 'of')].flatMap((p) => [
      p,
      ...tree.prepObjects(p, 'in'),
      ...(p.lemma === 'market' ? tree.children(p, 'amod', 'compound') : []),
    ]);
    const org = agents(tree, v).map((a) => view.entity(a, 'Organization'))[0];
    if (!org) continue;
    for (const p of places) {
      const market = view.entity(p, 'Market');
      if (!market || out.some((f) => f.refs.organization.id === org.id && f.refs.market.id === market.id)) continue;
      if (!exit && lemma === 'open' && !tree.children(v, 'dobj').some((o) => tree.children(o, 'amod').some((a) => a.lemma === 'first'))) continue;
      const done = v.tag === 'VBD' || (v.tag === 'VBN' && tree.children(v, 'aux').some((a) => a.lemma === 'have'));
      const future = tree.isFuture(v) || v.tag === 'VBG' || v.tag === 'VB';
      const status = exit ? (done && !future ? 'EXITED' : 'EXITING') : done && !future ? 'ACTIVE' : 'ENTERING';
      const fields: Record<string, unknown> = { status };
      const reason = reasonOf(view, v);
      if (reason) fields[exit ? 'exitReason' : 'entryReason'] = reason;
      const date = datesOf(view, v)[0]?.date ?? datesOf(view, tree.head(v) ?? v)[0]?.date;
      if (date && exit) fields[status === 'EXITED' ? 'until' : 'exitAnnounced'] = date;
      if (date && !exit) fields.since = date;
      out.push(finding('MarketPresence', view, `verb:${lemma}`, { organization: org, market }, fields, [v, p]));
    }
  }
  // "Twitch, a video streaming platform": active in a segment the graph knows.
  for (const n of view.tokens) {
    if (!PRESENCE_WORDS.descriptor.includes(n.lemma) || n.dep !== 'appos') continue;
    const org = view.entity(view.tree.head(n) ?? undefined, 'Organization');
    const segment = view.tokens.find((t) => t.i < n.i && view.tree.within(t, n) && view.mention(t)?.type === 'Market');
    const market = segment ? view.entity(segment, 'Market') : null;
    if (org && market && !out.some((f) => f.refs.organization.id === org.id && f.refs.market.id === market.id))
      out.push(finding('MarketPresence', view, 'appos:descriptor', { organization: org, market }, { status: 'ACTIVE' }, [segment, n]));
  }
  return out;
}

/** Why, as the clause says it: the words governed by "because of", "citing", "due to"... */
function reasonOf(view: SentenceView, v: Token): string | undefined {
  const tree = view.tree;
  for (const c of tree.children(v, 'prep', 'advcl', 'mark')) {
    if (!PRESENCE_WORDS.reason.includes(c.lemma)) continue;
    const words = tree.subtree(c).filter((t) => !view.mention(t) || view.mention(t)!.type !== 'Organization');
    const text = view.span(words[0], words[words.length - 1]).replace(/^(?:because of|because|due to|citing|owing to|after|amid)\s+/i, '');
    return text.replace(/[.,;]$/, '').trim() || undefined;
  }
  return undefined;
}

export function readStatistics(view: SentenceView, previous: Finding | null): Finding[] {
  const tree = view.tree;
  const out: Finding[] = [];
  for (const v of view.tokens) {
    if (v.pos !== 'VERB' && v.pos !== 'AUX') continue;
    // "X had about 22,000 employees"
    if (WORKFORCE_WORDS.verbs.includes(v.lemma)) {
      const object = tree.child(v, 'dobj');
      const org = agents(tree, v).map((a) => view.entity(a, 'Organization'))[0];
      if (!object || !org || !WORKFORCE_WORDS.nouns.includes(object.lemma)) continue;
      const count = tree
        .children(object, 'nummod')
        .map((n) => view.amount(n))
        .find((a) => a?.kind === 'COUNT');
      if (!count) continue;
      const date = datesOf(view, v)[0]?.date;
      out.push(
        finding('Statistic', view, 'verb:employ', { subject: org }, { property: 'employees', quantity: count.quantity, ...(date ? { date } : {}) }, [
          v,
          object,
        ]),
      );
    }
    // "the number of scripted shows released in the United States peaked at 599 in 2022"
    if (METRIC_WORDS.rise.includes(v.lemma)) {
      const subject = tree.child(v, 'nsubj');
      if (!subject || subject.lemma !== 'number') continue;
      const what = tree.prepObjects(subject, 'of')[0];
      const place = what ? tree.subtree(what).find((t) => view.mention(t)?.type === 'Market') : undefined;
      const market = place ? view.entity(place, 'Market') : null;
      const value = [...tree.prepObjects(v, 'at', 'to'), ...tree.children(v, 'dobj', 'attr')].map((o) => view.amount(o)).find((a) => a?.kind === 'COUNT');
      const period = datesOf(view, v)[0]?.date;
      if (!market || !what || !value || !period) continue;
      const described = tree.subtree(what).filter((t) => t.i < (place?.i ?? Infinity) && !['in', 'the'].includes(t.text.toLowerCase()));
      const words = view.span(described[0], described[described.length - 1]).replace(/\s+(?:in|across)(?:\s+the)?$/, '');
      const name = words.charAt(0).toUpperCase() + words.slice(1);
      out.push(
        finding('MarketMetric', view, 'number of ... peaked at', { market }, { name, unit: what.text, basis: 'ACTUAL', period, value: value.quantity }, [
          subject,
          v,
          place,
        ]),
      );
    }
    // "Industry experts predict only 400 will be made this year": a forecast of the figure just given.
    if (METRIC_WORDS.forecast.includes(v.lemma) && previous?.type === 'MarketMetric') {
      const clause = tree.children(v, 'ccomp')[0];
      if (!clause) continue;
      const count = tree
        .subtree(clause)
        .map((t) => view.amount(t))
        .find((a) => a?.kind === 'COUNT');
      const period = datesOf(view, clause)[0]?.date;
      if (count && period)
        out.push(
          finding('MarketMetric', view, 'forecast', previous.refs, { ...previous.fields, basis: 'FORECAST', period, value: count.quantity }, [v, clause]),
        );
    }
  }
  return out;
}
