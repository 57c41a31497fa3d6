// The baseline of the bench: walk the tree as the CLI does and read every file, nothing else.
import { readFileSync } from 'node:fs';
import { listTree } from './corpus.mjs';

let bytes = 0;
const files = listTree(process.argv[2]);
for (const f of files) bytes += readFileSync(f).length;
process.stdout.write(JSON.stringify({ files: files.length, bytes }) + '\n');
