-- Per connection. synchronous=FULL: in WAL mode this fsyncs the WAL on every commit, so a row is on
-- disk before its caller is told "recorded" (invariant 2); NORMAL could lose the last commits on power
-- loss. Group commit pays for the fsync once per group. busy_timeout lets a second writer (another
-- process on the same file) wait for the lock instead of failing.
PRAGMA synchronous = FULL;
PRAGMA busy_timeout = 30000;
PRAGMA foreign_keys = ON;
