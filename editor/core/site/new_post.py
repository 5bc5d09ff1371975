"""A new post: its slug, its file's name and place by the site's convention,
and its first text from the site's template.

Jekyll keeps posts in `_posts/YYYY-MM-DD-slug.md` and drafts in
`_drafts/slug.md`; Hugo and Zola in `content/<section>/slug.md`, or as a page
bundle (Zola: a page with colocated assets) `content/<section>/slug/index.md`
when the site's section is made of them.
The first text comes from, in order: a template named in `galley.toml`
(`[new_post] template = "path"`), a Hugo archetype (`archetypes/<section>.md`,
then `archetypes/default.md`), or the built-in front matter (TOML `+++` for
Zola, which reads terms from its `[taxonomies]` table). Whatever the
template says, the title, date, draft flag, categories and tags the writer
chose are then set through the lossless Document, so only those lines change.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.post.document import Document
from editor.core.post.split import FrontMatterKind
from editor.core.site.site import SETTINGS_FILE, Site

__all__ = ["NewPost", "slugify", "site_timezone", "now_in", "section_of", "default_section", "section_for",
           "uses_bundles", "target_path", "target_path_for", "content_dir_for", "jekyll_dir_for", "template_text", "first_text", "plan", "FALLBACK_SLUG"]

#: The slug of a title with no letters or digits at all ("!!!", "").
FALLBACK_SLUG = "post"
#: Longer slugs are cut (at a hyphen when there is one): file systems limit a name to 255 bytes.
MAX_SLUG = 80
_NOT_WORD = re.compile(r"[^\w]+|_+")
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
#: Generators that keep posts in sections under `content/`.
_SECTIONED = ("hugo", "zola")


@dataclass
class NewPost:
    """What the writer chose in the New Post dialog."""

    title: str
    date: _dt.datetime
    draft: bool = True
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    #: Korean written in Revised Romanization in the slug (otherwise kept as letters).
    romanize: bool = False


# -- slugs ----------------------------------------------------------------------


def slugify(title: str, romanize: bool = False) -> str:
    """A file name's stem from a title: lower case, words joined by "-".

    Unicode letters are kept (Jekyll and Hugo serve them); `romanize` writes
    Hangul in Revised Romanization first. Never empty: FALLBACK_SLUG.
    """
    text = unicodedata.normalize("NFC", title or "")
    if romanize and any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"
                        for ch in text):
        import koroman  # only when asked: the option is off by default

        text = koroman.romanize(text)
    slug = _NOT_WORD.sub("-", text.casefold()).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut else cut).strip("-")
    return slug or FALLBACK_SLUG


# -- time -----------------------------------------------------------------------


def site_timezone(site: Site | None) -> _dt.tzinfo | None:
    """The site's configured zone (Jekyll `timezone`, Hugo `timeZone`), or None."""
    if site is None:
        return None
    config = {str(k).lower(): v for k, v in site.config.items()}
    name = config.get("timezone")
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name.strip())
    except (ValueError, KeyError, OSError, ImportError):  # an unknown zone: the computer's own
        return None


def now_in(site: Site | None, now: _dt.datetime | None = None) -> _dt.datetime:
    """Now (to the second) in the site's zone, else the computer's; with a fixed
    offset, so the front matter says `+0900` rather than a zone name."""
    now = now if now is not None else _dt.datetime.now(_dt.timezone.utc)
    if now.tzinfo is None:
        now = now.astimezone()
    zone = site_timezone(site)
    local = now.astimezone(zone) if zone is not None else now.astimezone()
    return local.replace(microsecond=0, tzinfo=_dt.timezone(local.utcoffset()))


# -- where the file goes ----------------------------------------------------------


def _content_dir(site: Site) -> Path:
    roots = site.content_roots()
    return roots[0] if roots else site.root / "content"


def content_dir_for(site: Site, current: str | os.PathLike | None = None) -> Path:
    """The content folder a new Hugo or Zola post goes in: the one the open
    post lives in (the innermost: `content/en` inside `content`), else the
    site's main one (Hugo's `contentDir`, else `content`)."""
    if current is not None:
        path = os.path.abspath(current)
        inside = [r for r in site.content_roots() if path.startswith(os.path.abspath(r) + os.sep)]
        if inside:
            return max(inside, key=lambda r: len(str(r)))
    return _content_dir(site)


