import type { FuzzyDate } from '../../ingest/dates-and-quantities';
import type { FoundAmount } from '../amounts';
import type { Token } from '../parser/parse-tree';
import { agents, datesOf, moneyIn, patients, priceOf, verbLemma } from '../reading/arguments';
import type { EntityRef, SentenceView } from '../reading/sentence-view';
import { finding, type Finding } from './finding';

/**
 * Acquisitions, read from the parse: a buying verb's agent and patient (in any voice, in a relative
 * clause, sharing a subject with "agreed"), a deal noun with its possessor and "of" ("its $27.7 billion
 * purchase of Slack", "the takeover of Y by X"), and "paid $N for Y". The status comes from the verbs
 * that govern the deal (completed, agreed, abandoned) and the tense; each date is the announcement's
 * or the completion's by the verb it belongs to; the price is the money the deal or its target is for.
 */
export const ACQUISITION_WORDS = {
  /** Verbs whose agent acquires their patient. */
  buy: ['buy', 'acquire', 'purchase', 'take over', 'snap up', 'buy out'],
  /** Nouns naming a deal: the possessor (or "by") acquires the object of "of". */
  deal: ['acquisition', 'purchase', 'takeover', 'buyout', 'deal'],
  /** Verbs that complete a deal ("completed the takeover", "the purchase closed"). */
  complete: ['complete', 'close', 'finalize', 'finalise', 'wrap up', 'seal'],
  /** Verbs that announce one ("agreed to buy", "announced its acquisition"). */
  announce: ['agree', 'announce', 'sign', 'strike', 'unveil', 'offer', 'plan', 'propose', 'bid', 'seek', 'expect', 'set', 'aim', 'want'],
  /** Verbs that end one unfinished ("abandoned its purchase of Figma"). */
  abandon: ['abandon', 'terminate', 'scrap', 'drop', 'call off', 'walk away', 'cancel', 'end'],
};

const is = (words: readonly string[], lemma: string) => words.includes(lemma);

interface Deal {
  acquirer: EntityRef;
  target: EntityRef;
  status: 'ANNOUNCED' | 'COMPLETED' | 'TERMINATED';
  price?: FoundAmount;
  announced?: FuzzyDate;
  completed?: FuzzyDate;
  tokens: Token[];
  pattern: string;
}

export function readAcquisitions(view: SentenceView): Finding[] {
  const tree = view.tree;
  const deals: Deal[] = [];
  const add = (deal: Deal) => {
    if (deal.acquirer.id === deal.target.id) return;
    const same = deals.find((d) => d.target.id === deal.target.id && d.acquirer.id === deal.acquirer.id);
    if (!same) return void deals.push(deal);
    same.price ??= deal.price;
    same.announced ??= deal.announced;
    same.completed ??= deal.completed;
    if (deal.status !== 'ANNOUNCED') same.status = deal.status;
  };

  for (const v of view.tokens) {
    const lemma = verbLemma(tree, v);
    if ((v.pos === 'VERB' || v.pos === 'AUX') && is(ACQUISITION_WORDS.buy, lemma)) {
      const targets = patients(tree, v).flatMap((t) => tree.withConjuncts(t));
      const acquirers = agents(tree, v).flatMap((a) => view.entities(a, 'Organization'));
      if (acquirers.length !== 1) continue;
      const governing = governingVerbs(view, v);
      for (const t of targets) {
        // "after agreeing to buy it": "it" is the deal's target told just before, not its buyer.
        const target = /^it$/i.test(t.text) && deals.length ? deals[deals.length - 1].target : view.entity(t, 'Organization');
        if (!target) continue;
        const status = statusOf(view, v, governing);
        const dates = [...ownDates(view, t), ...datesOf(view, v).map((d) => d.date)];
        const deal: Deal = { acquirer: acquirers[0], target, status, tokens: [v, t], pattern: `verb:${lemma}` };
        deal.price = priceOf(view, t) ?? (targets.length === 1 ? (priceOf(view, v) ?? governing.map((g) => priceOf(view, g)).find(Boolean)) : undefined);
        if (dates[0]) deal[status === 'COMPLETED' ? 'completed' : 'announced'] = dates[0];
        dateFromGoverning(view, deal, governing);
        add(deal);
      }
    }
    if (v.pos === 'VERB' && v.lemma === 'pay') {
      // "paid $19 billion for WhatsApp"
      const acquirer = agents(tree, v).flatMap((a) => view.entities(a, 'Organization'))[0];
      for (const t of tree.prepObjects(v, 'for')) {
        const target = view.entity(t, 'Organization');
        const price = moneyIn(view, tree.child(v, 'dobj') ?? t);
        if (acquirer && target && price)
          add({ acquirer, target, status: 'COMPLETED', price, completed: datesOf(view, v)[0]?.date, tokens: [v, t], pattern: 'verb:pay for' });
      }
    }
    if (v.pos === 'NOUN' && is(ACQUISITION_WORDS.deal, v.lemma)) {
      const targetTokens = tree.prepObjects(v, 'of');
      if (!targetTokens.length) continue;
      const governor = tree.head(v);
      const poss = tree.child(v, 'poss');
      const by = tree.prepObjects(v, 'by')[0];
      const possRef = poss ? view.entity(poss, 'Organization') : null;
      // "X completed its purchase of Y": the possessive pronoun is the governing verb's agent.
      const agentRef =
        governor && (governor.pos === 'VERB' || governor.pos === 'AUX') && ['dobj', 'nsubjpass'].includes(v.dep)
          ? agents(tree, governor).flatMap((a) => view.entities(a, 'Organization'))[0]
          : undefined;
      const acquirer =
        (by ? view.entity(by, 'Organization') : null) ?? (poss && /^(?:its|their)$/i.test(poss.text) && agentRef ? agentRef : possRef) ?? agentRef ?? null;
      if (!acquirer) continue;
      const status = nounStatus(view, v);
      for (const t of targetTokens.flatMap((x) => tree.withConjuncts(x))) {
        const target = view.entity(t, 'Organization');
        if (!target) continue;
        const price =
          tree
            .children(v, 'nummod', 'compound', 'amod', 'quantmod')
            .map((m) => moneyIn(view, m))
            .find(Boolean) ?? priceOf(view, v);
        const deal: Deal = { acquirer, target, status, price, tokens: [poss ?? by ?? v, v, t], pattern: `noun:${v.lemma}` };
        const verb = governor && (governor.pos === 'VERB' || governor.pos === 'AUX') ? governor : undefined;
        const date = verb ? datesOf(view, verb)[0]?.date : undefined;
        if (date) deal[status === 'COMPLETED' ? 'completed' : 'announced'] = date;
        add(deal);
      }
    }
  }
  return deals.map((d) => {
    const fields: Record<string, unknown> = { status: d.status };
    if (d.price)
      fields.price = {
        amount: d.price.quantity.value ?? d.price.quantity.min ?? d.price.quantity.max,
        currency: d.price.currency,
        qualifier: d.price.quantity.qualifier,
        text: d.price.text,
      };
    if (d.announced) fields.announced = d.announced;
    if (d.completed) fields.completed = d.completed;
    const priceTokens = d.price ? view.tokens.filter((t) => t.start >= d.price!.start && t.end <= d.price!.end) : [];
    return finding('Acquisition', view, d.pattern, { acquirer: d.acquirer, target: d.target }, fields, [...d.tokens, ...priceTokens]);
  });
}

