#!/usr/bin/env python3
"""Why unaffected visits changed in a repair: counts them by what changed, from the files alone.

usage: repair_why.py WEEK1.json WEEK2.json PREVIOUS_ROSTER.json ROSTER.json
An unaffected visit (repair_metrics.py) that is not unchanged is counted by kind: another
helper (and whether that helper was the client's fixed pair), another day, another time (by
30-minute steps), or unassigned; and whether another visit of the same client lost its
helper to an absence that week ("sibling absent"), which may move the whole client."""
import collections
import json
import sys

from repair_metrics import Weeks, planned, unchanged


def main(week1, week2, previous, roster):
    weeks = Weeks(week1, week2, previous)
    now = planned(json.load(open(roster)))
    hit = {c for (c, _), (h, d, _) in weeks.prev.items() if h in weeks.absent and d in weeks.absent[h]}
    kinds = collections.Counter()
    for (client, visit), (helper, day, start) in weeks.unaffected():
        got = now.get((client, visit))
        if unchanged(got, helper, day, start):
            continue
        why = "sibling absent" if client in hit else "plain"
        if not got:
            kinds[("unassigned", why)] += 1
        elif got[0] != helper:
            pair = "off its fixed pair" if weeks.w2[client].get("helper") == helper else "no pair"
            kinds[("another helper", why, pair)] += 1
        elif got[1] != day:
            kinds[("another day", why)] += 1
        else:
            kinds[("another time", why, f"{int(abs(got[2] - start)) // 30 * 30}+ min")] += 1
    for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(n, ", ".join(k))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
