// Preloaded (node -r) into a bench child when /usr/bin/time is missing: records the child's peak
// RSS, which Node's spawn does not return, into the file named by D365SEC_BENCH_RSS.
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.D365SEC_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
