#!/usr/bin/env python3
"""Lists import circles between the library's top-level modules (src/X.rs or src/X/): a module
that names `crate::Y` depends on Y. Prints each circle, exits 1 when there is one."""
import os
import re
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
deps = {}
for dirpath, _, files in os.walk(root):
    if "bin" in os.path.relpath(dirpath, root).split(os.sep):
        continue
    for name in files:
        if not name.endswith(".rs") or (dirpath == root and name in ("lib.rs",)):
            continue
        rel = os.path.relpath(os.path.join(dirpath, name), root)
        module = rel.split(os.sep)[0].removesuffix(".rs")
        text = open(os.path.join(dirpath, name), encoding="utf-8").read()
        # Doc comments and links name modules without depending on them.
        code = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("//"))
        for m in re.finditer(r"crate::(\w+)", code):
            if m.group(1)[0].islower() and m.group(1) != module:
                deps.setdefault(module, set()).add(m.group(1))
        for m in re.finditer(r"use crate::\{([^}]*)\}", code):
            for part in m.group(1).split(","):
                target = part.strip().split("::")[0]
                if target and target[0].islower() and target != module:
                    deps.setdefault(module, set()).add(target)

# Tarjan's strongly connected components.
index, low, stack, on, out = {}, {}, [], set(), []
def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v); on.add(v)
    for w in deps.get(v, ()):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            out.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in list(deps):
    if v not in index:
        visit(v)
for comp in out:
    print("circle:", " <-> ".join(comp))
if "-v" in sys.argv:
    for k in sorted(deps):
        print(k, "->", " ".join(sorted(deps[k])))
sys.exit(1 if out else 0)
