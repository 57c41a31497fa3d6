// Preloaded (node -r) into a bench child when /usr/bin/time is missing: records the child's peak
// RSS (kB) and CPU time (s), which Node's spawn does not return, into the file named by
// D365SEC_BENCH_RSS.
process.on('exit', () => {
  const u = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.D365SEC_BENCH_RSS, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1e6}`);
});
