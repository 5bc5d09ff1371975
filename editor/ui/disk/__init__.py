"""The open post and the disk: the document session (open, save), the file
watcher, the changed-on-disk banner and its compare view, and crash recovery."""
