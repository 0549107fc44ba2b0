#!/usr/bin/env python3
"""Independent reader for the bot's iCalendar and Atom feeds, used by the Rust tests.

The Rust tests render a feed with the bot's own code, then ask this script to
parse it back with widely used third-party parsers (`icalendar`, `feedparser`)
and compare the JSON it prints. A feed that only the bot's own code can read
is a bug; this catches it.

Usage:
    python read_feed.py ics FILE [--tz Europe/Copenhagen]
    python read_feed.py atom FILE

Prints one JSON document on stdout and exits 0, or prints
`read_feed: FILE: message` on stderr and exits 1 when the file is malformed or
breaks the rules below. Bad usage exits 2.

iCalendar (RFC 5545) is checked more strictly than `icalendar` itself does:
  * the file must be UTF-8, start with BEGIN:VCALENDAR, use CRLF line endings
    everywhere (and end with CRLF), and have no line longer than 75 octets;
  * exactly one VCALENDAR with VERSION:2.0 and PRODID;
  * every TZID parameter must name a VTIMEZONE in the file;
  * every VEVENT needs UID, DTSTAMP and DTSTART; DTEND and DURATION are
    exclusive; DTEND has the same value type as DTSTART and is not before it;
  * any property `icalendar` could not parse is an error (it otherwise drops
    them silently);
  * a date-time with a TZID is resolved with the file's own VTIMEZONE. If the
    TZID is also an IANA zone name, the offsets the file's VTIMEZONE gives must
    agree with the IANA zone at every reported instant (otherwise clients that
    use the VTIMEZONE, like Outlook, and clients that use the name, like
    Google, would show different times).

Note: `icalendar` 6 itself prefers the IANA zone over the file's VTIMEZONE
when the TZID is an IANA name; this script re-attaches the VTIMEZONE-built zone
so that the file's definitions are what gets tested.

Times: *_local are "YYYY-MM-DDTHH:MM" in --tz (default UTC), or "YYYY-MM-DD"
for DATE values; *_utc are "YYYY-MM-DDTHH:MM:SSZ", null for DATE values and
for floating times (no TZID, no Z; their *_local is the wall time as written).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
from typing import Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MAX_OCTETS = 75
MAX_OCCURRENCES = 10


class FeedError(Exception):
    """A problem with the feed being read (exit 1)."""


def fail(path: str, msg: str) -> NoReturn:
    print(f"read_feed: {path}: {msg}", file=sys.stderr)
    sys.exit(1)


# ----------------------------------------------------------------- iCalendar --


def check_raw_ics(data: bytes) -> str:
    """Byte-level RFC 5545 checks; returns the decoded text."""
    if not data.startswith(b"BEGIN:VCALENDAR"):
        start = data[:20].decode("utf-8", "replace")
        raise FeedError(f"does not start with BEGIN:VCALENDAR (starts with {start!r})")
    lines = data.split(b"\r\n")
    last = lines.pop()
    if last:
        lines.append(last)  # checked below; then reported as not ending with CRLF
    for no, line in enumerate(lines, 1):
        if b"\n" in line:
            raise FeedError(
                f"line {no}: bare LF line ending; RFC 5545 3.1 requires CRLF"
            )
        if b"\r" in line:
            raise FeedError(f"line {no}: bare CR; RFC 5545 3.1 requires CRLF line endings")
        if len(line) > MAX_OCTETS:
            raise FeedError(
                f"line {no} is {len(line)} octets long, longer than {MAX_OCTETS}; "
                f"RFC 5545 3.1 requires folding: {line[:40].decode('utf-8', 'replace')!r}..."
            )
        if no > 1 and line == b"":
            raise FeedError(f"line {no}: empty line (not allowed in iCalendar)")
    if last:
        raise FeedError("does not end with CRLF (RFC 5545 3.1: every content line ends with CRLF)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise FeedError(f"not valid UTF-8: {e}") from None


def check_structure(text: str) -> tuple[set[str], list[tuple[int, str, str]]]:
    """Walk the unfolded content lines: BEGIN/END nesting, VTIMEZONE TZIDs
    defined and TZID parameters used (content-line index, property, tzid)."""
    from icalendar.parser import Contentlines

    stack: list[str] = []
    top_level = 0
    defined: set[str] = set()
    used: list[tuple[int, str, str]] = []
    for idx, line in enumerate(Contentlines.from_ical(text), 1):
        if not line:
            continue
        try:
            name, params, value = line.parts()
        except ValueError as e:
            raise FeedError(f"content line {idx}: cannot parse {str(line)[:60]!r}: {e}") from None
        name = name.upper()
        if name == "BEGIN":
            if not stack:
                top_level += 1
                if top_level > 1:
                    raise FeedError("more than one top-level component (only one VCALENDAR allowed)")
                if value.upper() != "VCALENDAR":
                    raise FeedError(f"top-level component is {value}, not VCALENDAR")
            stack.append(value.upper())
        elif name == "END":
            if not stack or stack[-1] != value.upper():
                expected = stack[-1] if stack else "nothing"
                raise FeedError(f"content line {idx}: END:{value} but {expected} is open")
            stack.pop()
        else:
            if not stack:
                raise FeedError(f"content line {idx}: property {name} outside VCALENDAR")
            if name == "TZID" and stack[-1] == "VTIMEZONE":
                defined.add(str(value))
            if "TZID" in params:
                used.append((idx, name, str(params["TZID"])))
    if stack:
        raise FeedError(f"unterminated component(s): {', '.join(stack)} (missing END)")
    return defined, used


def fmt_local(value: dt.date | dt.datetime, tz: dt.tzinfo) -> str:
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    if value.tzinfo is None:  # floating: wall time as written
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.astimezone(tz).strftime("%Y-%m-%dT%H:%M")


def fmt_utc(value: dt.date | dt.datetime) -> str | None:
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        return None
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def text_or_none(component, name: str) -> str | None:
    value = component.get(name)
    if value is None:
        return None
    if isinstance(value, list):
        raise FeedError(f"{name} appears more than once in {component.name} {component.get('UID')}")
    return str(value)


def read_ics(path: str, out_tz: dt.tzinfo) -> dict[str, Any]:
    import icalendar
    from icalendar.timezone import tzp

    with open(path, "rb") as f:
        data = f.read()
    text = check_raw_ics(data)
    defined, used = check_structure(text)
    for idx, prop, tzid in used:
        if tzid not in defined:
            have = ", ".join(sorted(defined)) or "none"
            raise FeedError(
                f"content line {idx}: {prop} uses TZID={tzid} but the file has no "
                f"VTIMEZONE with that TZID (RFC 5545 3.2.19 requires one; VTIMEZONEs: {have})"
            )

    try:
        cal = icalendar.Calendar.from_ical(text)
    except Exception as e:  # icalendar raises ValueError and friends
        raise FeedError(f"icalendar cannot parse it: {e}") from None

    for comp in cal.walk():
        for prop, err in getattr(comp, "errors", []):
            where = f"{comp.name} {comp.get('UID', '')}".strip()
            raise FeedError(f"{where}: cannot parse property {prop or '?'}: {err}")

    version = text_or_none(cal, "VERSION")
    prodid = text_or_none(cal, "PRODID")
    if version is None:
        raise FeedError("VCALENDAR has no VERSION (RFC 5545 3.7.4 requires VERSION:2.0)")
    if version != "2.0":
        raise FeedError(f"VERSION is {version!r}, not 2.0")
    if prodid is None:
        raise FeedError("VCALENDAR has no PRODID (RFC 5545 3.7.3 requires one)")

    # The file's own zones, built from its VTIMEZONE components.
    file_zones: dict[str, dt.tzinfo] = {}
    timezones: list[str] = []
    for vtz in cal.walk("VTIMEZONE"):
        tzid = str(vtz["TZID"])
        timezones.append(tzid)
        try:
            file_zones[tzid] = vtz.to_tz(tzp, lookup_tzid=False)
        except Exception as e:
            raise FeedError(f"VTIMEZONE {tzid}: cannot build a time zone from it: {e}") from None

    def iana(tzid: str) -> dt.tzinfo | None:
        try:
            return ZoneInfo(tzid)
        except (ZoneInfoNotFoundError, ValueError):
            return None

    def resolve(prop, what: str, uid: str) -> dt.date | dt.datetime:
        """The value of a DTSTART/DTEND/EXDATE item, with the file's zone."""
        value = prop.dt if hasattr(prop, "dt") else prop
        tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
        return attach(value, tzid, what, uid)

    def attach(value, tzid, what, uid):
        if isinstance(value, dt.datetime) and tzid is not None:
            value = value.replace(tzinfo=file_zones[str(tzid)])
            cross_check(value, str(tzid), what, uid)
        return value

    def cross_check(value: dt.datetime, tzid: str, what: str, uid: str) -> None:
        zone = iana(tzid)
        if zone is None:
            return
        wall = value.replace(tzinfo=None)
        ours = value.utcoffset()
        theirs = wall.replace(tzinfo=zone).utcoffset()
        if ours != theirs:
            raise FeedError(
                f"VEVENT {uid}: {what} {wall.isoformat()} in TZID={tzid}: the file's "
                f"VTIMEZONE gives UTC offset {ours} but the IANA zone {tzid} gives "
                f"{theirs}; the VTIMEZONE is wrong or incomplete"
            )

    def date_list(component, name: str, uid: str) -> list:
        raw = component.get(name)
        if raw is None:
            return []
        out = []
        for group in raw if isinstance(raw, list) else [raw]:
            tzid = group.params.get("TZID")
            for item in group.dts:
                value = item.dt
                if isinstance(value, tuple):  # RDATE;VALUE=PERIOD: use its start
                    value = value[0]
                out.append(attach(value, tzid, name, uid))
        return out

    events = []
    for ev in cal.walk("VEVENT"):
        uid = text_or_none(ev, "UID")
        if uid is None:
            raise FeedError("a VEVENT has no UID (RFC 5545 3.6.1 requires one)")
        if ev.get("DTSTAMP") is None:
            raise FeedError(f"VEVENT {uid}: no DTSTAMP (RFC 5545 3.6.1 requires one)")
        if ev.get("DTSTART") is None:
            raise FeedError(f"VEVENT {uid}: no DTSTART")
        start = resolve(ev["DTSTART"], "DTSTART", uid)
        is_date = not isinstance(start, dt.datetime)

        if ev.get("DTEND") is not None and ev.get("DURATION") is not None:
            raise FeedError(f"VEVENT {uid}: has both DTEND and DURATION (RFC 5545 forbids)")
        end = None
        if ev.get("DTEND") is not None:
            end = resolve(ev["DTEND"], "DTEND", uid)
            if isinstance(end, dt.datetime) == is_date:
                raise FeedError(
                    f"VEVENT {uid}: DTSTART is a {'DATE' if is_date else 'DATE-TIME'} "
                    f"but DTEND is not (RFC 5545 3.8.2.2 requires the same value type)"
                )
        elif ev.get("DURATION") is not None:
            end = add_duration(start, ev["DURATION"].dt)
        if end is not None:
            if not is_date and (start.tzinfo is None) != (end.tzinfo is None):
                raise FeedError(f"VEVENT {uid}: one of DTSTART/DTEND is floating, the other is not")
            if end < start:
                raise FeedError(f"VEVENT {uid}: DTEND {end} is before DTSTART {start}")

        rrule_prop = ev.get("RRULE")
        if isinstance(rrule_prop, list):
            raise FeedError(f"VEVENT {uid}: more than one RRULE")
        rrule_text = rrule_prop.to_ical().decode() if rrule_prop is not None else None
        exdates = date_list(ev, "EXDATE", uid)
        rdates = date_list(ev, "RDATE", uid)
        for x in exdates + rdates:
            if isinstance(x, dt.datetime) == is_date:
                raise FeedError(f"VEVENT {uid}: EXDATE/RDATE {x} has a different value type than DTSTART")

        if rrule_text is None and not rdates:
            occurrences = [start]
        else:
            occurrences = expand(start, rrule_text, rdates, exdates, uid)
        for occ in occurrences:
            if isinstance(occ, dt.datetime) and occ.tzinfo is not None:
                tzid = ev["DTSTART"].params.get("TZID")
                if tzid is not None:
                    cross_check(occ, str(tzid), "occurrence", uid)

        categories: list[str] = []
        cats = ev.get("CATEGORIES")
        for group in cats if isinstance(cats, list) else ([cats] if cats is not None else []):
            categories.extend(str(c) for c in group.cats)

        geo = ev.get("GEO")
        seq = ev.get("SEQUENCE")
        tzid = ev["DTSTART"].params.get("TZID")
        events.append(
            {
                "uid": uid,
                "summary": text_or_none(ev, "SUMMARY"),
                "description": text_or_none(ev, "DESCRIPTION"),
                "location": text_or_none(ev, "LOCATION"),
                "url": text_or_none(ev, "URL"),
                "status": text_or_none(ev, "STATUS"),
                "sequence": int(seq) if seq is not None else 0,
                "dtstart_local": fmt_local(start, out_tz),
                "dtstart_utc": fmt_utc(start),
                "dtend_local": fmt_local(end, out_tz) if end is not None else None,
                "dtend_utc": fmt_utc(end) if end is not None else None,
                "tzid": str(tzid) if tzid is not None else None,
                "rrule": rrule_text,
                "exdates_local": [fmt_local(x, out_tz) for x in exdates],
                "occurrences_local": [fmt_local(o, out_tz) for o in occurrences],
                "categories": categories,
                "geo": [geo.latitude, geo.longitude] if geo is not None else None,
            }
        )

    name = cal.get("X-WR-CALNAME")
    return {
        "calendar": {
            "prodid": prodid,
            "version": version,
            "name": str(name) if name is not None else None,
            "timezones": timezones,
        },
        "events": events,
    }


