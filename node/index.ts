// The core's Node-only adapters (the CLI, the server's scripts, the tests):
// reading a file from disk, a file name as a person should see it, writing an
// output atomically and telling two names of one file apart. Kept out of
// shared/, whose every file runs in the browser and in Web Workers too
// (shared/tsconfig.json checks it without Node's types).
export { displayName, readWorkbookFile } from './read-file';
export { fileIdentity, sameFile, writeFileAtomic } from './write-file';
