#!/usr/bin/env python3
"""Checks that solver/ reads one way: no include cycle between files (a .c and its .h are one
module) and no include that runs up the folder order README.md documents.

README's "How it works" holds the order, lowest first, on one line:
    Dependencies run one way, each folder using only those before it: util → error → ...
The test fails when that line is missing, when a solver/ folder is not in it, when a file
includes a folder later in the order, or when modules include each other in a cycle.
usage: check_layers.py SOURCE_DIR"""
import os
import re
import sys

INCLUDE = re.compile(r'\s*#\s*include\s+"([^"]+)"')
ORDER = re.compile(r"each folder using only those before it: (.+?)\.?$")


def documented_order(root):
    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        for line in f:
            m = ORDER.search(line.strip())
            if m:
                return [w.strip(" `") for w in m.group(1).split("→")]
    sys.exit("README.md: no line 'Dependencies run one way, each folder using only those "
             "before it: a → b → ...'")


def includes(solver):
    """{file relative to solver/: [included files under solver/]}"""
    out = {}
    for d, _, names in os.walk(solver):
        for n in sorted(names):
            if not n.endswith((".c", ".h")):
                continue
            path = os.path.join(d, n)
            rel = os.path.relpath(path, solver)
            with open(path, encoding="utf-8") as f:
                out[rel] = [m.group(1) for m in map(INCLUDE.match, f) if m]
    return out


def module(path):
    return os.path.splitext(path)[0]


def cycles(graph):
    """Strongly connected components with more than one node (Tarjan, iterative)."""
    index, low, on, stack, found, counter = {}, {}, set(), [], [], [0]
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    solver = os.path.join(root, "solver")
    order = documented_order(root)
    rank = {folder: i for i, folder in enumerate(order)}
    inc = includes(solver)
    problems = []
    for folder in sorted({p.split("/")[0] for p in inc}):
        if folder not in rank:
            problems.append(f"solver/{folder}/ is not in README's dependency order")
    graph = {}
    for src, targets in sorted(inc.items()):
        for t in targets:
            if t not in inc:
                continue  # public headers (include/wijkplan/) and system headers
            if module(t) != module(src):
                graph.setdefault(module(src), set()).add(module(t))
            a, b = src.split("/")[0], t.split("/")[0]
            if a in rank and b in rank and rank[b] > rank[a]:
                problems.append(f"solver/{src} includes {t}: {b}/ comes after {a}/ in the order")
    for comp in cycles(graph):
        problems.append("include cycle between modules: " + " <-> ".join(comp))
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"{len(inc)} files in {len(rank)} folders read one way: {' → '.join(order)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
