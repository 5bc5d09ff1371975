"""scan_folder: the post files under a folder, on real site folders in tmp_path."""

from __future__ import annotations

from pathlib import Path

from editor.core.site.scan import SCAN_DEPTH, nested_site_roots, scan_folder
from editor.core.site.site import Site

POST = "---\ntitle: a post\n---\nbody\n"


def write(path: Path, text: str = POST) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def jekyll(root: Path) -> Path:
    write(root / "_config.yml", "title: Blog\n")
    write(root / "_posts" / "2024-03-01-good.md")
    write(root / "README.md", "# not a post\n")
    return root


def test_a_site_folder_is_known_to_hold_all_its_posts_a_sub_folder_is_not(tmp_path):
    site = jekyll(tmp_path / "blog")
    write(site / "_drafts" / "draft.md")
    whole: set[str] = set()
    assert len(scan_folder(site, whole)) == 2
    assert whole == {str(Site.discover(site).root)}
    part: set[str] = set()
    assert [Path(p).name for p in scan_folder(site / "_drafts", part)] == ["draft.md"]
    assert part == set()
    outer = tmp_path / "sites"  # a folder no generator claims, with a site inside
    jekyll(outer / "inner")
    nested: set[str] = set()
    assert len(scan_folder(outer, nested)) == 1
    assert nested == {str(Site.discover(outer / "inner").root)}


def test_a_folder_of_sites_lists_each_sites_posts_and_its_loose_markdown_not_readmes(tmp_path):
    jekyll(tmp_path / "a")
    write(tmp_path / "b" / "hugo.toml", 'baseURL = "https://b.example/"\n')
    write(tmp_path / "b" / "content" / "post.md")
    write(tmp_path / "b" / "README.md", "# b\n")  # outside content/: not a Hugo post
    write(tmp_path / "notes" / "loose.md")
    write(tmp_path / "CHANGELOG.md", "# changes\n")
    names = sorted(Path(p).relative_to(tmp_path).as_posix() for p in scan_folder(tmp_path))
    assert names == ["a/_posts/2024-03-01-good.md", "b/content/post.md", "notes/loose.md"]


def test_nested_site_roots_stop_at_a_site_and_at_the_scan_depth(tmp_path):
    jekyll(tmp_path / "outer")
    jekyll(tmp_path / "outer" / "docs" / "inner")  # inside a site: that site's business
    deep = tmp_path.joinpath(*[f"d{i}" for i in range(SCAN_DEPTH)], "site")
    jekyll(deep)
    shallow = tmp_path.joinpath(*[f"d{i}" for i in range(SCAN_DEPTH - 1)], "site")
    jekyll(shallow)
    assert nested_site_roots(tmp_path) == [shallow, tmp_path / "outer"]
