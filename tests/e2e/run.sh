#!/bin/sh
# End-to-end: runs the wijkplan program the way a user does and validates what it writes.
# usage: run.sh WIJKPLAN CHECK_SOLOMON SOURCE_DIR CASE
set -eu
wijkplan=$1
check_solomon=$2
src=$3
case_name=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data="$src/tests/data"
case "$case_name" in
demo)
    "$wijkplan" solve "$src/scenarios/demo/someren.json" -o "$tmp/roster.json" --csv "$tmp/roster.csv" \
        --time-limit 10 --quiet
    "$wijkplan" validate "$src/scenarios/demo/someren.json" "$tmp/roster.json"
    head -1 "$tmp/roster.csv" | grep -q '^status,helper,provider,day,order,client,visit,arrival,start,end'
    grep -q '^planned,H[0-9]*,P0[1-4],\(mon\|tue\|wed\|thu\|fri\),1,C[0-9]*,0,[0-2][0-9]:[0-5][0-9],' "$tmp/roster.csv"
    ;;
solomon-*)
    name=${case_name#solomon-}
    "$wijkplan" import solomon "$data/benchmarks/$name.txt" -o "$tmp/s.json"
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/roster.json" --time-limit 5 --quiet
    "$wijkplan" validate "$tmp/s.json" "$tmp/roster.json"
    "$check_solomon" "$data/benchmarks/$name.txt" "$tmp/roster.json"
    ;;
convrp)
    "$wijkplan" import convrp "$data/benchmarks/Christofides_1_5_0.7.vrp" -o "$tmp/s.json"
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/roster.json" --time-limit 5 --quiet
    "$wijkplan" validate "$tmp/s.json" "$tmp/roster.json"
    ;;
csv)
    d="$data/invalid/csv"
    "$wijkplan" import csv --clients "$d/clients.csv" --helpers "$d/helpers.csv" --providers "$d/providers.csv" \
        -o "$tmp/s.json"
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/roster.json" --csv "$tmp/roster.csv" --quiet
    "$wijkplan" validate "$tmp/s.json" "$tmp/roster.json"
    ;;
time-limit)
    # a 2 s limit stops within 2.3 s on the demo (whole process, including writing)
    start=$(date +%s%N)
    "$wijkplan" solve "$src/scenarios/demo/someren.json" -o "$tmp/roster.json" --time-limit 2 --time-based --quiet
    end=$(date +%s%N)
    elapsed_ms=$(( (end - start) / 1000000 ))
    echo "elapsed ${elapsed_ms} ms"
    [ "$elapsed_ms" -le 2300 ]
    "$wijkplan" validate "$src/scenarios/demo/someren.json" "$tmp/roster.json"
    ;;
time-limit-decomposed)
    # a municipality large enough to be split into clusters honours the limit too (5% + 0.2 s,
    # on the solve's own clock: loading a 3,000-client file under the sanitizers takes a second),
    # and says that the clock, not the budget, ended the search
    "$wijkplan" generate --municipality Utrecht --clients 3000 --seed 3 -o "$tmp/s.json" 2> /dev/null
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/roster.json" --time-limit 4 --iterations 100000000 --quiet
    elapsed=$(grep -o '"elapsed_s":[^,]*' "$tmp/roster.json" | cut -d: -f2 | tr -d ' \t')
    echo "elapsed ${elapsed} s"
    awk -v e="$elapsed" 'BEGIN { exit !(e > 0 && e <= 4.4) }'
    grep -q '"stopped_by":[[:space:]]*"time_limit"' "$tmp/roster.json"
    "$wijkplan" validate "$tmp/s.json" "$tmp/roster.json"
    ;;
determinism)
    for run in 1 2; do
        "$wijkplan" solve "$src/scenarios/demo/someren.json" -o "$tmp/r$run.json" --csv "$tmp/r$run.csv" \
            --seed 7 --threads 2 --iterations 4000 --time-limit 900 --quiet
        # the iteration budget, not the clock, must have ended the search (sanitizer builds are slow)
        grep -q '"stopped_by":[[:space:]]*"iterations"' "$tmp/r$run.json"
        grep -v '"elapsed_s"\|"peak_memory_mib"' "$tmp/r$run.json" > "$tmp/p$run.json"
    done
    cmp "$tmp/p1.json" "$tmp/p2.json"
    cmp "$tmp/r1.csv" "$tmp/r2.csv"
    ;;
