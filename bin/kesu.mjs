#!/usr/bin/env node
// Entry of the `kesu` command. The CLI is TypeScript run through tsx, so an
// installed checkout works without a separate compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
