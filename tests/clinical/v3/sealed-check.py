#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks sealed set 10 (sealed.yaml + facts-added.yaml) against the v3 README rules.

Usage: python3 check.py [path/to/tests/clinical/v3]
Default v3 folder: /work/main/tests/clinical/v3
"""
import glob
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
V3 = sys.argv[1] if len(sys.argv) > 1 else "/work/main/tests/clinical/v3"

KINDS = {"emergency", "same_day", "soon", "self_care", "deficiency"}
LEVELS = {"ambulance", "ae", "same_day", "soon", "self_care"}
DEFICIENCIES = {"none", "vitamin_d", "magnesium", "potassium", "vitamin_b12", "iron"}
ONSETS = {"sudden", "hours", "days", "weeks", "months"}
DURATIONS = {"hours", "days", "weeks", "months", "years"}
KIND_LEVELS = {
    "emergency": {"ambulance", "ae"},
    "same_day": {"same_day"},
    "soon": {"soon"},
    "self_care": {"self_care"},
    "deficiency": {"soon"},  # this brief: deficiency cases are level soon
}
REQUIRED = ["id", "kind", "story", "person", "onset", "duration", "facts", "expect", "source"]
ALLOWED_KEYS = set(REQUIRED) | {"unsure"}
WANT_KIND_COUNTS = {"emergency": 7, "same_day": 6, "soon": 4, "self_care": 3, "deficiency": 4}

# Key warning signs: a yes to any of these should change urgency on its own (README red flags).
KEY_WARNING_SIGNS = {
    "seizure", "palpitations", "bladder_control_change", "bowel_control_change", "numb_saddle_area",
    "not_passing_urine", "stiff_neck", "rash_not_fading", "face_drooping", "slurred_speech",
    "weakness_one_side_body", "chest_pain", "breathless_at_rest", "trouble_swallowing",
    "double_vision", "vision_loss_or_blur", "confusion_new", "fainted", "urine_dark_brown",
    "skin_mottled_or_blue", "coughing_blood", "black_tarry_stools", "vomiting_blood",
}
# Deficiency risk factors (clinical-notes.md): a self_care case must carry at least one.
DEFICIENCY_RISK_FACTORS = {
    "little_sun_on_skin", "darker_skin", "housebound_or_care_home", "known_crohns_disease",
    "known_coeliac_disease", "obesity", "stomach_surgery_past", "takes_anti_seizure_medicine",
    "known_chronic_kidney_disease", "alcohol_most_days", "known_type_2_diabetes",
    "takes_acid_reducer_long_term", "takes_water_tablets", "laxative_misuse", "vegan_no_supplements",
    "vegetarian_diet", "takes_metformin", "takes_metformin_not_for_diabetes", "heavy_periods",
    "pregnant", "baby_past_year", "takes_nsaid_or_aspirin_regularly", "blood_donor_frequent",
    "poor_diet", "breastfeeding", "uses_nitrous_oxide", "known_pernicious_anaemia_family",
    "takes_orlistat",
}

errors = []


def err(msg):
    errors.append(msg)


def load(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except Exception as exc:  # noqa: BLE001
        err(f"{path}: YAML does not parse: {exc}")
        return None


# ---- facts ----
base = load(os.path.join(V3, "facts.yaml")) or []
added = load(os.path.join(HERE, "facts-added.yaml")) or []
base_ids = set()
for f in base:
    base_ids.add(f["id"])
added_ids = []
for f in added:
    if not isinstance(f, dict) or set(f) != {"id", "meaning", "observable"}:
        err(f"facts-added: entry must have exactly id, meaning, observable: {f}")
        continue
    if not re.fullmatch(r"[a-z0-9_]+", f["id"]):
        err(f"facts-added: bad id {f['id']}")
    if not isinstance(f["observable"], bool):
        err(f"facts-added: observable must be true/false for {f['id']}")
    if not str(f["meaning"]).strip():
        err(f"facts-added: empty meaning for {f['id']}")
    if f["id"] in base_ids:
        err(f"facts-added: {f['id']} redefines an id already in facts.yaml")
    added_ids.append(f["id"])
if len(added_ids) != len(set(added_ids)):
    err("facts-added: duplicate ids")
known = base_ids | set(added_ids)

# ---- earlier case ids ----
earlier_ids = set()
earlier_files = [os.path.join(V3, "cases.yaml"), os.path.join(V3, "sealed.yaml")]
earlier_files += sorted(glob.glob(os.path.join(V3, "opened*.yaml")))
for p in earlier_files:
    if not os.path.exists(p):
        err(f"missing earlier case file {p}")
        continue
    for c in load(p) or []:
        earlier_ids.add(c["id"])

# ---- cases ----
cases = load(os.path.join(HERE, "sealed.yaml")) or []
seen = set()
used = set()
kind_counts = {}
level_counts = {}
nutrients = []
unsure_cases = 0
unsure_key = 0
self_care_with_risk = 0
for c in cases:
    cid = c.get("id", "<no id>")
    for k in REQUIRED:
        if k not in c:
            err(f"{cid}: missing field {k}")
    extra = set(c) - ALLOWED_KEYS
    if extra:
        err(f"{cid}: unexpected fields {sorted(extra)}")
    if not str(cid).startswith("s10_"):
        err(f"{cid}: id must start with s10_")
    if cid in seen:
        err(f"{cid}: duplicate id in this set")
    seen.add(cid)
    if cid in earlier_ids:
        err(f"{cid}: id repeats an earlier case file")
    kind = c.get("kind")
    if kind not in KINDS:
        err(f"{cid}: bad kind {kind}")
    story = str(c.get("story", "")).strip()
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", story) if s]
    if not 2 <= len(sentences) <= 4:
        err(f"{cid}: story has {len(sentences)} sentences (want 2-4)")
    person = c.get("person") or {}
    if not isinstance(person.get("age"), int) or not 18 <= person.get("age", 0) <= 110:
        err(f"{cid}: person.age must be an adult integer age")
    if person.get("sex") not in {"male", "female"}:
        err(f"{cid}: person.sex must be male or female")
    if c.get("onset") not in ONSETS:
        err(f"{cid}: bad onset {c.get('onset')}")
    if c.get("duration") not in DURATIONS:
        err(f"{cid}: bad duration {c.get('duration')}")
    facts = c.get("facts") or []
    if not isinstance(facts, list) or not facts:
        err(f"{cid}: facts must be a non-empty list")
        facts = []
    if len(facts) != len(set(facts)):
        err(f"{cid}: repeated fact")
    for f in facts:
        if f not in known:
            err(f"{cid}: unknown fact {f}")
        used.add(f)
    unsure = c.get("unsure") or []
    if "unsure" in c:
        if not isinstance(unsure, list) or not unsure:
            err(f"{cid}: unsure must be a non-empty list when present")
            unsure = []
        unsure_cases += 1
        if set(unsure) & KEY_WARNING_SIGNS:
            unsure_key += 1
    for f in unsure:
        if f not in known:
            err(f"{cid}: unknown unsure fact {f}")
        if f in facts:
            err(f"{cid}: {f} is both a fact and unsure")
        used.add(f)
    exp = c.get("expect") or {}
    if set(exp) != {"level", "deficiency"}:
        err(f"{cid}: expect must have exactly level and deficiency")
    level, defi = exp.get("level"), exp.get("deficiency")
    if level not in LEVELS:
        err(f"{cid}: bad level {level}")
    if defi not in DEFICIENCIES:
        err(f"{cid}: bad deficiency {defi}")
    if kind in KIND_LEVELS and level not in KIND_LEVELS[kind]:
        err(f"{cid}: kind {kind} does not fit level {level}")
    if kind == "deficiency":
        if defi == "none":
            err(f"{cid}: deficiency case must name a nutrient")
        nutrients.append(defi)
    elif defi != "none":
        err(f"{cid}: only deficiency cases name a nutrient in this set")
    if kind == "self_care" and set(facts) & DEFICIENCY_RISK_FACTORS:
        self_care_with_risk += 1
    src = str(c.get("source", "")).strip()
    if not src or "http" not in src:
        err(f"{cid}: source must name a page with its address")
    kind_counts[kind] = kind_counts.get(kind, 0) + 1
    level_counts[(kind, level)] = level_counts.get((kind, level), 0) + 1

# ---- counts ----
if len(cases) != 24:
    err(f"want 24 cases, have {len(cases)}")
for k, n in WANT_KIND_COUNTS.items():
    if kind_counts.get(k, 0) != n:
        err(f"want {n} {k} cases, have {kind_counts.get(k, 0)}")
if len(set(nutrients)) < 3:
    err(f"deficiency cases must cover at least 3 nutrients, have {sorted(set(nutrients))}")
if not 4 <= unsure_cases <= 5:
    err(f"want unsure in 4-5 cases, have {unsure_cases}")
if unsure_key < 3:
    err(f"want at least 3 unsure cases on a key warning sign, have {unsure_key}")
if self_care_with_risk < 1:
    err("want at least one self_care case with a deficiency risk factor")
unused = set(added_ids) - used
if unused:
    err(f"new facts never used: {sorted(unused)}")

print("kind / level counts:")
for (k, lv), n in sorted(level_counts.items()):
    print(f"  {k:10s} {lv:10s} {n}")
print("deficiency nutrients:", {n: nutrients.count(n) for n in sorted(set(nutrients))})
print(f"unsure: {unsure_cases} cases, {unsure_key} on a key warning sign")
print(f"self_care with deficiency risk factor: {self_care_with_risk}")
print(f"new facts: {len(added_ids)} (all used: {not unused})")
if errors:
    print("\nFAIL")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("\nOK: check.py passes")
