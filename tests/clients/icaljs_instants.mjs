// Reads an .ics file with ical.js (the parser Thunderbird builds on) and prints one JSON object per
// VEVENT: UTC instants for timed events, dates for all-day ones. Every VTIMEZONE is registered
// first, as Thunderbird does; a TZID without one would silently be read as floating, so that is an
// error here, as are missing required properties and duplicate UIDs.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
const root = new ICAL.Component(ICAL.parse(text));
const problems = [];
for (const name of ["prodid", "version"]) {
  if (!root.getFirstPropertyValue(name)) problems.push(`VCALENDAR has no ${name.toUpperCase()}`);
}
const zones = new Set();
for (const vtz of root.getAllSubcomponents("vtimezone")) {
  const tz = new ICAL.Timezone(vtz);
  ICAL.TimezoneService.register(tz);
  zones.add(tz.tzid);
}
const uids = new Set();
for (const vevent of root.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  for (const name of ["uid", "dtstamp", "dtstart"]) {
    if (!vevent.getFirstPropertyValue(name)) problems.push(`${event.summary}: no ${name.toUpperCase()}`);
  }
  if (uids.has(event.uid)) problems.push(`duplicate UID ${event.uid}`);
  uids.add(event.uid);
  for (const name of ["dtstart", "dtend"]) {
    const tzid = vevent.getFirstProperty(name)?.getParameter("tzid");
    if (tzid && !zones.has(tzid)) problems.push(`${event.summary}: TZID ${tzid} has no VTIMEZONE`);
  }
  const alarms = vevent.getAllSubcomponents("valarm").map(
    (a) => `${a.getFirstPropertyValue("action")} ${a.getFirstPropertyValue("trigger")}`,
  );
  const allDay = event.startDate.isDate;
  const show = (t) => (allDay ? t.toString() : t.toJSDate().toISOString());
  console.log(
    JSON.stringify({
      summary: event.summary,
      allDay,
      start: show(event.startDate),
      end: show(event.endDate),
      zone: allDay ? null : event.startDate.zone.tzid,
      uid: event.uid,
      sequence: event.sequence,
      transp: vevent.getFirstPropertyValue("transp"),
      alarms,
    }),
  );
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