def section_of(site: Site, post: str | os.PathLike | None) -> str | None:
    """The Hugo or Zola section of `post` (the first folder under the content
    folder it lives in), or None."""
    if post is None or site.generator not in _SECTIONED:
        return None
    content = content_dir_for(site, post)
    try:
        parts = Path(os.path.abspath(post)).relative_to(os.path.abspath(content)).parts
    except ValueError:
        return None
    return parts[0] if len(parts) > 1 else None


def default_section(site: Site, content: Path | None = None) -> str:
    """`posts`, `post` or `blog`, whichever the site (its content folder
    `content`) has (when none: `posts`, or `blog` in Zola, whose documentation
    names its posts' section so)."""
    content = content if content is not None else _content_dir(site)
    for name in ("posts", "post", "blog"):
        if (content / name).is_dir():
            return name
    return "blog" if site.generator == "zola" else "posts"


def section_for(site: Site, current: str | os.PathLike | None = None) -> str | None:
    """A new Hugo or Zola post's section: the open post's, else the site's posts section."""
    if site.generator not in _SECTIONED:
        return None
    return section_of(site, current) or default_section(site, content_dir_for(site, current))


def uses_bundles(site: Site, section: str, content: Path | None = None) -> bool:
    """Whether the section's posts (in the content folder `content`) are mostly
    page bundles (`slug/index.md`)."""
    folder = (content if content is not None else _content_dir(site)) / section
    bundles = flat = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    for entry in entries:
        if entry.is_dir():
            bundles += any(os.path.isfile(os.path.join(entry.path, n)) for n in ("index.md", "index.markdown"))
        elif entry.name.endswith((".md", ".markdown")) and not entry.name.startswith("_index."):
            flat += 1
    return bundles > flat


def _jekyll_base(site: Site) -> Path:
    folder = site.config.get("collections_dir")
    return site.root / folder if isinstance(folder, str) and folder else site.root


_POST_FOLDERS = ("_posts", "_drafts")


def _post_folder_parent(root: str, path: str) -> str | None:
    """The folder holding the `_posts`/`_drafts` that `path` is in (relative to
    `root`, "" for the root), or None when it is in neither."""
    rel = os.path.relpath(os.path.abspath(path), root)
    if rel.startswith(".."):
        return None
    parts = rel.split(os.sep)
    for i, name in enumerate(parts[:-1]):
        if name in _POST_FOLDERS:
            return os.sep.join(parts[:i])
    return None


def jekyll_dir_for(site: Site, current: str | os.PathLike | None = None) -> Path:
    """The folder whose `_posts`/`_drafts` a new Jekyll post joins: the open
    post's (`ko/news` for `ko/news/_posts/x.md`), else the one holding most of
    the site's posts (the collections dir on a tie or with none)."""
    root = os.path.abspath(site.root)
    if current is not None:
        found = _post_folder_parent(root, os.fspath(current))
        if found is not None:
            return site.root / found if found else site.root
    paths = [str(s.path) for s in site.indexed] or site.post_paths()
    counts = Counter(p for p in (_post_folder_parent(root, path) for path in paths) if p is not None)
    base = os.path.relpath(_jekyll_base(site), root)
    base = "" if base == "." else base
    if not counts:
        return _jekyll_base(site)
    best = max(counts.values())
    if counts.get(base) == best:
        return _jekyll_base(site)
    found = min(p for p, n in counts.items() if n == best)
    return site.root / found if found else site.root


def _taken_jekyll(base: Path, slug: str) -> bool:
    """A draft or a post (any date) already has this slug: publishing would collide."""
    if any((base / "_drafts").glob(f"{glob_escape(slug)}.*")):
        return True
    return any(_DATE_PREFIX.sub("", p.stem, count=1) == slug
               for p in (base / "_posts").glob(f"*-{glob_escape(slug)}.*"))


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def target_path(site: Site, post: NewPost, section: str | None = None, ext: str = ".md",
                current: str | os.PathLike | None = None) -> Path:
    """Where the new post's file goes; a free name (`slug-2`, `slug-3`... when taken).
    `current`: the open post, beside whose posts folder (Jekyll) or in whose
    content folder (Hugo, Zola) the new one goes."""
    base_slug = slugify(post.title, post.romanize)
    content = content_dir_for(site, current) if site.generator in _SECTIONED else None
    base = jekyll_dir_for(site, current) if site.generator == "jekyll" else None
    for n in range(1, 10_000):
        slug = base_slug if n == 1 else f"{base_slug}-{n}"
        if content is not None:
            name = section or default_section(site, content)
            folder = content / name
            if uses_bundles(site, name, content):
                path = folder / slug / f"index{ext}"
                if not path.parent.exists():
                    return path
                continue
            path = folder / f"{slug}{ext}"
            if not path.exists() and not (folder / slug).exists():
                return path
            continue
        if base is not None:
            if _taken_jekyll(base, slug):
                continue
            if post.draft:
                return base / "_drafts" / f"{slug}{ext}"
            return base / "_posts" / f"{post.date:%Y-%m-%d}-{slug}{ext}"
        path = site.root / f"{slug}{ext}"
        if not path.exists():
            return path
    raise RuntimeError("no free file name")  # 10,000 posts of one title