compare)
    demo="$src/scenarios/demo/someren.json"
    mkdir -p "$tmp/cmp"
    "$wijkplan" compare "$demo" --variants open_house,per_district:1 --staff-transfer both \
        --iterations 600 --threads 2 --quiet -o "$tmp/cmp/comparison.json"
    "$wijkplan" validate "$demo" "$tmp/cmp/roster-open_house.json" --variant open_house
    "$wijkplan" validate "$demo" "$tmp/cmp/roster-per_district-1.json" --variant per_district:1 --staff-transfer no
    "$wijkplan" validate "$demo" "$tmp/cmp/roster-per_district-1-transfer.json" --variant per_district:1 --staff-transfer yes
    # a roster checked against the wrong variant fails
    if "$wijkplan" validate "$demo" "$tmp/cmp/roster-per_district-1.json" --variant open_house --quiet >/dev/null; then exit 1; fi
    # without flags, each roster is checked under the contracting it records; a capped variant
    # (each provider at most one district) may leave districts with fewer providers
    "$wijkplan" compare "$demo" --variants per_district:1:1+transfer,per_district:3+continue \
        --iterations 200 --threads 2 --quiet -o "$tmp/cmp/capped.json"
    for roster in "$tmp"/cmp/roster-*.json; do "$wijkplan" validate "$demo" "$roster" --quiet; done
    "$wijkplan" report "$tmp/cmp/comparison.json" -o "$tmp/cmp/report.html"
    grep -q '<svg' "$tmp/cmp/report.html"
    if grep -q '<script' "$tmp/cmp/report.html"; then exit 1; fi
    # the report as a browser renders it (headless chromium): every variant has its column and
    # its plain-words section, whose numbers are the comparison's; every map labels every
    # district; no chart is empty; the screenshot stays in the build directory
    chromium --headless --no-sandbox --disable-gpu --dump-dom "$tmp/cmp/report.html" > "$tmp/cmp/dom.html" 2>/dev/null
    chromium --headless --no-sandbox --disable-gpu --window-size=1200,3000 \
        --screenshot="$(pwd)/report-screenshot.png" "$tmp/cmp/report.html" 2>/dev/null
    [ -s "$(pwd)/report-screenshot.png" ]
    python3 - "$tmp/cmp/dom.html" "$tmp/cmp/comparison.json" <<'PY'
import html.parser, json, sys
cmp = json.load(open(sys.argv[2]))
class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.cells, self.spans, self.columns = [], [], [], []
        self.maps, self.charts, self.lang = [], [], None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "section" and "plain" in a.get("class", ""):
            self.section = a["data-variant"]
        if tag == "span" and a.get("class") == "n":
            self.spans.append((self.section, a["data-kpi"], float(a["data-value"])))
        if tag == "td" and "data-kpi" in a and "data-district" not in a:
            self.cells.append((a["data-variant"], a["data-kpi"], float(a["data-value"])))
        if tag == "th" and "data-variant" in a:
            self.columns.append(a["data-variant"])
        if tag == "figure" and a.get("class") == "map":
            self.maps.append(0)
        if tag == "text" and a.get("class") == "lbl":
            self.maps[-1] += 1
        if tag == "figure" and a.get("class") == "chart":
            self.charts.append(0.0)
        if tag == "rect" and "bar" in a.get("class", ""):
            self.charts[-1] = max(self.charts[-1], float(a["width"]))
dom = Dom()
dom.feed(open(sys.argv[1], encoding="utf-8").read())
assert dom.lang == "nl"
names = [v["name"] for v in cmp["variants"]]
assert dom.columns == names, (dom.columns, names)
kpi = {v["name"]: v["kpi"] for v in cmp["variants"]}
checked = 0
for variant, key, value in dom.spans + dom.cells:
    if key in kpi[variant]:
        assert abs(value - kpi[variant][key]) <= 1e-9 * max(1, abs(kpi[variant][key])), (variant, key, value)
        checked += 1
for name in names:  # the sentences name pairs kept, clients switching and hours waiting
    said = {k for v, k, _ in dom.spans if v == name}
    assert {"pairs_kept", "pairs_total", "clients_changed_helper", "clients_changed_provider",
            "waiting_list_clients", "unserved_hours", "cost_eur"} <= said, (name, said)
n_districts = len(cmp["variants"][0]["districts"])
assert dom.maps and all(m == n_districts for m in dom.maps), dom.maps
assert dom.charts and all(w > 0 for w in dom.charts), dom.charts
assert checked > 50, checked
PY
    # GeoJSON of a comparison: each district carries every variant's district KPIs
    "$wijkplan" export geojson "$demo" --comparison "$tmp/cmp/comparison.json" -o "$tmp/cmp/c.geojson" 2>/dev/null
    python3 - "$tmp/cmp/c.geojson" "$tmp/cmp/comparison.json" <<'PY'
import json, sys
g, c = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
props = {f["properties"]["id"]: f["properties"] for f in g["features"] if f["properties"]["kind"] == "district"}
n = 0
for v in c["variants"]:
    for d in v["districts"]:
        for k, x in d["kpi"].items():
            if k != "objective":
                assert props[d["id"]]["%s.%s" % (v["name"], k)] == x, (v["name"], d["id"], k)
                n += 1
