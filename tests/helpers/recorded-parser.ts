import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ParserProcess, type Parse } from '../../src/extraction/parser/parser-process';
import { parsedDocOf, type WireDoc } from '../../src/extraction/parser/parse-tree';

/**
 * The parser's answers, recorded: unit tests of the parse reader run on them without Python. A
 * recording maps each sentence to the parser's tokens; a sentence not recorded fails the test (the
 * fixture is stale). With RECORD_PARSES=1 the real parser answers and the recording is written again.
 */
export function recordedParser(name: string): { parse: Parse; save(): Promise<void> } {
  const file = path.join(__dirname, '..', 'fixtures', 'parses', `${name}.json`);
  const recorded: Record<string, WireDoc> = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, WireDoc>) : {};
  if (process.env.RECORD_PARSES !== '1')
    return {
      parse: async (texts) =>
        texts.map((text) => {
          const wire = recorded[text];
          if (!wire) throw new Error(`no recorded parse of "${text}" in ${file}: run the test with RECORD_PARSES=1`);
          return parsedDocOf(wire, text);
        }),
      save: async () => undefined,
    };
  const parser = new ParserProcess(loadConfig().extraction.parser);
  const fresh: Record<string, WireDoc> = {};
  return {
    parse: async (texts) => {
      const docs = await parser.parse(texts);
      texts.forEach((text, i) => (fresh[text] = { tokens: docs[i].tokens.map((t) => [t.start, t.end, t.tag, t.pos, t.dep, t.head, t.lemma, t.entity]) }));
      return docs;
    },
    save: async () => {
      parser.stop();
      fs.writeFileSync(file, `${JSON.stringify({ ...recorded, ...fresh }, null, 0)}\n`);
    },
  };
}