/** The verbs a buying verb depends on ("agreed" of "agreed to buy") and those joined to it ("... and completed the takeover"). */
function governingVerbs(view: SentenceView, v: Token): Token[] {
  const tree = view.tree;
  const out: Token[] = [];
  for (let x: Token | null = v; x && (x.dep === 'xcomp' || x.dep === 'ccomp') && out.length < 4;) {
    x = tree.head(x);
    if (x) out.push(x);
  }
  // Verbs joined to it or to what governs it, acting on a deal noun without an object of its own.
  for (const base of [v, ...out])
    for (const c of [...tree.children(base, 'conj'), ...(base.dep === 'conj' && tree.head(base) ? [tree.head(base)!] : [])])
      if (c.pos === 'VERB' && tree.children(c, 'dobj').some((o) => is(ACQUISITION_WORDS.deal, o.lemma) && !tree.prepObjects(o, 'of').length)) out.push(c);
  return out;
}

function statusOf(view: SentenceView, v: Token, governing: Token[]): Deal['status'] {
  const tree = view.tree;
  if (governing.some((g) => is(ACQUISITION_WORDS.abandon, verbLemma(tree, g)))) return 'TERMINATED';
  if (governing.some((g) => is(ACQUISITION_WORDS.complete, verbLemma(tree, g)))) return 'COMPLETED';
  if (governing.some((g) => is(ACQUISITION_WORDS.announce, verbLemma(tree, g)))) return 'ANNOUNCED';
  if (tree.isFuture(v) || v.tag === 'VB' || v.tag === 'VBZ' || v.tag === 'VBP' || v.tag === 'VBG') return 'ANNOUNCED';
  return 'COMPLETED';
}

function nounStatus(view: SentenceView, n: Token): Deal['status'] {
  const tree = view.tree;
  for (const a of tree.ancestors(n).slice(0, 3)) {
    const lemma = verbLemma(tree, a);
    if (is(ACQUISITION_WORDS.abandon, lemma)) return 'TERMINATED';
    if (is(ACQUISITION_WORDS.complete, lemma)) return 'COMPLETED';
    if (is(ACQUISITION_WORDS.announce, lemma)) return 'ANNOUNCED';
    if (a.pos === 'ADP' && ['after', 'following', 'since'].includes(a.lemma)) return 'COMPLETED';
  }
  // "Its purchase of Slack closed in July", "... which closed in October".
  const closing = [...tree.children(n, 'relcl'), ...(n.dep === 'nsubj' && tree.head(n) ? [tree.head(n)!] : [])];
  if (closing.some((c) => is(ACQUISITION_WORDS.complete, verbLemma(tree, c)))) return 'COMPLETED';
  return 'ANNOUNCED';
}

/** Dates written on the target itself ("NetSuite for $9.3 billion in 2016"). */
function ownDates(view: SentenceView, t: Token): FuzzyDate[] {
  return view.tree
    .prepObjects(t, 'in', 'on')
    .map((o) => view.date(o)?.date)
    .filter((d): d is FuzzyDate => Boolean(d));
}

/** The announcement's date from "agreed in May to buy", the completion's from "completed the takeover on March 18". */
function dateFromGoverning(view: SentenceView, deal: Deal, governing: Token[]): void {
  for (const g of governing) {
    const date = datesOf(view, g)[0]?.date;
    if (!date) continue;
    const lemma = verbLemma(view.tree, g);
    if (is(ACQUISITION_WORDS.complete, lemma)) {
      deal.completed ??= date;
      deal.status = 'COMPLETED';
    } else if (is(ACQUISITION_WORDS.announce, lemma)) deal.announced ??= date;
  }
}
