"""Reads an .ics file with libical (Evolution, GNOME) and prints one JSON object per VEVENT.

Runs under Debian's /usr/bin/python3, the only Python that sees the gir1.2-ical-3.0 bindings; the
tests call it in a subprocess. Exits 1 when libical reports a parse error (an X-LIC-ERROR).
"""

import json
import sys
from pathlib import Path

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as ICal  # noqa: E402

UTC = ICal.Timezone.get_utc_timezone()


def show(t):
    if t.is_date():
        return f"{t.get_year():04d}-{t.get_month():02d}-{t.get_day():02d}"
    u = t.clone()
    u.convert_to_zone_inplace(UTC)
    return (
        f"{u.get_year():04d}-{u.get_month():02d}-{u.get_day():02d}"
        f"T{u.get_hour():02d}:{u.get_minute():02d}:{u.get_second():02d}Z"
    )


def main(path):
    root = ICal.Component.new_from_string(Path(path).read_text(encoding="utf-8"))
    if root is None:
        print("libical could not parse the file", file=sys.stderr)
        return 1
    errors = []
    comp = root.get_first_component(ICal.ComponentKind.ANY_COMPONENT)
    while comp is not None:
        prop = comp.get_first_property(ICal.PropertyKind.XLICERROR_PROPERTY)
        while prop is not None:
            errors.append(prop.get_xlicerror())
            prop = comp.get_next_property(ICal.PropertyKind.XLICERROR_PROPERTY)
        comp = root.get_next_component(ICal.ComponentKind.ANY_COMPONENT)
    event = root.get_first_component(ICal.ComponentKind.VEVENT_COMPONENT)
    while event is not None:
        start, end = event.get_dtstart(), event.get_dtend()
        zone = start.get_timezone()
        print(
            json.dumps(
                {
                    "summary": event.get_summary(),
                    "allDay": bool(start.is_date()),
                    "start": show(start),
                    "end": show(end),
                    "zone": zone.get_tzid() if zone is not None and not start.is_date() else None,
                    "uid": event.get_uid(),
                }
            )
        )
        event = root.get_next_component(ICal.ComponentKind.VEVENT_COMPONENT)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