def add_duration(start, duration: dt.timedelta):
    """RFC 5545 3.3.6: days and weeks are nominal (same wall time), hours,
    minutes and seconds are exact (so they are added in UTC)."""
    days = dt.timedelta(days=duration.days)
    exact = duration - days
    end = start + days
    if exact and isinstance(end, dt.datetime) and end.tzinfo is not None:
        tz = end.tzinfo
        return (end.astimezone(dt.timezone.utc) + exact).astimezone(tz)
    return end + exact


def expand(start, rrule_text, rdates, exdates, uid) -> list:
    """The first MAX_OCCURRENCES occurrences (dateutil), honouring RDATE/EXDATE."""
    from dateutil.rrule import rruleset, rrulestr

    is_date = not isinstance(start, dt.datetime)

    def as_dt(d):
        return dt.datetime.combine(d, dt.time()) if not isinstance(d, dt.datetime) else d

    try:
        if rrule_text is not None:
            rset = rrulestr(rrule_text, dtstart=as_dt(start), forceset=True)
        else:
            rset = rruleset()
            rset.rdate(as_dt(start))
        for r in rdates:
            rset.rdate(as_dt(r))
        for x in exdates:
            rset.exdate(as_dt(x))
        occ = list(itertools.islice(iter(rset), MAX_OCCURRENCES))
    except (ValueError, TypeError) as e:
        raise FeedError(f"VEVENT {uid}: cannot expand RRULE {rrule_text!r}: {e}") from None
    return [o.date() for o in occ] if is_date else occ