assert n > 100, n
PY
    "$wijkplan" report "$tmp/cmp/comparison.json" --lang en -o "$tmp/cmp/report-en.html"
    grep -q '<html lang="en">' "$tmp/cmp/report-en.html" && grep -q 'In plain words' "$tmp/cmp/report-en.html"
    ! grep -q '>Objective<' "$tmp/cmp/report.html"
    "$wijkplan" report "$tmp/cmp/comparison.json" --markdown -o "$tmp/cmp/table.md"
    grep -q '^| Fixed pairs kept |' "$tmp/cmp/table.md"
    "$wijkplan" export geojson "$demo" "$tmp/cmp/roster-open_house.json" -o "$tmp/demo.geojson"
    grep -q '"type":[[:space:]]*"FeatureCollection"' "$tmp/demo.geojson"
    grep -q '"LineString"' "$tmp/demo.geojson"
    ;;
subset)
    demo="$src/scenarios/demo/someren.json"
    "$wijkplan" solve "$demo" -o "$tmp/roster.json" --iterations 500 --quiet
    "$wijkplan" export subset "$demo" --districts WK084700 -o "$tmp/sub.json"
    "$wijkplan" solve "$tmp/sub.json" -o "$tmp/sub-roster.json" --iterations 300 --quiet
    "$wijkplan" validate "$tmp/sub.json" "$tmp/sub-roster.json"
    "$wijkplan" kpi "$demo" "$tmp/roster.json" --districts WK084700 | grep -q '"travel_share"'
    if "$wijkplan" kpi "$demo" "$tmp/roster.json" --districts WK999999 2>/dev/null; then exit 1; fi
    ;;
repair)
    # next week with exactly one helper absent (and nothing else different): only that helper's
    # visits change, every changed visit is listed, and the roster passes validate --previous
    demo="$src/scenarios/demo/someren.json"
    "$wijkplan" solve "$demo" -o "$tmp/w1.json" --iterations 2000 --threads 2 --time-limit 900 --quiet
    "$wijkplan" generate --next-week "$demo" --roster "$tmp/w1.json" --seed 5 --absent-share 0.04 \
        --leave-share 0 --arrive-share 0 --hours-share 0 -o "$tmp/w2.json" 2> /dev/null
    [ "$(grep -c '"absent"' "$tmp/w2.json")" -eq 1 ]
    absent=$(python3 -c 'import json,sys; print([h["id"] for h in json.load(open(sys.argv[1]))["helpers"] if h.get("absent")][0])' "$tmp/w2.json")
    "$wijkplan" repair "$tmp/w2.json" "$tmp/w1.json" -o "$tmp/w2r.json" --changes "$tmp/changes.csv" \
        --iterations 2000 --threads 2 --time-limit 900 2> "$tmp/summary.txt"
    cat "$tmp/summary.txt"
    grep -q "visits changed for" "$tmp/summary.txt"
    "$wijkplan" validate "$tmp/w2.json" "$tmp/w2r.json" --previous "$tmp/w1.json"
    head -1 "$tmp/changes.csv" | grep -q '^client,visit,kind,from_helper,from_day,from_start,to_helper,to_day,to_start'
    [ "$(wc -l < "$tmp/changes.csv")" -ge 2 ] # the absence changed something
    # every change is one of the absent helper's visits, unless the repair also found room for
    # care that waited last week (less unserved care by the objective's measure, which weighs
    # priority: worth calls under the objective); either way few visits change
    python3 - "$tmp/w1.json" "$tmp/w2r.json" "$tmp/changes.csv" "$absent" <<'PY'
import csv, json, sys
w1, w2 = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
rows = list(csv.DictReader(open(sys.argv[3])))
helpers = {r["from_helper"] for r in rows}
waiting = lambda r: r["kpi"]["unserved_weighted_minutes"]
more = waiting(w2) < waiting(w1) - 1e-6
assert helpers == {sys.argv[4]} or more, (helpers, sys.argv[4], waiting(w1), waiting(w2))
assert sys.argv[4] in helpers
assert len(rows) <= 0.05 * w2["kpi"]["visits"], len(rows)
PY
    grep -q '"substitute":[[:space:]]*true' "$tmp/w2r.json" || grep -q ',changed_day,' "$tmp/changes.csv"
    # same input, seed and threads: the same repair, byte for byte (but for the clock)
    "$wijkplan" repair "$tmp/w2.json" "$tmp/w1.json" -o "$tmp/again.json" --changes "$tmp/again.csv" \
        --iterations 2000 --threads 2 --time-limit 900 --quiet
    grep -v '"elapsed_s"' "$tmp/w2r.json" > "$tmp/a1" # the solver line: the clock
    grep -v '"elapsed_s"' "$tmp/again.json" > "$tmp/a2"
    cmp "$tmp/a1" "$tmp/a2"
    cmp "$tmp/changes.csv" "$tmp/again.csv"
    # the same week repaired from its own roster: last week's plan is one of the repair's
    # options at no change cost, so the repair is never worse; it changes a few visits at most
    # (a pair restored, room for a visit that waited), only where the objective improves
    "$wijkplan" repair "$demo" "$tmp/w1.json" -o "$tmp/same.json" --iterations 2000 --threads 2 \
        --time-limit 900 --quiet
    "$wijkplan" validate "$demo" "$tmp/same.json" --quiet
    python3 - "$tmp/w1.json" "$tmp/same.json" <<'PY'
