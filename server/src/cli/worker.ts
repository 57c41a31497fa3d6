/**
 * Worker thread of a parallel scan (bundled as dist/worker.js beside dist/cli.js). It runs one
 * Shard: the main thread sends `init` (layout, settings, pack references), then batches of files
 * to `parse`, then the merged model to `check`, then `positions` requests for related locations.
 *
 * Rules are functions and cannot be posted, so the worker rebuilds them: the built-in rules from
 * the bundle and the declarative packs from the same references the main thread loaded (already
 * validated there, so a failure here is an internal error).
 */
import { parentPort } from 'node:worker_threads';
import { initCSharp } from '../core/index';
import { builtinRules } from '../../../rules/index';
import { loadPacks } from '../declarative/index';
import { Shard } from './shard';
import type { WorkerInit, WorkerRequest, WorkerReply } from './pool';

let shard: Shard | undefined;

async function handle(msg: WorkerRequest): Promise<unknown> {
  switch (msg.type) {
    case 'init': {
      const init: WorkerInit = msg.init;
      // The C# parser loads its tree-sitter WASM from the bundle's folder, once per thread.
      if (init.csharp) await initCSharp(__dirname);
      const packs = loadPacks(init.packRefs, builtinRules.map((r) => r.meta.code), {});
      shard = new Shard(init.layout, [...builtinRules, ...packs], init.settings, init.maxFileSize);
      return true;
    }
    case 'parse':
      return shard!.parse(msg.items);
    case 'check':
      return shard!.check(msg.model);
    case 'positions':
      return shard!.positions(msg.reqs);
  }
}

// Requests run one after another, in arrival order: a parse never starts before init has finished.
let queue: Promise<unknown> = Promise.resolve();
parentPort!.on('message', (msg: WorkerRequest) => {
  queue = queue.then(() => handle(msg)).then(
    (result) => parentPort!.postMessage({ id: msg.id, result } satisfies WorkerReply),
    (e: Error) => parentPort!.postMessage({ id: msg.id, error: e?.stack ?? String(e) } satisfies WorkerReply),
  );
});