# ---------------------------------------------------------------------- Atom --


def read_atom(path: str) -> dict[str, Any]:
    import feedparser

    with open(path, "rb") as f:
        data = f.read()
    # Bytes, not the path: feedparser treats a string it cannot open as the
    # document itself. No sanitizing or URI resolving: report what the bot wrote.
    d = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if d.get("bozo"):
        raise FeedError(f"malformed feed (feedparser bozo): {d.get('bozo_exception')}")
    if d.get("version") != "atom10":
        raise FeedError(f"not an Atom 1.0 feed (feedparser detected {d.get('version') or 'nothing'!r})")

    # Note: feedparser fills in rel="alternate" and type (text/html, or
    # application/atom+xml for rel="self") when a <link> has none.
    def links(obj) -> list[dict[str, Any]]:
        return [
            {"rel": l.get("rel"), "href": l.get("href"), "type": l.get("type")}
            for l in obj.get("links", [])
        ]

    feed = d.feed
    entries = []
    for e in d.entries:
        content = e.get("content")
        author = e.get("author_detail")
        entries.append(
            {
                "id": e.get("id"),
                "title": e.get("title"),
                "updated": e.get("updated"),
                "published": e.get("published"),
                # feedparser copies text/html content into `summary` when an
                # entry has no <summary>; only summary_detail shows a real one.
                "summary": e["summary_detail"].get("value") if "summary_detail" in e else None,
                "content": content[0].get("value") if content else None,
                "links": links(e),
                "author": author.get("name") if author else None,
            }
        )
    return {
        "feed": {
            "title": feed.get("title"),
            "id": feed.get("id"),
            "updated": feed.get("updated"),
            "links": links(feed),
            "lang": feed.get("language"),
        },
        "entries": entries,
        "bozo": bool(d.get("bozo")),
        "bozo_exception": str(d["bozo_exception"]) if d.get("bozo_exception") else None,
        "version": d.get("version"),
    }


