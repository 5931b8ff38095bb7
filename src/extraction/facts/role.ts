import type { FuzzyDate } from '../../ingest/dates-and-quantities';
import type { Token } from '../parser/parse-tree';
import { agents, datesOf, verbLemma } from '../reading/arguments';
import { type EntityRef, type SentenceView } from '../reading/sentence-view';
import { TITLE_WORDS, TITLES } from '../reading/titles';
import { finding, type Finding } from './finding';

/**
 * Roles, read from the parse around a title: the title as a compound on a name ("Chief Executive
 * Officer Andy Jassy"), in apposition either way ("X, the chief executive of Y"; "Y's chief executive,
 * X"), as what someone is, becomes or is named ("was named CEO of Y"), or after "as" ("will take over as
 * Y's chief executive", "stepped down as chair"). The organization is the title's possessor, its "of" or
 * "at", or a name compounded on it; else the one the sentence, or the one before, is about. The verb
 * the person does tells whether the role starts or ends, and its date is the role's.
 */
/** The word a title ends on (its head in the parse). */
const TITLE_HEADS = new Set([
  'executive',
  'officer',
  'president',
  'chair',
  'chairman',
  'chairwoman',
  'chairperson',
  'ceo',
  'cfo',
  'coo',
  'cto',
  'founder',
  'co-founder',
  'cofounder',
  'chief',
  'member',
]);
/** Verbs of a person that start a role, and that end one. */
export const ROLE_VERBS = {
  start: [
    'take over',
    'become',
    'join',
    'succeed',
    'name',
    'appoint',
    'promote',
    'hire',
    'elect',
    'return',
    'step in',
    'take',
    'tap',
    'pick',
    'choose',
    'select',
    'replace',
  ],
  end: ['step down', 'resign', 'retire', 'leave', 'depart', 'quit', 'exit', 'oust', 'fire', 'step aside', 'stand down', 'remove'],
};

export function roleTypeOf(title: string): string {
  const words = title.toLowerCase().replace(/^(?:former|interim|new|then|acting)\s+/, '');
  return TITLES.find((t) => words === t.words || words.endsWith(` ${t.words}`) || words.startsWith(`${t.words} `))?.roleType ?? 'OTHER';
}