import json, sys
w1, r = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert r["kpi"]["objective"] <= w1["kpi"]["objective"] + 1e-6, (r["kpi"], w1["kpi"])
assert not r["changes"] or r["kpi"]["objective"] < w1["kpi"]["objective"] - 1
assert len(r["changes"]) <= 0.03 * r["kpi"]["visits"], len(r["changes"])
PY
    ;;
repair-foreign)
    # last week's roster of another scenario (no client or helper in common): not an error
    "$wijkplan" import solomon "$data/benchmarks/C101.txt" -o "$tmp/s.json"
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/s-roster.json" --iterations 200 --quiet
    demo="$src/scenarios/demo/someren.json"
    "$wijkplan" repair "$demo" "$tmp/s-roster.json" -o "$tmp/r.json" --iterations 500 --quiet
    "$wijkplan" validate "$demo" "$tmp/r.json" --previous "$tmp/s-roster.json"
    grep -q '"visits_with_previous":[[:space:]]*0' "$tmp/r.json"
    ;;
pins)
    # pins hold in solve and repair alike; a pin that cannot hold leaves its visit unassigned
    # with the reason; excluded helpers never serve
    python3 - "$src/scenarios/demo/someren.json" "$tmp/pinned.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
c0, c1, c2 = s["clients"][0], s["clients"][1], s["clients"][2]
for c in (c0, c1):
    c.pop("hours_per_week"); c.pop("visits_per_week", None)
c0["visits"] = [{"duration_min": 90, "pin": {"helper": c0["helper"], "day": "tue", "start": "09:00"}}]
h = [x for x in s["helpers"] if x["id"] == c1["helper"]][0]
h["absent"] = ["wed"]
c1["visits"] = [{"duration_min": 60, "pin": {"helper": c1["helper"], "day": "wed"}}]
c2["excluded_helpers"] = [c2["helper"]]
json.dump(s, open(sys.argv[2], "w"))
PY
    "$wijkplan" solve "$tmp/pinned.json" -o "$tmp/r.json" --iterations 1000 --quiet
    "$wijkplan" validate "$tmp/pinned.json" "$tmp/r.json"
    python3 - "$tmp/pinned.json" "$tmp/r.json" <<'PY'
import json, sys
s, r = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
c0, c1, c2 = s["clients"][0], s["clients"][1], s["clients"][2]
at = [(rt["helper"], rt["day"], v["start"]) for rt in r["routes"] for v in rt["visits"] if v["client"] == c0["id"]]
assert at == [(c0["helper"], "tue", 540.0)] or abs(at[0][2] - 540) < 0.5, at
why = [u["reason"] for u in r["unassigned"] if u["client"] == c1["id"]]
assert why and "absent on wed" in why[0], why
assert all(rt["helper"] != c2["helper"] for rt in r["routes"] for v in rt["visits"] if v["client"] == c2["id"])
PY
    ;;
pairs-continue)
    # per_district with one given winner per district: existing pairs go on across the award
    # only with existing_pairs_continue; both rosters validate, and the pair bound holds
    for cont in false true; do
        python3 - "$src/scenarios/demo/someren.json" "$tmp/s-$cont.json" "$cont" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
providers = [p["id"] for p in s["providers"]]
districts = sorted({c["district"] for c in s["clients"] if "district" in c})
s["contracting"] = {"model": "per_district", "providers_per_district": 1,
                    "awards": {d: [providers[i % len(providers)]] for i, d in enumerate(districts)},
                    "existing_pairs_continue": sys.argv[3] == "true"}
json.dump(s, open(sys.argv[2], "w"))
PY
        "$wijkplan" solve "$tmp/s-$cont.json" -o "$tmp/r-$cont.json" --iterations 1500 --quiet
        "$wijkplan" validate "$tmp/s-$cont.json" "$tmp/r-$cont.json"
    done
    grep -q '"contracting":[[:space:]]*"per_district:1+continue"' "$tmp/r-true.json"
    python3 - "$tmp/r-false.json" "$tmp/r-true.json" <<'PY'
