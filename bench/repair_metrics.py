#!/usr/bin/env python3
"""Repair benchmark metrics, computed from the files alone (independent of wijkplan's code).

usage: repair_metrics.py WEEK1.json WEEK2.json PREVIOUS_ROSTER.json ROSTER.json
prints one JSON object: visits, served, travel per care hour, and how many of the unaffected
visits are unchanged. A visit of week 2 is *unaffected* when the previous roster routes it (same
client id and visit index), its previous helper is still in week 2 and not absent that day, and
its client's hours are the same in both weeks; it is *unchanged* when the roster serves it by the
same helper on the same day starting within 30 minutes (SPEC "Repair")."""
import json
import sys


def hours_of(client):
    keys = ("hours_per_week", "visits_per_week", "visits")
    return json.dumps({k: client.get(k) for k in keys}, sort_keys=True)


def planned(roster):
    out = {}
    for route in roster["routes"]:
        for v in route["visits"]:
            out[(v["client"], v["visit"])] = (route["helper"], route["day"], v["start"])
    return out


class Weeks:
    """The two weeks and last week's plan, read once: week 2's clients, its absences, the
    previous roster's (helper, day, start) per (client, visit), and which of those are
    unaffected."""

    def __init__(self, week1, week2, previous):
        self.w1 = {c["id"]: c for c in json.load(open(week1))["clients"]}
        s2 = json.load(open(week2))
        self.w2 = {c["id"]: c for c in s2["clients"]}
        self.absent = {h["id"]: set(h.get("absent", [])) for h in s2["helpers"]}
        self.prev = planned(json.load(open(previous)))

    def unaffected(self):
        """((client, visit), (helper, day, start)) of every unaffected visit."""
        for (client, visit), (helper, day, start) in self.prev.items():
            w1, w2 = self.w1.get(client), self.w2.get(client)
            if not w1 or not w2 or hours_of(w1) != hours_of(w2):
                continue
            if helper not in self.absent or day in self.absent[helper]:
                continue
            yield (client, visit), (helper, day, start)


def unchanged(got, helper, day, start):
    """Served by the same helper on the same day, starting within 30 minutes (SPEC)."""
    return bool(got) and got[0] == helper and got[1] == day and abs(got[2] - start) <= 30 + 1e-9


def main(week1, week2, previous, roster):
    weeks = Weeks(week1, week2, previous)
    r = json.load(open(roster))
    now = planned(r)
    unaffected = kept = 0
    for key, (helper, day, start) in weeks.unaffected():
        unaffected += 1
        kept += unchanged(now.get(key), helper, day, start)
    k = r["kpi"]
    print(json.dumps({
        "visits": k["visits"], "visits_served": k["visits_served"],
        "travel_per_care_hour": round(k["travel_hours"] / k["care_hours"], 5),
        "objective": k["objective"], "unaffected": unaffected, "unaffected_unchanged": kept,
        "unchanged_share": round(kept / unaffected, 5) if unaffected else None}))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
