/**
 * Runs a scan over lanes: the main thread's own Shard plus `jobs - 1` worker threads.
 *
 * Parse phase: files are cut into batches (a few hundred KB or a few dozen files), largest first,
 * and every lane pulls the next batch when it is free, so one megabyte vendor bundle does not hold
 * up a lane that was handed a fixed slice. Each lane returns model contributions; the main thread
 * merges them (mergeModel sorts by path, so the model is the same for any split) and sends the
 * model back. Check phase: each lane checks the documents it holds. Related locations that point
 * into another lane's file are resolved by asking that lane. Findings and notices are put back in
 * scan order by file index, then sorted as analyzeProject sorts them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { mergeModel, sortFindings, type Finding, type ModelContribution, type ProjectLayout, type ProjectModel, type Rule } from '../core/index';
import type { AnalyzerSettings } from '../core/settings';
import type { Position } from '../core/types';
import type { PackRef } from '../config/index';
import { Shard, type CheckOutput, type InlineCandidate, type ParseOutput, type PositionRequest, type ShardItem, type ShardNotice } from './shard';

export interface WorkerInit {
  /** Load the C# grammar (the scan holds .cs files). */
  csharp: boolean;
  layout: ProjectLayout;
  settings?: AnalyzerSettings;
  packRefs: PackRef[];
  maxFileSize: number;
}

export type WorkerRequest =
  | { id: number; type: 'init'; init: WorkerInit }
  | { id: number; type: 'parse'; items: ShardItem[] }
  | { id: number; type: 'check'; model: ProjectModel }
  | { id: number; type: 'positions'; reqs: PositionRequest[] };

export interface WorkerReply {
  id: number;
  result?: unknown;
  error?: string;
}

interface Lane {
  /** How many batches this lane may have in flight: a worker queues a second one so it never waits for the main thread. */
  depth: number;
  parse(items: ShardItem[]): Promise<ParseOutput>;
  check(model: ProjectModel): Promise<CheckOutput>;
  positions(reqs: PositionRequest[]): Promise<(Position[] | undefined)[]>;
  close(): Promise<void>;
}

/** The main thread's lane. It yields to the event loop before each batch so worker replies are handled. */
class LocalLane implements Lane {
  depth = 1;
  constructor(private shard: Shard) {}
  parse(items: ShardItem[]) {
    return yieldThen(() => this.shard.parse(items));
  }
  check(model: ProjectModel) {
    return yieldThen(() => this.shard.check(model));
  }
  positions(reqs: PositionRequest[]) {
    return Promise.resolve(this.shard.positions(reqs));
  }
  async close() {}
}

class WorkerLane implements Lane {
  depth = 2;
  private next = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private worker: Worker;
  private failed?: Error;

  constructor(file: string, init: WorkerInit) {
    // The same larger young generation as the main thread (main.ts): parse trees are short-lived garbage.
    this.worker = new Worker(file, { stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    this.worker.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(`worker: ${m.error}`));
      else p.resolve(m.result);
    });
    const die = (e: Error) => {
      this.failed = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', (e) => die(new Error(`worker thread failed: ${e.stack ?? e.message}`)));
    this.worker.on('exit', (code) => die(new Error(`worker thread exited (code ${code})`)));
    void this.call({ type: 'init', init }).catch(() => undefined); // its failure surfaces on the first parse
  }

  private call<T>(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  parse(items: ShardItem[]) {
    return this.call<ParseOutput>({ type: 'parse', items });
  }
  check(model: ProjectModel) {
    return this.call<CheckOutput>({ type: 'check', model });
  }
  positions(reqs: PositionRequest[]) {
    return this.call<(Position[] | undefined)[]>({ type: 'positions', reqs });
  }
  async close() {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

function yieldThen<T>(f: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(f());
      } catch (e) {
        reject(e);
      }
    }),
  );
}

export interface PoolOptions {
  /** The scan holds C# files: every lane loads the C# grammar. */
  csharp: boolean;
  jobs: number;
  layout: ProjectLayout;
  rules: readonly Rule[];
  settings?: AnalyzerSettings;
  packRefs: PackRef[];
  maxFileSize: number;
  /** Byte size of each item, for batching (in-memory items count their text length). */
  sizeOf: (item: ShardItem) => number;
  /** Called after each batch with the number of files done so far. */
  onProgress?: (done: number) => void;
}

export interface PoolResult {
  findings: Finding[];
  notices: ShardNotice[];
  inline: InlineCandidate[];
  analyzed: number;
  /** Lanes actually used (1 = in-process only). */
  lanes: number;
}

/** The worker bundle beside the CLI bundle; absent when the CLI runs unbundled (then the scan stays in-process). */
export function workerFile(): string | undefined {
  const f = path.join(__dirname, 'worker.js');
  return existsSync(f) ? f : undefined;
}