import json, sys
a, b = (json.load(open(f))["kpi"] for f in sys.argv[1:])
assert b["pairs_kept"] > a["pairs_kept"] + 10, (a["pairs_kept"], b["pairs_kept"])
assert b["pairs_kept"] <= b["pairs_bound"], b
PY
    # a roster that uses continuing pairs breaks the rule where pairs do not continue (validate
    # takes the roster's own contracting unless --variant names another)
    if "$wijkplan" validate "$tmp/s-false.json" "$tmp/r-true.json" --variant per_district:1 --quiet > /dev/null 2>&1; then exit 1; fi
    ;;
recommend)
    # intake: options for a new client from a file, in the SPEC's format, with a text summary;
    # a roster of another scenario is refused
    demo="$src/scenarios/demo/someren.json"
    "$wijkplan" solve "$demo" -o "$tmp/r.json" --iterations 1000 --quiet
    printf '{"id": "NEW1", "location": [5.7238, 51.3792], "provider": "P01", "hours_per_week": 3,\n "visits_per_week": 2, "window": ["08:00", "12:30"]}\n' > "$tmp/new.json"
    "$wijkplan" recommend "$demo" "$tmp/r.json" --client "$tmp/new.json" -k 3 -o "$tmp/o.json" > "$tmp/summary.txt"
    cat "$tmp/summary.txt"
    grep -q '^1\. H[0-9]* (P01): \(mon\|tue\|wed\|thu\|fri\) [0-2][0-9]:[0-5][0-9], ' "$tmp/summary.txt"
    python3 - "$tmp/o.json" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
assert o["format"] == "wijkplan-recommendations/1" and o["client"] == "NEW1" and o["reason"] is None
assert 1 <= len(o["options"]) <= 3
for i, opt in enumerate(o["options"]):
    assert opt["rank"] == i + 1 and opt["provider"] == "P01" and len(opt["visits"]) == 2
    assert opt["added_travel_min"] >= 0 and opt["added_objective"] >= opt["added_travel_min"] - 1e-9
    assert len({v["day"] for v in opt["visits"]}) == 2
PY
    "$wijkplan" import solomon "$data/benchmarks/C101.txt" -o "$tmp/s.json"
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/s-roster.json" --iterations 100 --quiet
    if "$wijkplan" recommend "$demo" "$tmp/s-roster.json" --client "$tmp/new.json" -o "$tmp/x.json" 2> "$tmp/err.txt"; then exit 1; fi
    grep -q "is this roster for another scenario" "$tmp/err.txt"
    [ ! -e "$tmp/x.json" ]
    # fill the gaps: five new clients wait; the most vulnerable are placed first; valid roster
    python3 - "$demo" "$tmp/wait.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for i in range(5):
    c = dict(s["clients"][i * 7]); c["id"] = "W%d" % i; c.pop("helper", None)
    c["priority"] = 5 if i % 2 else 2
    s["clients"].append(c)
json.dump(s, open(sys.argv[2], "w"))
PY
    "$wijkplan" recommend "$tmp/wait.json" "$tmp/r.json" --waiting-list -o "$tmp/filled.json" 2> "$tmp/err.txt"
    cat "$tmp/err.txt"
    grep -q "waiting clients\? placed" "$tmp/err.txt"
    "$wijkplan" validate "$tmp/wait.json" "$tmp/filled.json"
    python3 - "$tmp/filled.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
served = {v["client"] for rt in r["routes"] for v in rt["visits"]}
assert {"W1", "W3"} <= served, served & {"W0", "W1", "W2", "W3", "W4"}
PY
    if "$wijkplan" recommend "$demo" "$tmp/r.json" -o "$tmp/x.json" 2>/dev/null; then exit 1; fi
    ;;
ical)
    # helpers' agendas, checked by an independent parser (Debian's python3-icalendar): every
    # file parses, every visit is one event at the roster's local start, folded CRLF lines
    demo="$src/scenarios/demo/someren.json"
    "$wijkplan" solve "$demo" -o "$tmp/r.json" --iterations 500 --quiet
    "$wijkplan" export ical "$demo" "$tmp/r.json" --week 2026-W49 -o "$tmp/ics"
    /usr/bin/python3 - "$tmp/r.json" "$tmp/ics" <<'PY'
import datetime, json, os, sys
from icalendar import Calendar
roster = json.load(open(sys.argv[1]))
monday = datetime.date(2026, 11, 30)  # ISO 2026-W49
days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
want = {}
for rt in roster["routes"]:
    for v in rt["visits"]:
        start = datetime.datetime.combine(monday + datetime.timedelta(days=days.index(rt["day"])),
                                          datetime.time()) + datetime.timedelta(seconds=round(v["start"] * 60))
        want[(rt["helper"], v["client"], v["visit"])] = start
