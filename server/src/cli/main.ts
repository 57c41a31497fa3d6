// The headless CLI: d365sec scan | rules | verify-rules. Options are in args.ts and options-team.ts,
// the scan in scan.ts, the parallel lanes in pool.ts / worker.ts.
import { setFlagsFromString } from 'node:v8';
import { builtinRules } from '../../../rules/index';
import { parseScanArgs, USAGE } from './args';
import { startLanguageServer } from './lsp';
import { TeamRun, verifyRulesCommand } from './options-team';
import { scanCommand } from './scan';

// A scan allocates parse trees by the hundred megabytes; V8's default 16 MB young generation spends
// a third of the run in scavenges. 32 MB semi-spaces cut a large scan's time by about 30 %.
setFlagsFromString('--max-semi-space-size=32');

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'verify-rules') return verifyRulesCommand(rest);
  if (cmd === 'lsp') return startLanguageServer(rest);
  if (cmd === 'rules') {
    for (const r of builtinRules) process.stdout.write(`${r.meta.code}  ${r.meta.name.padEnd(36)} ${r.meta.category.padEnd(24)} ${r.meta.severity}\n`);
    return 0;
  }
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (cmd === '--version' || cmd === '-v') {
    process.stdout.write('0.1.0\n');
    return 0;
  }
  if (cmd !== 'scan') {
    console.error(USAGE);
    return 2;
  }
  const team = new TeamRun(rest); // takes its flags (--config, --rules, --baseline, ...) out of rest
  if (team.error) return fail(team.error);
  const opts = parseScanArgs(rest);
  if (typeof opts === 'string') return fail(opts);
  return scanCommand(opts, team);
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    // Let stdout drain before exiting: a large report piped to another process must not be cut.
    process.exitCode = code;
  },
  (e) => {
    console.error(`d365sec: internal error: ${(e as Error).stack}`);
    process.exitCode = 2;
  },
);
