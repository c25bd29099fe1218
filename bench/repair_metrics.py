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


def main(week1, week2, previous, roster):
    w1 = {c["id"]: c for c in json.load(open(week1))["clients"]}
    s2 = json.load(open(week2))
    w2 = {c["id"]: c for c in s2["clients"]}
    absent = {h["id"]: set(h.get("absent", [])) for h in s2["helpers"]}
    prev = planned(json.load(open(previous)))
    r = json.load(open(roster))
    now = planned(r)
    unaffected = unchanged = 0
    for (client, visit), (helper, day, start) in prev.items():
        if client not in w2 or client not in w1 or hours_of(w1[client]) != hours_of(w2[client]):
            continue
        if helper not in absent or day in absent[helper]:
            continue
        unaffected += 1
        got = now.get((client, visit))
        if got and got[0] == helper and got[1] == day and abs(got[2] - start) <= 30 + 1e-9:
            unchanged += 1
    k = r["kpi"]
    print(json.dumps({
        "visits": k["visits"], "visits_served": k["visits_served"],
        "travel_per_care_hour": round(k["travel_hours"] / k["care_hours"], 5),
        "objective": k["objective"], "unaffected": unaffected, "unaffected_unchanged": unchanged,
        "unchanged_share": round(unchanged / unaffected, 5) if unaffected else None}))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