got, uids = {}, set()
for name in os.listdir(sys.argv[2]):
    raw = open(os.path.join(sys.argv[2], name), "rb").read()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(l) <= 75 for l in raw.split(b"\r\n")), name
    cal = Calendar.from_ical(raw)
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"
    helper = name[:-4]
    for ev in cal.walk("VEVENT"):
        dt = ev.decoded("DTSTART")
        assert dt.tzinfo is not None and "Amsterdam" in str(dt.tzinfo), dt.tzinfo
        client, visit = str(ev["SUMMARY"]), int(str(ev["UID"]).split("-")[1])
        lat, lon = (float(x) for x in str(ev["LOCATION"]).split(", "))
        assert 50 < lat < 54 and 3 < lon < 8, (lat, lon)
        assert str(ev["UID"]) not in uids
        uids.add(str(ev["UID"]))
        got[(helper, client, visit)] = dt.replace(tzinfo=None)
assert got == want, (len(got), len(want), [k for k in want if got.get(k) != want[k]][:3])
print(len(got), "events check out")
PY
    if "$wijkplan" export ical "$demo" "$tmp/r.json" --week 2026-49 -o "$tmp/bad" 2>/dev/null; then exit 1; fi
    ;;
csv-nl)
    # Dutch Excel: the same roster written in both dialects reads into the same table once the
    # excel-nl file is read with ';' and decimal commas; the waiting list comes most vulnerable
    # first; KPIs as two columns
    demo="$src/scenarios/demo/someren.json"
    for d in rfc4180 excel-nl; do
        "$wijkplan" solve "$demo" -o "$tmp/r-$d.json" --csv "$tmp/r-$d.csv" --waiting-list-csv "$tmp/w-$d.csv" \
            --csv-dialect "$d" --iterations 500 --quiet
        "$wijkplan" kpi "$demo" "$tmp/r-$d.json" --csv "$tmp/k-$d.csv" --csv-dialect "$d" > /dev/null
    done
    python3 - "$tmp" <<'PY'
import csv, sys
t = sys.argv[1]
def table(name, dialect):
    path = "%s/%s-%s.csv" % (t, name, dialect)
    raw = open(path, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf") == (dialect == "excel-nl"), path
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), path
    rows = list(csv.reader(open(path, encoding="utf-8-sig", newline=""),
                           delimiter=";" if dialect == "excel-nl" else ","))
    assert len({len(r) for r in rows}) == 1, (path, {len(r) for r in rows})
    if dialect == "excel-nl":  # decimal commas back to points, in number cells only
        rows = [[c.replace(",", ".") if c.replace(",", "").replace("-", "").isdigit() else c
                 for c in r] for r in rows]
    return rows
for name in ("r", "w", "k"):
    a, b = table(name, "rfc4180"), table(name, "excel-nl")
    assert a == b, name
roster = table("r", "rfc4180")
kinds = {r[0] for r in roster[1:]}
assert {"depart", "planned", "return", "total"} <= kinds, kinds
waiting = table("w", "rfc4180")[1:]
keys = [(-int(r[1]), -float(r[2])) for r in waiting]
assert keys == sorted(keys) and waiting, waiting
assert table("k", "rfc4180")[0] == ["kpi", "value"]
PY
    if "$wijkplan" solve "$demo" -o "$tmp/x.json" --csv-dialect excel 2>/dev/null; then exit 1; fi
    ;;
