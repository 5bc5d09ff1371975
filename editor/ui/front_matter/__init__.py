"""The front-matter form and its Raw mode: the rows, the field widgets
(`fields/`), adding fields, and the shared-value prompt."""
