/** Flag parsing shared by the `cairn` subcommands. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Strict parsing of `argv` against `options`; an unknown or malformed flag is a UsageError showing `usage`. */
export function parseCommandArgs(argv: string[], options: NonNullable<ParseArgsConfig['options']>, usage: string): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new UsageError((error as Error).message, usage);
  }
}