# ---------------------------------------------------------------------- main --


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Parse a Vores feed back with third-party parsers; print JSON.")
    sub = ap.add_subparsers(dest="kind", required=True)
    ics = sub.add_parser("ics", help="iCalendar file (icalendar + dateutil)")
    ics.add_argument("file")
    ics.add_argument("--tz", default="UTC", help="IANA zone for *_local values (default UTC)")
    atom = sub.add_parser("atom", help="Atom 1.0 feed (feedparser)")
    atom.add_argument("file")
    args = ap.parse_args(argv)

    try:
        if args.kind == "ics":
            try:
                out_tz = ZoneInfo(args.tz)
            except (ZoneInfoNotFoundError, ValueError):
                ap.error(f"unknown time zone --tz {args.tz!r}")
            result = read_ics(args.file, out_tz)
        else:
            result = read_atom(args.file)
    except FeedError as e:
        fail(args.file, str(e))
    except OSError as e:
        fail(args.file, f"cannot read: {e.strerror or e}")
    except Exception as e:  # a parser blew up: still a bad feed, still exit 1
        fail(args.file, f"{type(e).__name__}: {e}")
    # Always UTF-8, whatever the locale of the test process.
    out = (json.dumps(result, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    try:
        sys.stdout.buffer.write(out)
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
