"""Reads an iCalendar file with an independent parser (the `icalendar` package) and expands
its events and rules with `recurring-ical-events` between two instants; prints JSON.

usage: expand.py FILE START_EPOCH END_EPOCH
Checks on the way: CRLF line ends, no line over 75 octets, one VTIMEZONE per TZID used.
"""
import datetime
import json
import sys

import icalendar
import recurring_ical_events

raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n"), "lines must end with CRLF"
for line in raw.split(b"\r\n"):
    assert len(line) <= 75, f"line longer than 75 octets: {line!r}"
    assert b"\n" not in line and b"\r" not in line, "bare line break"
calendar = icalendar.Calendar.from_ical(raw)
zones = {str(c["TZID"]) for c in calendar.walk("VTIMEZONE")}
for event in calendar.walk("VEVENT"):
    tzid = event["DTSTART"].params.get("TZID")
    assert tzid in zones, f"no VTIMEZONE for {tzid}"

start = datetime.datetime.fromtimestamp(int(sys.argv[2]), datetime.timezone.utc)
end = datetime.datetime.fromtimestamp(int(sys.argv[3]), datetime.timezone.utc)
out = []
for event in recurring_ical_events.of(calendar).between(start, end):
    out.append({
        "uid": str(event["UID"]),
        "start": int(event["DTSTART"].dt.timestamp()),
        "end": int(event["DTEND"].dt.timestamp()),
        "local": event["DTSTART"].dt.strftime("%Y-%m-%dT%H:%M"),
        "summary": str(event["SUMMARY"]),
        "status": str(event["STATUS"]),
        "description": str(event.get("DESCRIPTION", "")),
        "sequence": int(event.get("SEQUENCE", 0)),
    })
out.sort(key=lambda e: (e["start"], e["uid"]))
print(json.dumps(out))
