import type { Token } from '../parser/parse-tree';
import { agents, verbLemma } from '../reading/arguments';
import { COMPANY_NOUNS, type EntityRef, type SentenceView } from '../reading/sentence-view';
import { finding, type Finding } from './finding';

/**
 * Where an organization is based and what it was called, read from the parse. Headquarters: "based"
 * or "headquartered" in a place (as a participle on the organization, a predicate of it, or a compound
 * "<City>-based"), and "the <City> company" standing for the organization being told about. Former
 * names: "changed its name from A (to B)", "renamed itself B", "was renamed B", "formerly (known as) A",
 * "rebranded as B".
 */
export const PLACE_AND_NAME_WORDS = {
  based: ['base', 'headquarter', 'headquartered', 'based'],
  rename: ['rename', 'rebrand'],
  formerly: ['formerly', 'previously', 'once'],
};

export function readHeadquarters(view: SentenceView): Finding[] {
  const tree = view.tree;
  const out: Finding[] = [];
  const add = (org: EntityRef | null, market: EntityRef | null, tokens: Token[], pattern: string) => {
    if (org && market && !out.some((f) => f.refs.organization.id === org.id))
      out.push(finding('Headquarters', view, pattern, { organization: org, market }, {}, tokens));
  };
  for (const t of view.tokens) {
    if (PLACE_AND_NAME_WORDS.based.includes(t.lemma) || PLACE_AND_NAME_WORDS.based.includes(t.text.toLowerCase())) {
      const place = tree.prepObjects(t, 'in')[0] ?? tree.children(t, 'npadvmod', 'compound', 'nmod').find((c) => view.entity(c, 'Market'));
      const market = place ? view.entity(place, 'Market') : null;
      const head = tree.head(t);
      // "X, based in Y"; "X is based in Y"; "the Y-based X"
      const orgToken = ['acl', 'amod', 'advcl'].includes(t.dep)
        ? head
        : (tree.child(t, 'nsubjpass', 'nsubj') ?? (head ? tree.child(head, 'nsubj') : undefined));
      if (orgToken) add(view.entity(orgToken, 'Organization'), market, [orgToken, t, ...(place ? [place] : [])], 'based in');
    }
    // "The Santa Clara company": the organization being told about, with the place it is from.
    if (COMPANY_NOUNS.has(t.lemma) && t.pos === 'NOUN' && tree.children(t, 'det').some((d) => d.lemma === 'the')) {
      const place = tree.children(t, 'compound', 'nmod', 'amod').find((c) => view.mention(c)?.type === 'Market' || (c.entity === 'GPE' && c.pos === 'PROPN'));
      if (place && !tree.prepObjects(t, 'of').length) add(view.entity(t, 'Organization'), view.entity(place, 'Market'), [place, t], 'the <place> company');
    }
  }
  return out;
}

export function readFormerNames(view: SentenceView): Finding[] {
  const tree = view.tree;
  const out: Finding[] = [];
  // The former name as written (a name the graph gives the organization as an alias is still its former name).
  const add = (org: EntityRef | null, formerToken: Token | undefined, tokens: Token[], pattern: string) => {
    const mention = formerToken ? view.mention(formerToken) : undefined;
    const former = mention ? { name: mention.text, id: mention.id } : (view.entity(formerToken, 'Organization') ?? null);
    if (!org || !former || (former.id === org.id && !mention) || out.some((f) => f.refs.organization.id === org.id)) return;
    if (former.name === org.name) return;
    out.push(finding('FormerName', view, pattern, { organization: org }, { formerName: former.name }, tokens));
  };
  for (const t of view.tokens) {
    const lemma = verbLemma(tree, t);
    // "changed its name from A to B" / "changed its name to B"
    if (t.lemma === 'change' && tree.children(t, 'dobj').some((o) => o.lemma === 'name')) {
      const from = tree.prepObjects(t, 'from')[0] ?? tree.children(t, 'dobj').flatMap((o) => tree.prepObjects(o, 'from'))[0];
      const to = tree.prepObjects(t, 'to')[0] ?? tree.children(t, 'dobj').flatMap((o) => tree.prepObjects(o, 'to'))[0];
      const subject = agents(tree, t)[0];
      if (from) add(to ? view.entity(to, 'Organization') : view.entity(subject, 'Organization'), from, [t, from, ...(to ? [to] : [])], 'changed its name from');
      else if (to && subject && view.mention(subject)) add(view.entity(to, 'Organization'), subject, [subject, t, to], 'changed its name to');
    }
    // "A renamed itself B", "A was renamed B", "A rebranded as B"
    if (PLACE_AND_NAME_WORDS.rename.includes(lemma) && t.pos === 'VERB') {
      const newName =
        tree.children(t, 'oprd', 'attr', 'xcomp', 'ccomp')[0] ??
        tree.prepObjects(t, 'as', 'to')[0] ??
        tree.children(t, 'dobj').find((o) => o.lemma !== 'itself');
      const old = tree.child(t, 'nsubjpass') ?? agents(tree, t)[0];
      if (newName && old) add(view.entity(newName, 'Organization'), old, [old, t, newName], `verb:${lemma}`);
    }
    // "X, formerly known as A" / "X, formerly A"
    if (PLACE_AND_NAME_WORDS.formerly.includes(t.text.toLowerCase()) && t.dep === 'advmod') {
      const head = tree.head(t);
      if (!head) continue;
      const known = head.lemma === 'know' || head.lemma === 'call' || head.lemma === 'name' ? head : undefined;
      const former = known ? (tree.prepObjects(known, 'as')[0] ?? tree.children(known, 'oprd')[0]) : head;
      const owner = known ? tree.head(known) : tree.head(head);
      if (former && owner && former.i !== owner.i) add(view.entity(owner, 'Organization'), former, [owner, t, former], 'formerly');
    }
  }
  return out;
}
