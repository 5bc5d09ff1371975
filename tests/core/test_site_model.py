"""The open site as a plain-Python model: opened once, refreshed after a
change on disk (re-reading only what changed), subscribers told."""

from __future__ import annotations

from editor.core.site.model import OpenSite, discover


def test_open_refresh_and_subscribers(tmp_path):
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: T\n", encoding="utf-8")
    first = tmp_path / "_posts" / "2024-01-01-a.md"
    first.write_text("---\ntitle: A\ntags: [x]\n---\nbody\n", encoding="utf-8")
    derived_calls = []

    def derive(site, summaries):
        derived_calls.append(len(summaries))
        return {"posts": len(summaries)}

    model = OpenSite.open(first, derive)
    assert model.root == tmp_path and model.generator == "jekyll" and model.config == {"title": "T"}
    assert [s.path for s in model.summaries] == [first] and model.derived == {"posts": 1}
    told = []
    model.subscribe(told.append)

    (tmp_path / "_posts" / "2024-02-01-b.md").write_text("---\ntitle: B\n---\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text("title: Renamed\n", encoding="utf-8")
    model.refresh()
    assert told == [model] and len(model.summaries) == 2 and model.derived == {"posts": 2}
    assert model.config == {"title": "Renamed"}
    assert derived_calls == [1, 2]


def test_a_broken_derivation_still_opens_the_site(tmp_path):
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: [unclosed\n", encoding="utf-8")

    def derive(site, summaries):
        raise ValueError("bad galley.toml")

    model = OpenSite.open(tmp_path, derive)
    assert model.config_error is not None and model.derived is None
    assert str(model.derive_error) == "bad galley.toml"
    assert model.vocabulary == {} and model.schema is None


def test_no_site_and_discovery(tmp_path):
    none = OpenSite.none("facts")
    assert none.root is None and none.derived == "facts" and not none.contains(tmp_path)
    lone = tmp_path / "note.md"
    lone.write_text("hi\n", encoding="utf-8")
    assert discover(lone).root == tmp_path
