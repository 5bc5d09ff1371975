"""The body editor: the text widget, its highlighting, line numbers, find and
replace, and the status bar that counts what is written."""
