// Preloaded into server processes that tests and benchmarks start: when the runner that
// started one is gone without stopping it (a crash, a timed-out hook), the server stops too
// instead of running on, unseen, for the rest of the day.
const startedBy = process.ppid;
setInterval(() => {
  if (process.ppid !== startedBy) process.exit(1);
}, 1000).unref();

export {};
