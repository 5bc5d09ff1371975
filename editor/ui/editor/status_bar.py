"""Status bar: caret position on the left; on the right, which engine renders
the preview (and whether it is approximate, and why), problem counts, word
count and reading time.

Counts come from editor.core.post.text_stats (Chinese and Japanese characters
count one each, other scripts count words by Unicode's word boundaries; Thai
and its neighbours by Qt's dictionary, word_breaks) and are recomputed on a
short idle timer, not per key: the incremental counter recounts only the
edited paragraph, but even that need not run while keys are still arriving. An opened post is counted on
the same timer too: the window paints first (counting a 200 KB post, and
compiling the counter's CJK patterns, took ~60 ms before the first paint).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from editor.ui.i18n import english_plural, shown_text
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
        self.engine = QLabel(objectName="previewEngine")
        # A long reason must not widen the window: it is cut, and whole in the tooltip.
        self.engine.setMinimumWidth(40)
        self.engine.setMaximumWidth(420)
        self.addWidget(self.position)
        self.addPermanentWidget(self.engine)
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
            from editor.ui.editor.word_breaks import dictionary_words

            self._counter = IncrementalStats(dictionary_words)
        s = self._counter(self._session.document.body)
        self.counts.setText(self._label(s))
        locale = QLocale()
        self.counts.setToolTip(
            self.tr("{cjk} Chinese and Japanese characters, {words} words, {characters} characters without spaces").format(
                cjk=locale.toString(s.cjk_chars), words=locale.toString(s.words),
                characters=locale.toString(s.characters))
        )

    def _label(self, s) -> str:
        """"1,234 characters · 3 min read" (Chinese and Japanese count characters, other scripts words)."""
        if s.mostly_cjk:
            count = english_plural(self.tr("%Ln character(s)", None, s.units), s.units)
        else:
            count = english_plural(self.tr("%Ln word(s)", None, s.units), s.units)
        minutes = english_plural(self.tr("%n min read", None, s.reading_minutes), s.reading_minutes)
        return self.tr("{count} · {minutes}").format(count=count, minutes=minutes)

    def show_position(self, line: int, column: int) -> None:
        self.position.setText(self.tr("Ln {line}, Col {column}").format(line=line, column=column))

    #: Engines and generators as writers know them.
    ENGINE_NAMES = {"kramdown": "kramdown", "markdown-it": "markdown-it", "python-markdown": "Python-Markdown"}
    GENERATOR_NAMES = {"jekyll": "Jekyll", "hugo": "Hugo", "zola": "Zola"}

    def show_engine(self, info) -> None:
        """Say which engine renders the preview (a render_worker.EngineInfo):
        "Preview: kramdown (as Jekyll)", or "Preview approximate: <why>"."""
        engine = self.ENGINE_NAMES.get(info.name, info.name)
        generator = self.GENERATOR_NAMES.get(info.generator)
        if not info.exact:
            # The reason is the render core's `Text` (marked for the catalogue).
            reason = shown_text(info.reason) if info.reason else ""
            text = self.tr("Preview approximate: {reason}").format(reason=reason) if reason else \
                self.tr("Preview approximate ({engine})").format(engine=engine)
        elif generator:
            text = self.tr("Preview: {engine} (as {generator})").format(engine=engine, generator=generator)
        else:
            text = self.tr("Preview: {engine}").format(engine=engine)
        self.engine.setText(text)
        self.engine.setToolTip(text)

    def show_problem_counts(self, errors: int, warnings: int) -> None:
        self.problems.setText(counts_text(errors, warnings))