def target_path_for(site: Site, post: NewPost, current: str | os.PathLike | None = None) -> Path:
    """Where a new post goes with the post `current` open (or none)."""
    return target_path(site, post, section_for(site, current), current=current)


# -- the first text -----------------------------------------------------------------


def _settings_template(site: Site) -> Path | None:
    try:
        with open(site.root / SETTINGS_FILE, "rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return None
    table = data.get("new_post")
    name = table.get("template") if isinstance(table, dict) else None
    if isinstance(name, str) and name:
        path = site.root / name
        return path if path.is_file() else None
    return None


def template_text(site: Site | None, section: str | None = None) -> tuple[str | None, Path | None]:
    """(the template's text, its file), or (None, None) for the built-in one."""
    if site is None:
        return None, None
    candidates = [_settings_template(site)]
    if site.generator == "hugo":
        candidates += [site.root / "archetypes" / f"{section}.md" if section else None,
                       site.root / "archetypes" / "default.md"]
    for path in candidates:
        if path is not None and path.is_file():
            try:
                return path.read_text(encoding="utf-8"), path
            except (OSError, UnicodeDecodeError):
                continue
    return None, None


_REPLACE_NAME = re.compile(
    r"""\{\{-?\s*replace\s+\.(?:Name|File\.ContentBaseName)\s+["`]-["`]\s+["`]\s["`]\s*(?:\|\s*title\s*)?-?\}\}""")
_PLACEHOLDER = re.compile(r"\{\{-?\s*\.(Title|Date|Draft|Name|File\.ContentBaseName|Section|Type)\s*-?\}\}")


def fill_placeholders(text: str, post: NewPost, slug: str, section: str | None) -> str:
    """A Hugo archetype's Go-template placeholders, filled as `hugo new` would."""
    values = {"Title": post.title, "Date": post.date.isoformat(), "Draft": "true" if post.draft else "false",
              "Name": slug, "File.ContentBaseName": slug, "Section": section or "", "Type": section or ""}
    text = _REPLACE_NAME.sub(lambda _m: post.title, text)
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def _terms_key(generator: str, name: str) -> tuple[str, ...]:
    """Where a post's terms go: Zola reads them from its `[taxonomies]` table."""
    return ("taxonomies", name) if generator == "zola" else (name,)


def first_text(site: Site | None, post: NewPost, slug: str, section: str | None = None) -> str:
    """The new post's text: the template filled, then the writer's choices set;
    always ending with a newline."""
    template, _source = template_text(site, section)
    generator = site.generator if site is not None else "unknown"
    terms = [(_terms_key(generator, name), list(values))
             for name, values in (("categories", post.categories), ("tags", post.tags)) if values]
    if template is None:
        fm: dict = {"title": post.title, "date": post.date}
        if generator != "jekyll":
            fm["draft"] = post.draft  # Jekyll says it by the folder
        # Zola reads YAML only from its newer versions; TOML is what every Zola reads.
        doc = Document.new(FrontMatterKind.TOML if generator == "zola" else FrontMatterKind.YAML, front_matter=fm)
    else:
        doc = Document.from_text(fill_placeholders(template, post, slug, section))
        if doc.front_matter_error is None:
            doc.set("title", post.title)
            doc.set("date", post.date)
            if generator != "jekyll" or "draft" in doc.front_matter:
                doc.set("draft", post.draft)
    if doc.front_matter_error is None:
        for key, values in terms:
            doc.set(key, values)
    text = doc.text
    return text if text.endswith("\n") else text + "\n"


def plan(site: Site | None, post: NewPost, current: str | os.PathLike | None = None) -> tuple[Path | None, str]:
    """(the new post's file, its first text). The file is None without a site.
    `current`: the open post, whose Hugo or Zola section the new one joins."""
    if site is None:
        return None, first_text(None, post, slugify(post.title, post.romanize))
    section = section_for(site, current)
    path = target_path(site, post, section, current=current)
    slug = path.parent.name if path.stem == "index" else _DATE_PREFIX.sub("", path.stem, count=1)
    return path, first_text(site, post, slug, section)
