"""image-missing and broken-link: only what the site folder can decide; remote URLs never fetched."""

from validation_helpers import post


def test_front_matter_image_missing_points_at_the_key(jekyll):
    jekyll.write("assets/img/cover.png", b"png")
    jekyll.write("_posts/2021-05-10-a.md", post(image="/assets/img/missing.png"))
    jekyll.write("_posts/2021-05-10-b.md", post(image="/assets/img/cover.png"))
    jekyll.write("_posts/2021-05-10-c.md", post(image="https://example.org/remote.png"))
    found = jekyll.check("_posts/2021-05-10-a.md", "image-missing")
    assert [(d.key, d.line, d.severity) for d in found] == [("image", 3, "warning")]
    assert jekyll.check("_posts/2021-05-10-b.md", "image-missing") == []
    assert jekyll.check("_posts/2021-05-10-c.md", "image-missing") == []


def test_body_images_resolved_against_root_baseurl_and_bundle(jekyll, hugo):
    jekyll.write("_config.yml", "title: T\nbaseurl: /blog\n")
    jekyll.write("assets/a.png", b"png")
    body = ("![ok](/blog/assets/a.png)\n\n![ok]({{ site.baseurl }}/assets/a.png)\n\n"
            "<img src=\"/assets/nope.png\">\n\n```\n![in code](/nope.png)\n```\n")
    jekyll.write("_posts/2021-05-10-a.md", post(body=body))
    found = jekyll.check("_posts/2021-05-10-a.md", "image-missing")
    assert [(d.line, d.message.split(": ")[-1]) for d in found] == [(8, "/assets/nope.png")]
    hugo.write("content/posts/trip/index.md", post(body="![map](map.png)\n![x](gone.png)\n"))
    hugo.write("content/posts/trip/map.png", b"png")
    found = hugo.check("content/posts/trip/index.md", "image-missing")
    assert [d.message.split(": ")[-1] for d in found] == ["gone.png"]


def test_broken_site_links_and_good_ones(jekyll):
    jekyll.write("_posts/2021-05-10-hello-world.md", post())
    jekyll.write("about.md", post())
    jekyll.write("files/paper.pdf", b"%PDF")
    body = ("[a](/2021/05/10/hello-world/) [b](/about/) [c](/tags/go/) [d](/files/paper.pdf)\n"
            "[e](https://example.org/x) [f](#top) [g](/nowhere/at-all/) [h](/files/gone.pdf)\n"
            "`[i](/in-code/)`\n")
    jekyll.write("_posts/2021-05-11-links.md", post(body=body))
    found = jekyll.check("_posts/2021-05-11-links.md", "broken-link")
    assert [d.message.split(": ")[-1] for d in found] == ["/nowhere/at-all/", "/files/gone.pdf"]
    assert all(d.severity == "warning" and d.line == 5 for d in found)


def test_post_url_and_link_tags(jekyll):
    jekyll.write("_posts/2021-05-10-hello.md", post())
    jekyll.write("_posts/linux/2021-06-01-shell.md", post())
    jekyll.write("docs/guide.md", post())
    good = ("{% post_url 2021-05-10-hello %} {% post_url linux/2021-06-01-shell %} "
            "{% link docs/guide.md %}\n")
    bad = "{% post_url 2020-01-01-gone %} {% link docs/missing.md %}\n"
    jekyll.write("_posts/2021-07-01-good.md", post(body=good))
    jekyll.write("_posts/2021-07-01-bad.md", post(body=bad))
    assert jekyll.check("_posts/2021-07-01-good.md", "broken-link") == []
    found = jekyll.check("_posts/2021-07-01-bad.md", "broken-link")
    assert len(found) == 2 and "post_url" in found[0].message and "`link`" in found[1].message


def test_site_relative_targets_are_not_judged_without_a_generator(tmp_path):
    from validation_helpers import SiteBuilder

    # No config: the folder is not known to be the site root, so "/x.png" cannot be judged;
    # a path relative to the post still can.
    site = SiteBuilder(tmp_path / "notes")
    site.write("news/pic.png", b"png")
    site.write("news/a.md", post(body="![a](/news/gone.png) [b](/nowhere/) ![c](pic.png) "
                                      "![d](missing.png)\n"))
    found = site.check("news/a.md")
    assert [(d.rule, d.message.split(": ")[-1]) for d in found] == [("image-missing", "missing.png")]


def test_hugo_ref_shortcodes(hugo):
    hugo.write("content/posts/first.md", '+++\ntitle = "The first post of all"\n+++\nx\n')
    hugo.write("content/docs/guide/_index.md", '+++\ntitle = "A guide to it all"\n+++\n')
    good = ('{{< ref "posts/first.md" >}} {{< relref "/posts/first" >}} {{< ref "first" >}} '
            '{{< ref "docs/guide" >}} {{< ref "#intro" >}}\n')
    bad = '{{< ref "posts/missing.md" >}}\n'
    hugo.write("content/posts/good.md", '+++\ntitle = "Links that all work"\n+++\n' + good)
    hugo.write("content/posts/bad.md", '+++\ntitle = "A link that is broken"\n+++\n' + bad)
    assert hugo.check("content/posts/good.md", "broken-link") == []
    found = hugo.check("content/posts/bad.md", "broken-link")
    assert [(d.line, d.message.split(": ")[-1]) for d in found] == [
        (4, "posts/missing.md (Hugo stops the build)")]


def test_pages_that_rename_themselves_are_link_targets(jekyll):
    jekyll.write("_pages/projects.md", "---\ntitle: Work\npermalink: /my-work/\n---\nx\n")
    jekyll.write("_posts/2021-05-10-a.md", post(body="[w](/my-work/) [x](/not-a-page/)\n"))
    found = jekyll.check("_posts/2021-05-10-a.md", "broken-link")
    assert [d.message.split(": ")[-1] for d in found] == ["/not-a-page/"]
