/**
 * `perf-targets library [words…] [--level2 二级] [--format text|json]` (SPEC §13): the reference
 * indicators matching the words, best first, each with the public document it was read from.
 */

import { InvalidArgumentError, Option, type Command } from 'commander';
import { LIBRARY, searchReferenceIndicators, type LibraryEntry, type LibrarySource } from '../domain/library';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import '../i18n/library';
import { printable } from './report';
import { langOption } from './command';

const DEFAULT_LIMIT = 50;

interface Output {
  stdout: { write(chunk: string): unknown };
}

interface Options {
  level2?: string;
  format: 'text' | 'json';
  limit: number;
  lang: Lang;
}

function sourceOf(id: string): LibrarySource | undefined {
  return LIBRARY.sources.find((s) => s.id === id);
}

/** What JSON readers get: the entry with its source in full (SPEC §13 names the fields it must have). */
function jsonEntry(entry: LibraryEntry): Record<string, unknown> {
  const source = sourceOf(entry.source);
  return {
    name: entry.name,
    level1: entry.level1,
    level2: entry.level2,
    profiles: entry.profiles,
    kind: entry.kind,
    unit: entry.unit,
    comparator: entry.comparator,
    direction: entry.direction,
    example: entry.example,
    keywords: entry.keywords,
    sector: entry.sector,
    ...(entry.description !== undefined ? { description: entry.description } : {}),
    ...(entry.basis !== undefined ? { basis: entry.basis } : {}),
    source: source
      ? {
          id: source.id,
          title: source.title,
          publisher: source.publisher ?? null,
          documentNumber: source.documentNumber,
          address: source.url ?? `${source.repo ?? ''}/${source.path ?? ''}`,
          retrieved: source.retrieved,
          region: source.region,
        }
      : { id: entry.source },
  };
}

function sourceText(id: string): string {
  const s = sourceOf(id);
  if (!s) return id;
  const who = s.publisher ?? s.title;
  const address = s.url ?? `${s.repo ?? ''}/${s.path ?? ''}`;
  return [who, s.documentNumber, address].filter(Boolean).join(' ');
}

function textEntry(entry: LibraryEntry, lang: Lang): string {
  const p = (s: string) => printable(s);
  const head = t(lang, 'library.cli.entry', {
    name: p(entry.name),
    level1: p(entry.level1),
    level2: p(entry.level2),
  });
  const example = t(lang, 'library.cli.example', { example: p(entry.example) });
  const kind = t(lang, 'library.cli.kind', { kind: t(lang, `library.kinds.${entry.kind}`) });
  const source = t(lang, 'library.cli.source', { source: p(sourceText(entry.source)) });
  return `${head}\n  ${example}  ${kind}\n  ${source}\n`;
}

function limitParser(lang: Lang): (value: string) => number {
  return (value) => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < 1)
      throw new InvalidArgumentError(t(lang, 'library.cli.badLimit', { value: printable(value) }));
    return n;
  };
}

/** Adds the `library` command to the program; `done` receives the exit code (0: listed, even none). */
export function addLibraryCommand(
  program: Command,
  io: Output,
  lang: Lang,
  done: (code: number) => void,
): void {
  program
    .command('library')
    .description(t(lang, 'library.cli.description'))
    .argument('[words...]', t(lang, 'library.cli.words'))
    .option('--level2 <level2>', t(lang, 'library.cli.level2'))
    .addOption(
      new Option('--format <format>', t(lang, 'library.cli.format'))
        .choices(['text', 'json'])
        .default('text'),
    )
    .addOption(
      new Option('--limit <n>', t(lang, 'library.cli.limit'))
        .argParser(limitParser(lang))
        .default(DEFAULT_LIMIT),
    )
    .addOption(langOption(lang))
    .action((words: string[], opts: Options) => {
      const query = words.join(' ');
      const level2 = opts.level2?.trim() ? opts.level2 : undefined;
      const hits = searchReferenceIndicators(query, {
        level2,
        onlyLevel2: level2 !== undefined,
        limit: LIBRARY.entries.length,
      });
      const shown = hits.slice(0, opts.limit).map((h) => h.entry);
      if (opts.format === 'json') {
        io.stdout.write(JSON.stringify(shown.map(jsonEntry), null, 2) + '\n');
      } else if (shown.length === 0) {
        io.stdout.write(t(opts.lang, 'library.cli.none', { query: printable(query) }) + '\n');
      } else {
        const body = shown.map((e) => textEntry(e, opts.lang)).join('\n');
        const count = t(opts.lang, 'library.cli.count', {
          count: hits.length,
          entries: LIBRARY.entries.length,
          sources: LIBRARY.sources.length,
        });
        io.stdout.write(`${body}\n${count}\n`);
      }
      done(0);
    });
}
