"""The site's git repository, through the `git` command: plain Python, no Qt.

One module per concern: `runner` runs git (no shell, a fixed environment,
timeouts; a missing git or a folder outside any repository is a result, never
an exception), `status` reads the branch and each file's state, `diff` compares
a post with its last commit (word-level inside changed lines, Korean included),
`commit` commits with the repository's own hooks and reads their problems,
`remote` pulls and pushes with progress and says what happened, `conflicts`
reads the three versions of a conflicted post, merges them and marks the result
resolved. `messages` holds the sentences shown to the writer (translatable).
Every function takes the site's root folder; a site may be a subfolder of the
repository, and every path in and out is relative to the site's root.
"""
