"""The site's git repository in the window: status, changes, commit, pull, push, conflicts."""
