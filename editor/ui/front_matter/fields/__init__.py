"""The front-matter form's field widgets, one module per kind of box.

editor.ui.front_matter.field_widgets is the entry point (make_field_widget, REMOVE); the
modules here hold the widgets: base (the FieldWidget contract), wheel_guard,
text (one line and multi-line), number, date (with datesteps, the pure
arithmetic behind its Up/Down), choice (check box and combo box), lists
(tags) and image.
"""
