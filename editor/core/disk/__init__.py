"""A post on disk: reading and atomic saving (`storage`), fingerprints,
crash recovery, leftover temp files, and what to do when a file changes under
the writer (`change_policy`, `merge`)."""
