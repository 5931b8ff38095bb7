/**
 * A parsed sentence as the fact readers walk it: tokens with their offsets, part of speech, dependency
 * label, head and lemma (spaCy's, as nlp/parse_server.py sends them), and the walks patterns use
 * (children by label, a subtree's span, the chain of a name's compound words). The parser's entity
 * label is a hint only: it calls companies people and places.
 */
export interface Token {
  i: number;
  /** Offsets in the text that was parsed (a sentence; the reader shifts them into the article). */
  start: number;
  end: number;
  text: string;
  tag: string;
  pos: string;
  dep: string;
  /** Index of the head token (a root is its own head). */
  head: number;
  lemma: string;
  /** spaCy's entity label (ORG, PERSON, GPE, MONEY, DATE...), '' when none. */
  entity: string;
}

export interface ParsedDoc {
  tokens: Token[];
}

/** The parser's compact form: [start, end, tag, pos, dep, head, lemma, entity] per token. */
export type WireToken = [number, number, string, string, string, number, string, string];
export interface WireDoc {
  tokens: WireToken[];
}

export function parsedDocOf(wire: WireDoc, text: string): ParsedDoc {
  return {
    tokens: wire.tokens.map(([start, end, tag, pos, dep, head, lemma, entity], i) => ({
      i,
      start,
      end,
      text: text.slice(start, end),
      tag,
      pos,
      dep,
      head,
      lemma: lemma.toLowerCase(),
      entity,
    })),
  };
}

/** A parse with its walks. */
export class ParseTree {
  private readonly kids: number[][];

  constructor(readonly tokens: readonly Token[]) {
    this.kids = tokens.map(() => []);
    for (const t of tokens) if (t.head !== t.i) this.kids[t.head].push(t.i);
  }

  head(t: Token): Token | null {
    return t.head === t.i ? null : this.tokens[t.head];
  }

  children(t: Token, ...deps: string[]): Token[] {
    return this.kids[t.i].map((i) => this.tokens[i]).filter((c) => !deps.length || deps.includes(c.dep));
  }

  child(t: Token, ...deps: string[]): Token | undefined {
    return this.children(t, ...deps)[0];
  }

  /** The objects of t's prepositions among `preps` ("for" of "bought X for $1 billion"). */
  prepObjects(t: Token, ...preps: string[]): Token[] {
    return this.children(t, 'prep', 'agent', 'dative')
      .filter((p) => !preps.length || preps.includes(p.lemma))
      .flatMap((p) => this.children(p, 'pobj', 'pcomp'));
  }

  /** t and the tokens it governs, in order. */
  subtree(t: Token): Token[] {
    const out: Token[] = [];
    const walk = (x: Token) => {
      out.push(x);
      for (const c of this.children(x)) walk(c);
    };
    walk(t);
    return out.sort((a, b) => a.i - b.i);
  }

  /** t with its conjuncts ("Slack and Tableau": both). */
  withConjuncts(t: Token): Token[] {
    const out = [t];
    for (let k = 0; k < out.length; k += 1) out.push(...this.children(out[k], 'conj').filter((c) => !out.includes(c)));
    return out;
  }

  /** Whether a is b or one of b's descendants. */
  within(a: Token, b: Token): boolean {
    for (let x: Token | null = a, n = 0; x && n < 200; x = this.head(x), n += 1) if (x.i === b.i) return true;
    return false;
  }

  /** The governing tokens of t, nearest first. */
  ancestors(t: Token): Token[] {
    const out: Token[] = [];
    for (let x = this.head(t); x && out.length < 200; x = this.head(x)) out.push(x);
    return out;
  }

  /** The token of a span that governs it (whose head lies outside the span), for offsets [start, end). */
  headOfSpan(start: number, end: number): Token | undefined {
    const inside = this.tokens.filter((t) => t.start < end && t.end > start);
    return inside.find((t) => t.head === t.i || !inside.some((u) => u.i === t.head)) ?? inside[inside.length - 1];
  }

  /** Whether a verb speaks of what is yet to come or only intended ("will leave", "agreed to buy", "plans to"). */
  isFuture(verb: Token): boolean {
    return this.children(verb, 'aux').some((a) => ['will', 'would', 'shall', "'ll", 'to'].includes(a.lemma) || a.tag === 'MD');
  }
}