/** A title as a record writes it ("Chief Executive Officer", "CFO"), whatever the case it was written in. */
export const titleCase = (title: string) =>
  title
    .split(/(\s+|-)/)
    .map((w) =>
      /^(?:and|of|at)$/i.test(w) ? w.toLowerCase() : /^(?:ceo|cfo|coo|cto)$/i.test(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(),
    )
    .join('');

/** The title whose head is t: its title words before it, contiguous ("chief executive officer"). */
function titleTokens(view: SentenceView, t: Token): Token[] | null {
  if (!TITLE_HEADS.has(t.text.toLowerCase()) || (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'ADJ')) return null;
  const tree = view.tree;
  // A title word modifying another title word is part of that title, not a title of its own.
  const head = tree.head(t);
  if (head && ['compound', 'amod'].includes(t.dep) && TITLE_HEADS.has(head.text.toLowerCase()) && head.i === t.i + 1) return null;
  let from = t.i;
  while (from > 0) {
    const before = view.tokens[from - 1];
    if (!TITLE_WORDS.has(before.text.toLowerCase()) && !/^(?:co|vice)-/i.test(before.text) && before.text !== 'board') break;
    if (['former', 'mr.', 'ms.', 'mrs.', 'dr.'].includes(before.text.toLowerCase())) break;
    from -= 1;
  }
  const words = view.tokens.slice(from, t.i + 1);
  return roleTypeOf(words.map((w) => w.text).join(' ')) === 'OTHER' ? null : words;
}

export function readRoles(view: SentenceView): Finding[] {
  const tree = view.tree;
  const out: Finding[] = [];
  for (const t of view.tokens) {
    const title = titleTokens(view, t);
    if (!title) continue;
    const first = title[0];
    if (first.i > 0 && /^(?:former|then|ex-)$/i.test(view.tokens[first.i - 1].text)) continue;
    const found = personOf(view, t);
    if (!found) continue;
    const { person, personToken, verb } = found;
    const org =
      organizationOf(view, t, title) ??
      (personToken
        ? tree
            .children(personToken, 'compound')
            .map((c) => view.entity(c, 'Organization'))
            .find(Boolean)
        : null) ??
      (verb && ['join', 'leave'].includes(verb.lemma) ? view.entity(tree.child(verb, 'dobj'), 'Organization') : null) ??
      sentenceOrganization(view, t);
    if (!org || org.id === person.id) continue;
    if (
      out.some(
        (f) =>
          f.refs.person.id === person.id && f.refs.organization.id === org.id && f.fields.roleType === roleTypeOf(view.span(title[0], title[title.length - 1])),
      )
    )
      continue;
    const titleText = view.span(title[0], title[title.length - 1]);
    const fields: Record<string, unknown> = { title: titleCase(titleText), roleType: roleTypeOf(titleText) };
    const change = verb ? verbLemma(tree, verb) : '';
    const date = verb ? datesOf(view, verb)[0]?.date : undefined;
    if (ROLE_VERBS.end.includes(change) && !(change === 'replace' && verb!.dep !== 'ROOT')) {
      fields.until = date ?? openEnd(view, verb!);
    } else if (ROLE_VERBS.start.includes(change) && date) fields.since = date;
    out.push(finding('Role', view, `title:${change || t.dep}`, { person, organization: org }, fields, [...title, personToken, verb]));
  }
  // "Ek, who co-founded the company"; "Jeff Bezos founded Amazon in 1994"
  for (const v of view.tokens) {
    if (v.pos !== 'VERB' || !['found', 'co-found', 'cofound'].includes(v.lemma)) continue;
    const person = agents(tree, v).map((a) => view.entity(a, 'Person'))[0];
    const org = view.entity(tree.child(v, 'dobj'), 'Organization');
    if (!person || !org || out.some((f) => f.refs.person.id === person.id && f.refs.organization.id === org.id && f.fields.roleType === 'FOUNDER')) continue;
    const date = datesOf(view, v)[0]?.date;
    const title = /^co/i.test(v.text) ? 'Co-founder' : 'Founder';
    out.push(
      finding('Role', view, 'verb:found', { person, organization: org }, { title, roleType: 'FOUNDER', ...(date ? { since: date } : {}) }, [
        v,
        tree.child(v, 'dobj'),
      ]),
    );
  }
  return out;
}

/** The person a title is of, with the verb that person does (which starts or ends it). */
function personOf(view: SentenceView, t: Token): { person: EntityRef; personToken?: Token; verb?: Token } | null {
  const tree = view.tree;
  const subjectVerb = (p: Token) => (['nsubj', 'nsubjpass'].includes(p.dep) ? (tree.head(p) ?? undefined) : undefined);
  const as = (p: Token | undefined) => {
    const person = view.entity(p, 'Person');
    return person && p ? { person, personToken: p, verb: subjectVerb(p) } : null;
  };
  // "Chief Executive Officer Andy Jassy"
  const head = tree.head(t);
  if (t.dep === 'compound' && head?.pos === 'PROPN') return as(head);
  // "Y's chief executive, X"; "X, the chief executive of Y"
  const appos = tree.child(t, 'appos');
  if (appos && view.entity(appos, 'Person')) return as(appos);
  if (t.dep === 'appos' && head) {
    const found = as(head);
    if (found) return found;
  }
  // "X is the CEO of Y", "X was named CEO", "X became chief executive"
  if (['attr', 'oprd', 'acomp'].includes(t.dep) && head) {
    const p = tree.child(head, 'nsubjpass') ?? agents(tree, head)[0];
    const person = view.entity(p, 'Person');
    if (person) return { person, personToken: p, verb: head };
  }
  // "X will take over as Y's chief executive", "X stepped down as chair"
  if (t.dep === 'pobj' && head?.lemma === 'as') {
    const verb = tree.head(head);
    if (verb) {
      const p = tree.child(verb, 'nsubjpass') ?? agents(tree, verb)[0];
      const person = view.entity(p, 'Person');
      if (person) return { person, personToken: p, verb };
    }
  }
  return null;
}

/** The organization a title names: its possessor, its "of" or "at", or a name compounded on it. */
function organizationOf(view: SentenceView, t: Token, title: Token[]): EntityRef | null {
  const tree = view.tree;
  const poss = tree.child(t, 'poss');
  if (poss) return view.entity(poss, 'Organization');
  for (const o of tree.prepObjects(t, 'of', 'at')) {
    const org = view.entity(o, 'Organization');
    if (org) return org;
  }
  for (const c of [...tree.children(t, 'compound', 'nmod', 'npadvmod'), ...title.flatMap((w) => tree.children(w, 'compound', 'poss'))]) {
    if (title.includes(c)) continue;
    const org = view.entity(c, 'Organization');
    if (org) return org;
  }
  return null;
}

/** The organization the sentence names first as a subject, else the one before. */
function sentenceOrganization(view: SentenceView, t: Token): EntityRef | null {
  const named = view.tokens.find((u) => u.i !== t.i && view.mention(u)?.type === 'Organization');
  return named ? view.entity(named, 'Organization') : (view.context.subject ?? view.context.main);
}

/** A role said to end without a date: by the article's date if done ("stepped down"), after it if to come ("will leave"). */
function openEnd(view: SentenceView, verb: Token): FuzzyDate {
  const published = view.published;
  return view.tree.isFuture(verb)
    ? { earliest: published.earliest, latest: null, precision: 'RANGE', text: `after ${published.text ?? published.earliest}` }
    : { earliest: null, latest: published.latest, precision: 'RANGE', text: `by ${published.text ?? published.latest}` };
}
