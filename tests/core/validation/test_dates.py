"""date-format, filename-date-mismatch, future-date."""

import datetime as dt

from validation_helpers import NOW, post


def test_unreadable_date_is_an_error_and_offsets_without_colon_are_fine(jekyll):
    jekyll.write("_posts/2021-05-10-bad.md", post(date="next tuesday"))
    jekyll.write("_posts/2021-05-10-good.md", post(date='"2021-05-10 10:00:00 +0900"'))
    found = jekyll.check("_posts/2021-05-10-bad.md", "date-format")
    assert [(d.severity, d.key, d.line) for d in found] == [("error", "date", 3)]
    assert jekyll.check("_posts/2021-05-10-good.md", "date-format") == []


def test_file_name_date_mismatch(jekyll):
    jekyll.write("_posts/2021-05-10-a.md", post(date="2021-05-12 10:00:00 +0900"))
    jekyll.write("_posts/2021-05-10-b.md", post(date="2021-05-10 23:30:00 +0900"))
    found = jekyll.check("_posts/2021-05-10-a.md", "filename-date-mismatch")
    assert [(d.severity, d.key) for d in found] == [("warning", "date")]
    assert "2021-05-12" in found[0].fix
    assert jekyll.check("_posts/2021-05-10-b.md", "filename-date-mismatch") == []


def test_file_name_date_matches_in_the_site_time_zone(jekyll):
    # 2016-08-25 09:50 +03:00 is still the 24th in Los Angeles, where the site lives.
    jekyll.write("_config.yml", "title: T\ntimezone: America/Los_Angeles\n")
    jekyll.write("_posts/2016-08-24-admin.md", post(date='"2016-08-25 09:50:00 +0300"'))
    assert jekyll.check("_posts/2016-08-24-admin.md", "filename-date-mismatch") == []
    jekyll.write("_posts/2016-08-23-admin.md", post(date='"2016-08-25 09:50:00 +0300"'))
    assert len(jekyll.check("_posts/2016-08-23-admin.md", "filename-date-mismatch")) == 1


def test_future_date_unless_the_site_publishes_the_future(jekyll):
    future = (NOW + dt.timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S +0000")
    past = (NOW - dt.timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S +0000")
    name = (NOW + dt.timedelta(days=30)).strftime("%Y-%m-%d")
    jekyll.write(f"_posts/{name}-soon.md", post(date=future))
    jekyll.write("_posts/2024-05-01-past.md", post(date=past))
    found = jekyll.check(f"_posts/{name}-soon.md", "future-date")
    assert [(d.severity, d.key) for d in found] == [("warning", "date")]
    assert jekyll.check("_posts/2024-05-01-past.md", "future-date") == []
    jekyll.write("_config.yml", "title: T\nfuture: true\n")
    assert jekyll.check(f"_posts/{name}-soon.md", "future-date") == []


def test_future_date_ignores_drafts(jekyll):
    jekyll.write("_drafts/soon.md", post(date="2999-01-01"))
    jekyll.write("_posts/2999-01-01-soon.md", post(date="2999-01-01"))
    assert jekyll.check("_drafts/soon.md", "future-date") == []
    assert len(jekyll.check("_posts/2999-01-01-soon.md", "future-date")) == 1
