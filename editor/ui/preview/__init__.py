"""The live preview: the web view, the render worker thread and the controller
that keeps the page in step with the text."""
