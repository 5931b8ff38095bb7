import type { FuzzyDate } from '../../ingest/dates-and-quantities';
import type { FoundAmount } from '../amounts';
import type { ParseTree, Token } from '../parser/parse-tree';
import type { SentenceView } from './sentence-view';

/**
 * Who does what to whom, whatever the word order: a verb's agent and patient through the passive
 * ("was acquired by X"), relative clauses ("Y, which X bought"; "X, which bought Y"), control and
 * coordination ("X agreed to buy Y and completed ..."), and participles ("Y, acquired by X in 2021").
 * What semgrex or spaCy's DependencyMatcher write as edges, written once here for every fact reader.
 */
const RELATIVE = new Set(['which', 'that', 'who', 'whom', 'whose']);
const isRelative = (t: Token) => RELATIVE.has(t.text.toLowerCase());
/** Clauses that share their governor's subject ("agreed to buy", "... and completed"). */
const SHARES_SUBJECT = new Set(['xcomp', 'conj', 'advcl', 'pcomp']);

/** The doers of a verb. */
export function agents(tree: ParseTree, verb: Token, depth = 0): Token[] {
  if (depth > 6) return [];
  const byAgent = tree.prepObjects(verb, 'by').filter((t) => tree.children(verb, 'agent').some((a) => tree.within(t, a)));
  if (byAgent.length) return byAgent;
  const subject = tree.child(verb, 'nsubj', 'csubj');
  if (subject) return [isRelative(subject) && verb.dep === 'relcl' ? tree.tokens[verb.head] : subject];
  if (tree.child(verb, 'nsubjpass')) return [];
  const head = tree.head(verb);
  if (!head) return [];
  if (verb.dep === 'relcl' || (verb.dep === 'acl' && verb.tag === 'VBG')) return [head];
  if (SHARES_SUBJECT.has(verb.dep) || (verb.dep === 'conj' && head.pos === 'VERB')) return agents(tree, head, depth + 1);
  return [];
}

/** What a verb acts on. */
export function patients(tree: ParseTree, verb: Token): Token[] {
  const passive = tree.child(verb, 'nsubjpass');
  if (passive) return [isRelative(passive) && verb.dep === 'relcl' ? tree.tokens[verb.head] : passive];
  const object = tree.child(verb, 'dobj', 'obj');
  if (object) return [isRelative(object) && verb.dep === 'relcl' ? tree.tokens[verb.head] : object];
  const head = tree.head(verb);
  if (head && verb.dep === 'acl' && verb.tag === 'VBN') return [head];
  // "the company it bought": a relative clause without its pronoun.
  if (head && verb.dep === 'relcl' && tree.child(verb, 'nsubj')) return [head];
  return [];
}

/** The verb (or the clause's head) a token belongs to: its nearest governing verb. */
export function clauseOf(tree: ParseTree, t: Token): Token | null {
  for (const a of [t, ...tree.ancestors(t)]) if (a.pos === 'VERB' || a.pos === 'AUX') return a;
  return null;
}

/** The dates that belong to a clause (their nearest verb is it), in order. */
export function datesOf(view: SentenceView, clause: Token): Array<{ token: Token; date: FuzzyDate }> {
  const seen = new Set<unknown>();
  const out: Array<{ token: Token; date: FuzzyDate }> = [];
  for (const t of view.tokens) {
    const found = view.date(t);
    if (!found || seen.has(found)) continue;
    const head = view.tree.headOfSpan(found.start, found.end) ?? t;
    if (clauseOf(view.tree, head)?.i === clause.i) {
      seen.add(found);
      out.push({ token: head, date: found.date });
    }
  }
  return out;
}

/** A money amount a token governs through "for", "at", "worth" or "valued at" ("bought Y for $1 billion"). */
export function priceOf(view: SentenceView, t: Token): FoundAmount | undefined {
  const tree = view.tree;
  for (const o of [...tree.prepObjects(t, 'for', 'at'), ...tree.children(t, 'npadvmod', 'acomp')]) {
    const found = moneyIn(view, o);
    if (found) return found;
  }
  for (const v of tree.children(t, 'acl', 'amod')) if (['value', 'worth'].includes(v.lemma)) for (const o of tree.prepObjects(v, 'at')) return moneyIn(view, o);
  return undefined;
}

/** The money amount a token's subtree holds (the token itself first). */
export function moneyIn(view: SentenceView, t: Token): FoundAmount | undefined {
  const direct = view.amount(t);
  if (direct?.kind === 'MONEY') return direct;
  return view.tree
    .subtree(t)
    .map((u) => view.amount(u))
    .find((a) => a?.kind === 'MONEY');
}

/** Phrasal verbs as one lemma: "lay off", "step down", "take over", "pull out". */
export function verbLemma(tree: ParseTree, verb: Token): string {
  const particle = tree.child(verb, 'prt');
  return particle ? `${verb.lemma} ${particle.lemma}` : verb.lemma;
}
