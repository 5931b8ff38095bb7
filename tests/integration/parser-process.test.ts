import { loadConfig } from '../../src/config';
import { ParserUnavailableError } from '../../src/errors/errors';
import { ParserProcess } from '../../src/extraction/parser/parser-process';

/**
 * The real parser process (spaCy's English pipeline in var/venv-nlp, made by scripts/ensure-nlp.sh),
 * as the service runs it: offsets a JavaScript string can use, a clear error when it is missing, dies
 * or runs past its limit, and the next request answered by a fresh process.
 */
const settings = loadConfig().extraction.parser;
// Start-up and parses get a loaded machine's patience: what is tested is the outcome, not the speed.
const options = { ...settings, startTimeoutMs: 120_000, parseTimeoutMs: 120_000 };

describe('the sentence parser process', () => {
  const parser = new ParserProcess(options);
  afterAll(() => parser.stop());

  it('parses sentences into tokens with offsets in the text as JavaScript counts it, heads and lemmas', async () => {
    const text = 'Cisco 🚀 agreed to buy Splunk for $28 billion.';
    const [doc] = await parser.parse([text]);
    expect(doc.tokens.map((t) => t.text)).toEqual(['Cisco', '🚀', 'agreed', 'to', 'buy', 'Splunk', 'for', '$', '28', 'billion', '.']);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    const buy = doc.tokens.find((t) => t.text === 'buy')!;
    expect(buy).toMatchObject({ lemma: 'buy', dep: 'xcomp', pos: 'VERB' });
    expect(doc.tokens[buy.head].lemma).toBe('agree');
    expect(parser.info).toMatchObject({ spacy: expect.stringMatching(/^3\.8\./), modelVersion: '3.8.0' });
    expect(await parser.memoryMb()).toBeGreaterThan(50);
  }, 180_000);

  it('answers text with NUL bytes and lone surrogates, and a sentence of 5,000 words', async () => {
    const odd = 'Acme\u0000 cut 50 jobs \ud800 on Monday.';
    const long = `${Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? 'Acme' : 'jobs')).join(' ')}.`;
    const [a, b] = await parser.parse([odd, long]);
    for (const t of a.tokens) expect(odd.slice(t.start, t.end)).toBe(t.text);
    expect(b.tokens.length).toBeGreaterThanOrEqual(5000);
  }, 180_000);

  it('killed in the middle of a parse: that request fails with PARSER_UNAVAILABLE, the next one is answered', async () => {
    await parser.start();
    const long = Array.from({ length: 40 }, () => `${Array.from({ length: 2000 }, () => 'word').join(' ')}.`);
    const pending = parser.parse(long);
    process.kill(parser.pid!, 'SIGKILL');
    await expect(pending).rejects.toMatchObject({ code: 'PARSER_UNAVAILABLE', reason: 'DIED' });
    const [doc] = await parser.parse(['Acme cut 50 jobs.']);
    expect(doc.tokens.map((t) => t.text)).toEqual(['Acme', 'cut', '50', 'jobs', '.']);
  }, 180_000);

  it('a parse past PARSER_TIMEOUT_MS is stopped and refused; the next request starts a fresh process', async () => {
    const hasty = new ParserProcess({ ...options, parseTimeoutMs: 1 });
    await hasty.start();
    const started = hasty.pid;
    const error = await hasty.parse([Array.from({ length: 20000 }, () => 'word').join(' ')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParserUnavailableError);
    expect(error).toMatchObject({ reason: 'PARSE_TIMEOUT' });
    await hasty.start();
    expect(hasty.pid).not.toBe(started);
    hasty.stop();
  }, 180_000);

  it('not installed: a clear error that says how to install it, never a silent fallback', async () => {
    const missing = new ParserProcess({ ...options, python: '/nonexistent/venv/bin/python' });
    await expect(missing.parse(['Acme cut 50 jobs.'])).rejects.toMatchObject({
      code: 'PARSER_UNAVAILABLE',
      reason: 'NOT_INSTALLED',
      message: expect.stringContaining('scripts/ensure-nlp.sh'),
    });
  });
});