agenda)
    # the helpers' printable weeks: every visit of the roster appears once, in its helper's page,
    # with the roster's HH:MM arrival, start and end; the index links every page; the busiest
    # helper's week prints on one A4 page (headless chromium)
    demo="$src/scenarios/demo/someren.json"
    "$wijkplan" solve "$demo" -o "$tmp/r.json" --iterations 500 --quiet
    "$wijkplan" export agenda "$demo" "$tmp/r.json" --week 2026-W49 -o "$tmp/ag" 2>/dev/null
    busiest=$(python3 - "$tmp/r.json" "$tmp/ag" <<'PY'
import collections, html.parser, json, os, sys
roster, d = json.load(open(sys.argv[1])), sys.argv[2]
def hhmm(m):
    m = int(m + 0.5)
    return "%02d:%02d" % (m // 60, m % 60)
class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.links, self.row, self.cls = [], [], None, None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and a.get("class") == "visit":
            self.row = {"client": a["data-client"], "visit": int(a["data-visit"])}
            self.rows.append(self.row)
        elif tag == "td" and self.row is not None:
            self.cls = a.get("class")
        elif tag == "a":
            self.links.append(a["href"])
    def handle_endtag(self, tag):
        if tag == "tr":
            self.row = None
        self.cls = None
    def handle_data(self, data):
        if self.row is not None and self.cls in ("arrival", "start", "end"):
            self.row[self.cls] = data
index = Page()
index.feed(open(os.path.join(d, "index.html"), encoding="utf-8").read())
helpers = sorted({rt["helper"] for rt in roster["routes"] if rt["visits"]})
assert sorted(index.links) == sorted(h + ".html" for h in helpers), index.links
visits = collections.Counter()
for h in helpers:
    page = Page()
    page.feed(open(os.path.join(d, h + ".html"), encoding="utf-8").read())
    want = [{"client": v["client"], "visit": v["visit"], "arrival": hhmm(v["arrival"]),
             "start": hhmm(v["start"]), "end": hhmm(v["end"])}
            for rt in sorted((r for r in roster["routes"] if r["helper"] == h),
                             key=lambda r: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(r["day"]))
            for v in rt["visits"]]
    assert page.rows == want, (h, page.rows[:3], want[:3])
    visits[h] = len(want)
assert sum(visits.values()) == roster["kpi"]["visits_served"]
print(visits.most_common(1)[0][0])
PY
)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$tmp/busiest.pdf" "$tmp/ag/$busiest.html" 2>/dev/null
    python3 - "$tmp/busiest.pdf" <<'PY'
import re, sys
pdf = open(sys.argv[1], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
assert pages == 1, "%d pages" % pages
PY
    ;;
outputs)
    # outputs are all or nothing and never replace what is not a regular file: a device node is
    # refused, a symbolic link is written through, a failed CSV keeps the old JSON, a failed JSON
    # keeps the old CSV, a directory is an input error, compare checks its directory first
    demo="$src/scenarios/demo/someren.json"
    cd "$tmp"
    set +e
    "$wijkplan" solve "$demo" -o /dev/null --iterations 10 --quiet 2> err; rc=$?
    set -e
    [ "$rc" = 2 ] && [ -c /dev/null ] && grep -q "not a regular file" err
    echo keep > real.json; ln -s real.json link.json
    "$wijkplan" solve "$demo" -o link.json --iterations 10 --quiet
    [ -L link.json ] && grep -q wijkplan-roster real.json
    echo keep > old.json; echo keep > old.csv
    if "$wijkplan" solve "$demo" -o old.json --csv no-such-dir/x.csv --iterations 10 --quiet 2> err; then exit 1; fi
    [ "$(cat old.json)" = keep ]
    grep -q "no-such-dir/x.csv: cannot write: directory \"no-such-dir\" does not exist" err
    mkdir adir
    set +e
    "$wijkplan" solve "$demo" -o adir --csv old.csv --iterations 10 --quiet 2> err; rc=$?
    set -e
    [ "$rc" = 2 ] && [ "$(cat old.csv)" = keep ] && grep -q "adir: cannot write: is a directory" err
    if "$wijkplan" compare "$demo" --variants open_house -o no-such-dir/c.json --iterations 10 2> err; then exit 1; fi
    grep -q "does not exist" err && ! grep -q "open_house" err
    if ls | grep -q '\.tmp\.'; then exit 1; fi
    ;;
csv-injection)
    # ids a spreadsheet would run as formulas reach the planner's CSV as text (leading ')
    python3 - "$src/scenarios/demo/someren.json" "$tmp/s.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["clients"] = s["clients"][:40]
for i, c in enumerate(s["clients"][:4]):
    c["id"] = ["=1+2", "+SUM(A1)", "-5", "@cmd"][i]
for c in s["clients"]:
    c.pop("helper", None)
s["helpers"][0]["id"] = "=HELPER()"
json.dump(s, open(sys.argv[2], "w"))
PY
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/r.json" --csv "$tmp/r.csv" --waiting-list-csv "$tmp/w.csv" --iterations 200 --quiet
    "$wijkplan" validate "$tmp/s.json" "$tmp/r.json" > /dev/null
    python3 - "$tmp/r.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
cells = [c for r in rows[1:] for c in r]
assert not [c for c in cells if c[:1] in ("=", "+", "@")], "a cell a spreadsheet would run"
for guarded in ("'=1+2", "'+SUM(A1)", "'-5", "'@cmd"):  # every client is listed, served or not
    assert guarded in cells, guarded
PY
    ;;
