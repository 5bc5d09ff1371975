"""The site's own development server (Jekyll's `serve`, Hugo's `server`) beside
the fast preview: finding the generator, its command, its output read as
events and diagnostics, the post's URL, and the record of running servers.
Plain Python: the window's owner of the server lives in `editor.ui.serve`."""
