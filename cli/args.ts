// A small argument parser: positionals, `--flag`, `--key value`, `-o value`.
// Twenty lines do better here than a dependency; util.parseArgs rejects the
// Chinese-friendly loose forms clerks type.
export interface Parsed {
  positionals: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[], valued: string[] = []): Parsed {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      const [key, inline] = a.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) flags[key] = inline;
      else if (valued.includes(key) && i + 1 < argv.length) flags[key] = argv[++i]!;
      else flags[key] = true;
    } else positionals.push(a);
  }
  return { positionals, flags };
}