const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 32;

export function makeBatches(items: ShardItem[], sizeOf: (i: ShardItem) => number): ShardItem[][] {
  const batches: { items: ShardItem[]; bytes: number }[] = [];
  let cur: { items: ShardItem[]; bytes: number } = { items: [], bytes: 0 };
  for (const it of items) {
    cur.items.push(it);
    cur.bytes += sizeOf(it);
    if (cur.bytes >= BATCH_BYTES || cur.items.length >= BATCH_FILES) {
      batches.push(cur);
      cur = { items: [], bytes: 0 };
    }
  }
  if (cur.items.length) batches.push(cur);
  // Largest first: the long batches start early and the short ones fill the gaps at the end.
  return batches.sort((a, b) => b.bytes - a.bytes).map((b) => b.items);
}

export async function runPool(items: ShardItem[], o: PoolOptions): Promise<PoolResult> {
  const batches = makeBatches(items, o.sizeOf);
  const file = workerFile();
  const laneCount = file ? Math.max(1, Math.min(o.jobs, batches.length)) : 1;
  const lanes: Lane[] = [new LocalLane(new Shard(o.layout, o.rules, o.settings, o.maxFileSize))];
  const init: WorkerInit = { csharp: o.csharp, layout: o.layout, settings: o.settings, packRefs: o.packRefs, maxFileSize: o.maxFileSize };
  for (let i = 1; i < laneCount; i++) lanes.push(new WorkerLane(file!, init));
  try {
    // Parse phase: every lane pulls batches until none are left.
    const parsed: ParseOutput[] = [];
    const holder = new Map<string, Lane>();
    let nextBatch = 0;
    let done = 0;
    const pull = async (lane: Lane): Promise<void> => {
      while (nextBatch < batches.length) {
        const batch = batches[nextBatch++]!;
        const r = await lane.parse(batch);
        parsed.push(r);
        for (const p of r.docPaths) holder.set(p, lane);
        done += batch.length;
        o.onProgress?.(done);
      }
    };
    // D365SEC_DEBUG=1 prints the phase times: where a slow scan spends its time (parse, merge, check).
    const debug = process.env.D365SEC_DEBUG ? (m: string) => process.stderr.write(`debug: ${Date.now() - t0} ms ${m}\n`) : () => undefined;
    const t0 = Date.now();
    await Promise.all(lanes.flatMap((lane) => Array.from({ length: lane.depth }, () => pull(lane))));
    debug('parsed');
    const contributions: ModelContribution[] = parsed.flatMap((r) => r.contributions);
    const model = mergeModel(contributions);

    // Check phase.
    debug('merged');
    const checked = await Promise.all(lanes.map((l) => l.check(model)));
    debug('checked');
    const perFile: { index: number; findings: Finding[] }[] = checked.flatMap((c) => c.findings);
    perFile.sort((a, b) => a.index - b.index);
    const findings = perFile.flatMap((x) => x.findings);
    await resolveAcrossLanes(findings, holder);
    debug('resolved');

    const notices = [...parsed.flatMap((r) => r.notices), ...checked.flatMap((c) => c.notices)];
    return {
      findings: sortFindings(findings),
      notices,
      inline: parsed.flatMap((r) => r.inline).sort((a, b) => a.index - b.index),
      analyzed: parsed.reduce((n, r) => n + r.analyzed, 0),
      lanes: laneCount,
    };
  } finally {
    await Promise.all(lanes.map((l) => l.close()));
  }
}

/** Fills related ranges that the reporting lane could not (the file is held by another lane). */
async function resolveAcrossLanes(findings: Finding[], holder: Map<string, Lane>): Promise<void> {
  const want = new Map<Lane, Map<string, { offsets: number[]; fill: ((p: Position) => void)[] }>>();
  for (const f of findings) {
    for (const r of f.related ?? []) {
      if (r.range) continue;
      const lane = holder.get(r.path);
      if (!lane) continue;
      let byPath = want.get(lane);
      if (!byPath) want.set(lane, (byPath = new Map()));
      let req = byPath.get(r.path);
      if (!req) byPath.set(r.path, (req = { offsets: [], fill: [] }));
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      req.offsets.push(r.span.start, r.span.end);
      req.fill.push((p) => (range.start = p), (p) => (range.end = p));
      r.range = range;
    }
  }
  await Promise.all(
    [...want].map(async ([lane, byPath]) => {
      const paths = [...byPath.keys()];
      const answers = await lane.positions(paths.map((p) => ({ path: p, offsets: byPath.get(p)!.offsets })));
      paths.forEach((p, i) => answers[i]?.forEach((pos, k) => byPath.get(p)!.fill[k]!(pos)));
    }),
  );
}
