"""`galley render FILE`: write a standalone HTML preview of a post.

Thin over editor.core: `Document` reads the post, `Site.discover` finds its
site, `editor.core.render.render_page` builds the page (CSS inlined; local
images as file URLs, or inlined with --embed-images). Exit codes: 0 ok,
1 a problem with the post (`path:line:col: error: message`), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.core.post.errors import PostError

OK, POST_PROBLEM, USAGE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "render",
        help="write a standalone HTML preview of a post",
        description="Render a post as its site would show it (Liquid, shortcodes, local images) "
                    "into one HTML file with the CSS inlined. Scripts in the post never run.",
    )
    parser.add_argument("file", metavar="FILE", help="the post to render")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    parser.add_argument("--theme", choices=("light", "dark"), default="light", help="preview theme (default: light)")
    parser.add_argument("--site-css", action="store_true",
                        help="use the site's own compiled stylesheet (looked up under the site, e.g. _site/assets/css/style.css)")
    parser.add_argument("--css", metavar="PATH", help="use this compiled stylesheet instead of the preview theme")
    parser.add_argument("--embed-images", action="store_true", help="inline local images as data: URLs")
    parser.add_argument("--block-remote", action="store_true", help="do not load remote images or frames")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from editor.core.disk.storage import StorageError, read_bytes
    from editor.core.post.document import Document
    from editor.core.render import RenderOptions, RenderRequest, SiteInfo, render_page
    from editor.core.render.paths import find_site_css

    path = Path(args.file)
    try:  # the safe reader: a FIFO or a device is refused, a huge file is not read
        data, _ = read_bytes(path)
    except StorageError as exc:
        print(exc, file=sys.stderr)
        return POST_PROBLEM
    try:
        doc = Document.from_bytes(data, path)
    except PostError as exc:
        print(exc.format(path), file=sys.stderr)
        return POST_PROBLEM
    if doc.front_matter_error is not None:
        print(doc.front_matter_error.format(path), file=sys.stderr)
        return POST_PROBLEM
    try:
        site = SiteInfo.discover(path.resolve())
    except Exception as exc:  # noqa: BLE001 - a broken site config must not stop a preview
        print(f"{path}: warning: site not read ({exc}); rendering the post alone", file=sys.stderr)
        site = SiteInfo(root=path.resolve().parent)

    site_css = None
    if args.site_css or args.css:
        site_css = Path(args.css) if args.css else find_site_css(site)
        if site_css is None or not site_css.is_file():
            where = args.css or f"under {site.root}"
            print(f"galley render: no compiled stylesheet {where}; pass --site-css PATH", file=sys.stderr)
            return USAGE
    options = RenderOptions(theme=args.theme, site_css=site_css, embed_images=args.embed_images,
                            block_remote=args.block_remote)
    request = RenderRequest(doc.body, doc.front_matter, doc.body_line, path.resolve(), site, options)
    try:
        page = render_page(request)
    except PostError as exc:
        print(exc.format(path), file=sys.stderr)
        return POST_PROBLEM
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - a post must never end in a traceback
        print(f"{path}:{doc.body_line}:1: error: the post could not be rendered "
              f"({type(exc).__name__}: {str(exc)[:200]})", file=sys.stderr)
        return POST_PROBLEM

    if args.output:
        try:
            Path(args.output).write_text(page, encoding="utf-8")
        except OSError as exc:
            print(f"galley render: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return POST_PROBLEM
    else:
        sys.stdout.write(page)
        sys.stdout.flush()
    return OK
