"""Status bar: caret position on the left, word count and reading time on the right.

Counts come from editor.core.post.text_stats (CJK characters count one each, other
scripts count words) and are recomputed on a short idle timer, not per key:
the incremental counter recounts only the edited paragraph, but even that
need not run while keys are still arriving. An opened post is counted on
the same timer too: the window paints first (counting a 200 KB post, and
compiling the counter's CJK patterns, took ~60 ms before the first paint).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from editor.ui.problems.severity import counts_text


class StatusBar(QStatusBar):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self._session = session
        self._counter = None  # editor.core.post.text_stats.IncrementalStats, made on first use
        self.position = QLabel(objectName="caretPosition")
        self.problems = QLabel(objectName="problemCount")
        self.counts = QLabel(objectName="wordCount")
        self.addWidget(self.position)
        self.addPermanentWidget(self.problems)
        self.addPermanentWidget(self.counts)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.update_counts)
        session.changed.connect(self._on_changed)
        session.documentReplaced.connect(lambda _doc: self._timer.start())
        self._timer.start()

    def _on_changed(self, change) -> None:
        if getattr(change, "part", "body") == "body":
            self._timer.start()

    def update_counts(self) -> None:
        self._timer.stop()
        if self._counter is None:
            from editor.core.post.text_stats import IncrementalStats

            self._counter = IncrementalStats()
        s = self._counter(self._session.document.body)
        self.counts.setText(s.label())
        self.counts.setToolTip(
            f"{s.cjk_chars:,} CJK characters, {s.words:,} other words, "
            f"{s.characters:,} characters without spaces"
        )

    def show_position(self, line: int, column: int) -> None:
        self.position.setText(f"Ln {line}, Col {column}")

    def show_problem_counts(self, errors: int, warnings: int) -> None:
        self.problems.setText(counts_text(errors, warnings))
