"""The site of the open post, as the window sees it: its schema and vocabulary
(indexed off the UI thread), and the posts list."""
