"""Dates: readable, matching the Jekyll file name, not silently in the future."""

from __future__ import annotations

import datetime as _dt
import re

from editor.core.site.dates import calendar_day, parse_date
from editor.core.validation.rules.registry import ERROR, WARNING, check, diagnostic

_FILE_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-")
#: Keys every generator reads as dates, whatever the schema says.
_DATE_KEYS = ("date", "lastmod", "last_modified_at", "publishDate", "expiryDate", "updated")


def _date_keys(ctx):
    keys = {k: False for k in _DATE_KEYS}
    for field in ctx.schema.fields:
        if field.type in ("date", "datetime") and not field.loose:
            keys[field.name] = field.inferred
    return keys


@check("date-format", site_wide=True, date_format=ERROR)
def check_date_format(post, ctx):
    if post.front_matter_error is not None:
        return
    fm = post.front_matter
    for key, inferred in _date_keys(ctx).items():
        value = fm.get(key)
        if isinstance(value, str) and value.strip() and parse_date(value) is None:
            # Jekyll and Hugo stop the build on a date they cannot read.
            severity = WARNING if inferred and key not in _DATE_KEYS else ERROR
            yield diagnostic("date-format", severity, post.where(key), key=key,
                             fix="date-format", field=key, value=repr(value))


def file_name_date(post) -> _dt.date | None:
    """The date in a Jekyll post file name (2021-05-10-title.md), if any."""
    cache = post.cache  # three rules ask, per post
    if "file_name_date" not in cache:
        cache["file_name_date"] = None if post.name is None else _date_in_name(post.name)
    return cache["file_name_date"]


def _date_in_name(name: str) -> _dt.date | None:
    m = _FILE_DATE.match(name)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _is_jekyll_post(post, ctx) -> bool:
    parts = post.folder_parts
    return ctx.generator in ("jekyll", "unknown") and ("_posts" in parts)


@check("filename-date", filename_date_mismatch=WARNING)
def check_filename_date(post, ctx):
    if post.front_matter_error is not None or not _is_jekyll_post(post, ctx):
        return
    from_name = file_name_date(post)
    written = parse_date(post.front_matter.get("date"))
    if from_name is None or written is None:
        return
    # The day as written (`2021-05-10 00:30 +09:00` is the 10th for its writer), and
    # the day in the site's time zone, which Jekyll uses for the URL: either may be
    # what the file name meant.
    day = calendar_day(written)
    if day != from_name and _site_day(written, ctx) != from_name:
        yield diagnostic("filename-date-mismatch", WARNING, post.where("date"), key="date",
                         fix="filename-date-mismatch", name_date=from_name.isoformat(),
                         date=day.isoformat(), new_name=f"{day.isoformat()}{post.path.name[10:]}")


def _site_day(value: _dt.date, ctx) -> _dt.date | None:
    if not isinstance(value, _dt.datetime) or value.tzinfo is None or not ctx.timezone:
        return None
    try:
        from zoneinfo import ZoneInfo

        return value.astimezone(ZoneInfo(ctx.timezone)).date()
    except Exception:  # an unknown zone name, or no tz database on this machine
        return None


def _unpublished(post) -> bool:
    fm = post.front_matter
    return ("_drafts" in post.folder_parts or fm.get("draft") is True
            or fm.get("published") is False)


@check("future-date", future_date=WARNING)
def check_future(post, ctx):
    if post.front_matter_error is not None or ctx.future is not False or _unpublished(post):
        return
    if ctx.generator not in ("jekyll", "hugo"):
        return  # Zola and unknown generators do not hold back future posts
    key = "date"
    value = parse_date(post.front_matter.get("date"))
    if value is None and ctx.generator == "hugo":
        key, value = "publishDate", parse_date(post.front_matter.get("publishDate"))
    if value is None and ctx.generator == "jekyll" and _is_jekyll_post(post, ctx):
        key, value = None, file_name_date(post)
    if value is None:
        return
    now = ctx.current_time()
    if isinstance(value, _dt.datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=_dt.timezone.utc)
        future = moment > now
    else:
        # A date without a time: in the future once it is after today everywhere.
        future = value > (now + _dt.timedelta(hours=14)).date()
    if future:
        name = "Jekyll" if ctx.generator == "jekyll" else "Hugo"
        setting = "`future: true`" if ctx.generator == "jekyll" else "`buildFuture = true`"
        yield diagnostic("future-date" if key else "future-date/file-name", WARNING,
                         post.where(key) if key else (1, 1), key=key, date=value.isoformat(),
                         generator=name, setting=setting)
