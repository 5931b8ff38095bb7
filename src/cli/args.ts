/** A mistake in how a command was called: the usage is printed with it. */
export class UsageError extends Error {}

/** A small, strict reader of command-line arguments: known --options only, values typed. */
export function parseArgs(argv: string[], spec: Record<string, 'string' | 'number' | 'boolean' | 'list'>) {
  const positional: string[] = [];
  const options: Record<string, string | number | boolean | string[]> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (kind === 'number') options[name] = Number(value);
    else if (kind === 'list') options[name] = [...((options[name] as string[]) ?? []), value];
    else options[name] = value;
  }
  return { positional, options };
}
