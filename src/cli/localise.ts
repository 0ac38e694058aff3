/**
 * commander speaks English (`Usage:`, `error: unknown option …`): its help titles, option notes
 * and usage errors are put into the user's language here, and its layout measured in terminal
 * columns (a Chinese character takes two) so that help wraps inside the width it is given.
 */

import { Command, type Help, type Option } from 'commander';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import '../i18n/cli';
import { PROGRAM } from './command';
import { width } from './report';

const TITLES: Record<string, string> = {
  'Usage:': 'usage',
  'Options:': 'options',
  'Commands:': 'commands',
  'Arguments:': 'arguments',
  'Global Options:': 'globalOptions',
};

// A run of CJK text may break between any two characters, punctuation staying with the one before.
const CHUNK =
  /\s*(?:[\u2e80-\u9fff\uf900-\ufaff][，。、；：！？）》」”’]*|[^\s\u2e80-\u9fff\uf900-\ufaff]+)/g;

/** Wraps `str` into lines of at most `max` columns, breaking at spaces and between CJK characters. */
export function wrapColumns(str: string, max: number): string {
  return str
    .split(/\r?\n/)
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const chunk of line.match(CHUNK) ?? []) {
        if (current !== '' && width(current + chunk) > max) {
          out.push(current.trimEnd());
          current = chunk.trimStart();
        } else current += chunk;
      }
      out.push(current.trimEnd());
      return out.join('\n');
    })
    .join('\n');
}

/** The help layout of SPEC §7: localised titles and notes, widths in terminal columns, at most 100 wide. */
export function helpConfiguration(lang: Lang): Partial<Help> {
  const s = (key: string, data?: Record<string, unknown>): string => t(lang, `cli.help.${key}`, data);
  return {
    helpWidth: Math.min(100, process.stdout.columns || 80),
    displayWidth: (str: string) => width(str),
    boxWrap: (str: string, max: number) => wrapColumns(str, max),
    styleTitle: (str: string) => (TITLES[str] ? s(TITLES[str]) : str),
    styleOptionText: (str: string) => (str === '[options]' ? s('optionsWord') : str),
    styleSubcommandText: (str: string) => (str === '[command]' ? s('commandWord') : str),
    styleArgumentText: (str: string) => (str === '[command]' ? s('commandWord') : str),
    optionDescription: (option: Option) => {
      const notes: string[] = [];
      if (option.argChoices) notes.push(s('choices', { choices: option.argChoices.join(s('separator')) }));
      if (option.defaultValue !== undefined && (option.required || option.optional))
        notes.push(s('default', { value: String(option.defaultValue) }));
      return notes.length
        ? `${option.description}${s('notes', { notes: notes.join(s('noteSeparator')) })}`
        : option.description;
    },
  };
}

/** What commander's English error says, taken apart: its code and the names it quotes. */
function usageMessage(lang: Lang, code: string, english: string): string {
  const u = (key: string, data?: Record<string, unknown>): string => t(lang, `cli.usage.${key}`, data);
  const quoted = [...english.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const suggested = /\(Did you mean (?:one of )?(.+)\?\)/.exec(english)?.[1];
  const suggestion = suggested ? u('didYouMean', { names: suggested.split(', ').join(u('or')) }) : '';
  switch (code) {
    case 'commander.unknownOption':
      return u('unknownOption', { option: quoted[0] }) + suggestion;
    case 'commander.unknownCommand':
      return (
        u('unknownCommand', { command: quoted[0] }) + (suggestion || u('commandList', { program: PROGRAM }))
      );
    case 'commander.missingArgument':
      return u('missingArgument', { argument: quoted[0] });
    case 'commander.optionMissingArgument':
      return u('optionMissingArgument', { option: quoted[0] });
    case 'commander.missingMandatoryOptionValue':
      return u('missingOption', { option: quoted[0] });
    case 'commander.excessArguments': {
      const [expected, got] = [...english.matchAll(/\d+/g)].map((m) => m[0]);
      return u('excessArguments', { expected, got });
    }
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\.$/.exec(english)?.[1] ?? '';
      return u('badChoice', {
        option: (quoted[0] ?? '').split(' ')[0],
        value: quoted[1] ?? '',
        choices: choices.split(', ').join(t(lang, 'cli.help.separator')),
      });
    }
    default:
      return english.replace(/^error: /, '').split('\n')[0];
  }
}

/**
 * A commander Command whose usage errors are one line in the user's language — and whose
 * sub-commands are too.
 */
export class LocalCommand extends Command {
  constructor(
    readonly lang: Lang,
    name?: string,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new LocalCommand(this.lang, name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const code = errorOptions?.code ?? 'commander.error';
    const text = t(this.lang, 'cli.usage.error', { message: usageMessage(this.lang, code, message) });
    return super.error(text, errorOptions);
  }
}
