# Two commands set everything up on a fresh machine: `make run` and `make test`.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SITE   ?= examples/site

.PHONY: run test bench bytecode system-deps clean translations catalogues goldens lock lock-upgrade

$(PY):
	python3 -m venv $(VENV)

# Exactly the hashed set in requirements/lock.txt (base + gui + dev), then the
# checkout itself without resolving again (setuptools and wheel come from the
# lock). Reinstalls when the lock or the metadata (entry points) changes.
$(STAMP): requirements/lock.txt pyproject.toml | $(PY)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes -r requirements/lock.txt
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

# The lock: uv resolves pyproject.toml's ranges (base, gui and dev extras)
# into exact versions with every file's hash, for CPython 3.11 on Linux x86_64
# (glibc 2.34+: PySide6's wheels differ per platform, so this lock is for this
# one). `make lock` keeps the versions already locked where the ranges still
# allow them; `make lock-upgrade` moves everything to the newest allowed.
UV        := $(VENV)/bin/uv
LOCK_ARGS := pyproject.toml --extra dev --generate-hashes --python-version 3.11.5 \
	--python-platform x86_64-manylinux_2_34 --custom-compile-command "make lock" -o requirements/lock.txt

$(UV): | $(PY)
	$(PY) -m pip install -q "uv>=0.13,<0.14"

lock: $(UV)
	$(UV) pip compile -q $(LOCK_ARGS)

lock-upgrade: $(UV)
	$(UV) pip compile -q --upgrade $(LOCK_ARGS)

# Byte-code for our own modules, as `pip install` writes it for an installed
# app: an editable checkout otherwise compiles every module at every start
# when PYTHONDONTWRITEBYTECODE is set (it is on some machines), ~0.25 s of
# start-up measured here. Only changed files are recompiled.
#
# PySide6's own support code (shibokensupport: signatures, the feature
# switch) ships as a zip inside libshiboken and is compiled from source at
# every start, ~10 ms of it here. SBK_EMBED=0 is PySide's switch to unpack it
# once into shiboken6/files.dir, which then loads from byte-code.
SBK_FILES = $$($(PY) -c 'import os, shiboken6; print(os.path.dirname(shiboken6.__file__))')/files.dir

bytecode: $(STAMP) catalogues
	$(PY) -m compileall -q editor
	@d=$(SBK_FILES); [ -d "$$d" ] || SBK_EMBED=0 $(PY) -c 'import shiboken6'; \
		$(PY) -m compileall -q "$$d"

system-deps:
	bash packaging/system-deps.sh

run: system-deps $(STAMP) bytecode
	bash packaging/run-app.sh $(PY) $(SITE)

# Property tests run a fixed set of examples here (reproducible gate);
# `make test HYPOTHESIS_PROFILE=explore` searches afresh with more examples.
HYPOTHESIS_PROFILE ?= ci

# The layer contracts first (.importlinter, docs/layers.md): a second, and a
# broken layer fails before the suite starts.
test: system-deps $(STAMP) catalogues
	$(VENV)/bin/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu" HYPOTHESIS_PROFILE=$(HYPOTHESIS_PROFILE) \
		$(PY) -m pytest -q -p no:cacheprovider -n 2 --dist loadfile tests

# Benchmarks print numbers (medians, with the machine's size); the window
# benchmarks need a screen, so they run under Xvfb. bench_peers.py skips the
# peer editors that bench/install-peers.sh has not installed.
bench: system-deps $(STAMP) bytecode
	for b in bench/bench_*.py; do echo "== $$b"; \
		case $$b in *bench_ui.py|*bench_peers.py|*bench_floor.py) xvfb-run -a -s '-screen 0 1400x900x24' $(PY) $$b ;; \
		*) $(PY) $$b ;; esac || exit 1; done

# The UI's catalogues: lupdate collects every translatable string in editor/
# (self.tr, translate(), QT_TRANSLATE_NOOP, the diagnostics' templates too)
# into resources/i18n/galley_<lang>.ts, keeping what translators have filled
# in and marking what vanished as obsolete; lrelease compiles each .ts into
# the .qm the app loads. A new language: add its name to LANGUAGES.
LANGUAGES ?= ko
I18N      := resources/i18n

translations: $(STAMP)
	for lang in $(LANGUAGES); do \
		$(VENV)/bin/pyside6-lupdate -extensions py -locations relative -target-language $$lang \
			editor -ts $(I18N)/galley_$$lang.ts || exit 1; \
	done
	$(MAKE) catalogues

# The .qm files are built, never committed (the .ts is the source): make run,
# make test and the wheel's build (setup.py) compile them; only a changed .ts
# is compiled again.
CATALOGUES := $(patsubst %.ts,%.qm,$(wildcard $(I18N)/galley_*.ts))

catalogues: $(CATALOGUES)

$(I18N)/%.qm: $(I18N)/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# The golden files from the real generators (Debian's jekyll and hugo):
# tests compare the preview with them and never need the generators.
goldens: $(STAMP)
	$(PY) tests/goldens/make_goldens.py

clean:
	rm -rf $(VENV) build dist *.egg-info

# The one-folder app (packaging/galley.spec): dist/galley/galley is the command
# line and the window, QtWebEngine included; dist/galley/galley-gui the same
# program built windowed (the desktop entry's). PyInstaller comes
# from packaging/requirements-bundle.txt. `make package-check` runs the built
# binary as a user would (packaging/package_check.py; TIMINGS=1 adds start-up
# medians beside the venv's); it is slow, so not part of `make test`.
.PHONY: package package-check install-desktop uninstall-desktop
PYINSTALLER := $(VENV)/bin/pyinstaller

$(PYINSTALLER): packaging/requirements-bundle.txt | $(STAMP)
	$(PY) -m pip install -q -r packaging/requirements-bundle.txt
	touch $@

package: system-deps $(STAMP) $(PYINSTALLER)
	$(PYINSTALLER) --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/galley.spec
	@du -sh dist/galley

package-check: system-deps $(STAMP)
	$(PY) packaging/package_check.py dist/galley/galley $(if $(TIMINGS),--timings)

# The launcher entry, metainfo and icons in the user's XDG_DATA_HOME
# (default ~/.local/share); the launcher runs `galley-gui` from PATH.
install-desktop:
	bash packaging/install-desktop.sh install

uninstall-desktop:
	bash packaging/install-desktop.sh uninstall

# The README's pictures (docs/screenshots/), taken from the real window under
# Xvfb by packaging/screenshots.py; the example site is only read (the broken
# post and the changed-on-disk picture use a temporary copy of it).
# `make rules-doc` rewrites the README's rule table from the rule registry
# (docs/rules_table.py); a test fails while the table is stale.
.PHONY: screenshots rules-doc
screenshots: system-deps $(STAMP) catalogues
	$(PY) packaging/screenshots.py

rules-doc: $(STAMP)
	$(PY) docs/rules_table.py --write
