#!/usr/bin/env node
// npm start [-- --data DIR]: serves the built pages (dist/) on localhost and,
// for the dashboard, the workbooks of DIR, or the built-in sample data
// (generated into node_modules/.cache/kesu-sample on first start).
import { register } from 'tsx/esm/api';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

register();
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await import('../server/main.ts');
process.exitCode = await main(process.argv.slice(2), { repo });
