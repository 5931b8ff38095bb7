import type { Token } from '../parser/parse-tree';
import { agents, patients, verbLemma } from '../reading/arguments';
import type { EntityRef, SentenceView } from '../reading/sentence-view';
import { finding, type Finding } from './finding';

/**
 * Parent links, read from the parse: a unit noun in apposition or as what something is ("X, a
 * subsidiary of Y"; "X is a unit of Y"), a unit noun the parent possesses ("its subsidiary, Twitch";
 * "Amazon's Alexa unit"), "the parent of" and "Y's parent, X", and a verb of owning ("Y owns X").
 */
export const OWNERSHIP_WORDS = {
  /** Nouns of a part and the kind of link they make. */
  units: {
    subsidiary: 'SUBSIDIARY',
    affiliate: 'SUBSIDIARY',
    unit: 'DIVISION',
    division: 'DIVISION',
    arm: 'DIVISION',
    segment: 'DIVISION',
    business: 'DIVISION',
  } as Record<string, 'SUBSIDIARY' | 'DIVISION'>,
  parent: ['parent', 'owner'],
  own: ['own', 'control'],
};

export function readOwnership(view: SentenceView): Finding[] {
  const tree = view.tree;
  const out: Finding[] = [];
  const add = (child: EntityRef | null, parent: EntityRef | null, kind: string, tokens: Token[], pattern: string) => {
    if (!child || !parent || child.id === parent.id || out.some((f) => f.refs.child.id === child.id)) return;
    out.push(finding('Ownership', view, pattern, { child, parent }, { kind }, tokens));
  };
  for (const n of view.tokens) {
    const kind = OWNERSHIP_WORDS.units[n.lemma];
    if (kind && n.pos === 'NOUN') {
      const parentToken = tree.prepObjects(n, 'of')[0] ?? tree.child(n, 'poss');
      const parent = parentToken ? view.entity(parentToken, 'Organization') : null;
      const head = tree.head(n);
      // "X, a subsidiary of Y" / "its subsidiary, X" / "X is a unit of Y" / "Amazon's Alexa unit"
      const childTokens = [
        ...(n.dep === 'appos' && head ? [head] : []),
        ...tree.children(n, 'appos'),
        ...(['attr'].includes(n.dep) && head ? tree.children(head, 'nsubj') : []),
        ...tree.children(n, 'compound').filter((c) => view.mention(c)),
      ];
      for (const c of childTokens) add(view.entity(c, 'Organization'), parent, kind, [c, n, ...(parentToken ? [parentToken] : [])], `unit:${n.lemma}`);
    }
    if (OWNERSHIP_WORDS.parent.includes(n.lemma) && n.pos === 'NOUN') {
      const head = tree.head(n);
      // "Y, the parent of X" / "Y is the parent company of X"
      const parentToken = n.dep === 'appos' ? head : n.dep === 'attr' && head ? tree.child(head, 'nsubj') : undefined;
      const of = tree.prepObjects(n, 'of')[0] ?? (head && n.dep === 'compound' ? tree.prepObjects(head, 'of')[0] : undefined);
      if (parentToken && of)
        add(view.entity(of, 'Organization'), view.entity(parentToken, 'Organization'), 'SUBSIDIARY', [parentToken, n, of], 'noun:parent of');
      // "X's parent, Y" / "X's parent company Y"
      const poss = tree.child(n, 'poss') ?? (head && n.dep === 'compound' ? tree.child(head, 'poss') : undefined);
      const named = tree.child(n, 'appos') ?? (head && n.dep === 'compound' ? tree.child(head, 'appos') : undefined);
      if (poss && named) add(view.entity(poss, 'Organization'), view.entity(named, 'Organization'), 'SUBSIDIARY', [poss, n, named], "noun:'s parent");
    }
    if (n.pos === 'VERB' && OWNERSHIP_WORDS.own.includes(verbLemma(tree, n))) {
      const parent = agents(tree, n).map((a) => view.entity(a, 'Organization'))[0] ?? null;
      for (const c of patients(tree, n).flatMap((p) => tree.withConjuncts(p)))
        add(view.entity(c, 'Organization'), parent, 'SUBSIDIARY', [n, c], `verb:${n.lemma}`);
    }
  }
  return out;
}
