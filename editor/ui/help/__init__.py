"""Help: the keyboard shortcuts sheet, the user guide and the About box."""
