// Benchmark entry: `tsx core/src/text/cli.ts similar|search|groups|evaluate < input.json` prints JSON; exit 2 on bad input.
import { readFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { Corpus } from './corpus.ts';
import { duplicateGroups } from './duplicates.ts';
import { evaluateDuplicates, type LabelledText } from './evaluate.ts';
import { ngramTerms } from './segment.ts';
import type { TextDocument } from './term-index.ts';

const USAGE = `usage: tsx core/src/text/cli.ts <command> < input.json
  similar   {"docs":[{"id","text"}], "id"?: string, "text"?: string, "limit"?, "minScore"?}
  search    {"docs":[{"id","text"}], "query": string, "limit"?}
  groups    {"docs":[{"id","text"}], "threshold"?}
  evaluate  {"items"?: [{"id","text","group"}], "thresholds"?: number[]}  (items default to the fixture)
  any input may add "tokenizer": "jieba" | "ngram"`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

type Input = Record<string, unknown>;

function isDocList(value: unknown): value is TextDocument[] {
  return (
    Array.isArray(value) &&
    value.every((d: unknown) => typeof d === 'object' && d !== null && 'id' in d && 'text' in d && typeof d.id === 'string' && typeof d.text === 'string')
  );
}

function docsOf(input: Input): TextDocument[] {
  if (!isDocList(input.docs)) return fail('docs: expected an array of {id: string, text: string}');
  return input.docs;
}

function optionalNumber(input: Input, field: string): number | undefined {
  const value = input[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`${field}: expected a number`);
  return value;
}

function run(command: string, input: Input): unknown {
  const options = input.tokenizer === 'ngram' ? { tokenizer: ngramTerms } : {};
  const limit = optionalNumber(input, 'limit');
  switch (command) {
    case 'similar': {
      const corpus = new Corpus(docsOf(input), options);
      const target =
        typeof input.id === 'string' ? { id: input.id } : typeof input.text === 'string' ? { text: input.text } : fail('similar: give "id" or "text"');
      try {
        return corpus.similar(target, { limit, minScore: optionalNumber(input, 'minScore') });
      } catch (error) {
        return fail(error instanceof Error ? error.message : String(error));
      }
    }
    case 'search':
      if (typeof input.query !== 'string') return fail('query: expected a string');
      return new Corpus(docsOf(input), options).search(input.query, { limit });
    case 'groups':
      return duplicateGroups(docsOf(input), { ...options, threshold: optionalNumber(input, 'threshold') });
    case 'evaluate': {
      const items: unknown = input.items ?? JSON.parse(readFileSync(new URL('./fixtures/paraphrase-questions.json', import.meta.url), 'utf8'));
      if (!isDocList(items) || !items.every((item) => 'group' in item && typeof item.group === 'string')) return fail('items: expected [{id, text, group}]');
      const thresholds = input.thresholds ?? [0.1, 0.15, 0.2, 0.25, 0.3, 0.4];
      if (!Array.isArray(thresholds) || !thresholds.every((t) => typeof t === 'number')) return fail('thresholds: expected numbers');
      return evaluateDuplicates(items as LabelledText[], thresholds as number[], options);
    }
    default:
      return fail(USAGE);
  }
}

const command = process.argv[2] ?? '';
let input: unknown;
try {
  const raw = await text(process.stdin);
  input = raw.trim() === '' ? {} : JSON.parse(raw);
} catch (error) {
  fail(`invalid JSON on stdin: ${error instanceof Error ? error.message : String(error)}`);
}
if (typeof input !== 'object' || input === null || Array.isArray(input)) fail('input: expected a JSON object');
console.log(JSON.stringify(run(command, input as Input), null, 2));
