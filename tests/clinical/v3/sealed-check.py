#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check sealed set 11: YAML parses, required fields and allowed values, every fact id
exists in tests/clinical/v3/facts.yaml or facts-added.yaml, no added fact redefines an
existing id, and no case id repeats one in the earlier case files."""
import glob, os, sys, yaml

HERE = os.path.dirname(os.path.abspath(__file__))
V3 = "/work/main/tests/clinical/v3"
KINDS = {"emergency", "same_day", "soon", "self_care", "deficiency"}
LEVELS = {"ambulance", "ae", "same_day", "soon", "self_care"}
DEFS = {"none", "vitamin_d", "magnesium", "potassium", "vitamin_b12", "iron"}
ONSET = {"sudden", "hours", "days", "weeks", "months"}
DUR = {"hours", "days", "weeks", "months", "years"}

errs = []
base = yaml.safe_load(open(os.path.join(V3, "facts.yaml")))
added = yaml.safe_load(open(os.path.join(HERE, "facts-added.yaml")))
base_ids = {f["id"] for f in base}
for f in added:
    if f["id"] in base_ids:
        errs.append(f"added fact redefines {f['id']}")
    if set(f) != {"id", "meaning", "observable"}:
        errs.append(f"added fact {f['id']} fields {sorted(f)}")
fact_ids = base_ids | {f["id"] for f in added}

earlier = set()
for p in glob.glob(os.path.join(V3, "*.yaml")):
    if p.endswith("facts.yaml"):
        continue
    for c in yaml.safe_load(open(p)) or []:
        earlier.add(c["id"])

cases = yaml.safe_load(open(os.path.join(HERE, "sealed.yaml")))
seen, used = set(), set()
for c in cases:
    i = c.get("id", "?")
    if not i.startswith("s11_"): errs.append(f"{i}: prefix")
    if i in seen or i in earlier: errs.append(f"{i}: repeated id")
    seen.add(i)
    for k in ("kind", "story", "person", "onset", "duration", "facts", "expect", "source"):
        if k not in c: errs.append(f"{i}: missing {k}")
    if c["kind"] not in KINDS: errs.append(f"{i}: kind")
    if c["onset"] not in ONSET: errs.append(f"{i}: onset")
    if c["duration"] not in DUR: errs.append(f"{i}: duration")
    if c["expect"]["level"] not in LEVELS: errs.append(f"{i}: level")
    if c["expect"]["deficiency"] not in DEFS: errs.append(f"{i}: deficiency")
    if c["kind"] == "emergency" and c["expect"]["level"] not in {"ambulance", "ae"}:
        errs.append(f"{i}: emergency level")
    if c["kind"] == "deficiency" and c["expect"]["deficiency"] == "none":
        errs.append(f"{i}: deficiency kind without deficiency")
    for f in c["facts"] + c.get("unsure", []):
        if f not in fact_ids: errs.append(f"{i}: unknown fact {f}")
        used.add(f)
    dup = set(c["facts"]) & set(c.get("unsure", []))
    if dup: errs.append(f"{i}: fact both known and unsure {dup}")
    if len(c["facts"]) != len(set(c["facts"])): errs.append(f"{i}: duplicate fact")

unused = [f["id"] for f in added if f["id"] not in used]
if unused: errs.append(f"added facts never used: {unused}")

from collections import Counter
print(len(cases), "cases;", len(added), "added facts")
print(sorted(Counter((c["kind"], c["expect"]["level"]) for c in cases).items()))
print(sorted(Counter(c["expect"]["deficiency"] for c in cases if c["kind"] == "deficiency").items()))
print("unsure in", sum(1 for c in cases if c.get("unsure")), "cases")
if errs:
    print("\n".join(errs)); sys.exit(1)
print("OK")