interrupt)
    # Ctrl-C during a long search: the best roster so far, valid, stopped_by "interrupted",
    # exit 130; a second signal aborts at once and leaves the old file and no temporary files
    "$wijkplan" generate --municipality Utrecht --clients 3000 --seed 1 -o "$tmp/s.json" 2>/dev/null
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/r.json" --time-limit 120 --threads 2 --quiet &
    pid=$!
    sleep 4
    kill -INT $pid
    set +e
    wait $pid
    rc=$?
    set -e
    [ "$rc" = 130 ]
    "$wijkplan" validate "$tmp/s.json" "$tmp/r.json" > /dev/null
    python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['solver']['stopped_by'] == 'interrupted'" "$tmp/r.json"
    echo keep > "$tmp/r2.json"
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/r2.json" --time-limit 120 --threads 2 --quiet &
    pid=$!
    sleep 3
    kill -TERM $pid
    kill -INT $pid
    set +e
    wait $pid
    rc=$?
    set -e
    [ "$rc" = 130 ] || [ "$rc" = 143 ]
    [ "$(cat "$tmp/r2.json")" = keep ]
    if ls "$tmp" | grep -q '\.tmp\.'; then exit 1; fi
    ;;
geojson)
    # GeoJSON for QGIS: exterior rings counter-clockwise and holes clockwise (RFC 7946 3.1.6),
    # districts carry the roster's district KPIs (summing to the roster's), clients pair_kept and
    # the reason when unserved; a plain roster has no repair KPIs
    demo="$src/scenarios/demo/someren.json"
    "$wijkplan" solve "$demo" -o "$tmp/r.json" --iterations 300 --quiet
    "$wijkplan" export geojson "$demo" "$tmp/r.json" -o "$tmp/g.geojson" 2>/dev/null
    python3 - "$tmp/g.geojson" "$tmp/r.json" <<'PY'
import json, sys
g, r = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
def area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:]))
districts = [f for f in g["features"] if f["properties"]["kind"] == "district"]
assert districts
for f in districts:
    for poly in f["geometry"]["coordinates"]:
        assert area(poly[0]) > 0 and all(area(h) < 0 for h in poly[1:]), f["properties"]["id"]
for key in ("clients", "visits_served", "pairs_kept", "travel_km"):
    total = sum(f["properties"][key] for f in districts)
    assert abs(total - r["kpi"][key]) < 1e-6 * max(1, r["kpi"][key]), (key, total, r["kpi"][key])
clients = [f["properties"] for f in g["features"] if f["properties"]["kind"] == "client"]
waiting = {u["client"] for u in r["unassigned"]}
assert all("pair_kept" in c for c in clients)
assert all(("reason" in c) == (c["id"] in waiting) for c in clients)
assert "visits_unchanged" not in r["kpi"] and "visits_with_previous" not in r["kpi"]
PY
    ;;
digest)
    # a roster records its scenario's SHA-256; a roster of an edited scenario gets a warning
    demo="$src/scenarios/demo/someren.json"
    "$wijkplan" solve "$demo" -o "$tmp/r.json" --iterations 100 --quiet
    want=$(sha256sum "$demo" | cut -d' ' -f1)
    grep -q "\"scenario_digest\":[[:space:]]*\"sha256:$want\"" "$tmp/r.json"
    "$wijkplan" kpi "$demo" "$tmp/r.json" > /dev/null 2> "$tmp/err"
    ! grep -q warning "$tmp/err"
    sed 's/"hours_per_week":[[:space:]]*36/"hours_per_week": 35/' "$demo" > "$tmp/edited.json"
    ! cmp -s "$demo" "$tmp/edited.json"
    "$wijkplan" kpi "$tmp/edited.json" "$tmp/r.json" > /dev/null 2> "$tmp/err"
    grep -q "warning: .*r.json was made from another version of .*edited.json" "$tmp/err"
    ;;
idle-helper)
    # a helper absent on every day they are available can never work: a warning names them,
    # and the run goes on
    python3 - "$src/scenarios/demo/someren.json" "$tmp/s.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
h = s["helpers"][0]
h["absent"] = sorted(set(h.get("availability", {}) or ["mon", "tue", "wed", "thu", "fri"]))
json.dump(s, open(sys.argv[2], "w"))
print(h["id"], file=open(sys.argv[2] + ".id", "w"))
PY
    id=$(cat "$tmp/s.json.id")
    "$wijkplan" solve "$tmp/s.json" -o "$tmp/r.json" --iterations 200 2> "$tmp/err"
    grep -Fxq "wijkplan solve: warning: helper $id has no availability on a day they are present: they can never work" "$tmp/err"
    "$wijkplan" validate "$tmp/s.json" "$tmp/r.json" > /dev/null
    ;;
help)
    for c in solve repair recommend validate import generate compare report export kpi; do "$wijkplan" $c --help >/dev/null; done
    "$wijkplan" --help | grep -q "exit status"
    "$wijkplan" --version | grep -q "^wijkplan [0-9]"
    if "$wijkplan" frobnicate 2>/dev/null; then exit 1; fi
    ;;
*)
    echo "unknown case $case_name"
    exit 2
    ;;
esac
