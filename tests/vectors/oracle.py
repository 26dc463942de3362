#!/usr/bin/env python3
"""An independent reference for the test vectors in this directory.

Recomputes, from the rules in docs/FORMAT.md and with no code shared with the engine,
the expected output of every `score`, `compare` and `advise` vector, and checks it
against the file's `expected` (numbers within 1e-9 relative). For `advise` the overall
(evidenced) score, the list of indicators to answer and the ranked recommendations are
recomputed (FORMAT.md "Advice"). The plan is
checked by its promises rather than recomputed step by step: it plans only answered
indicators with an improvement, each step `from` the answer now, with the items to
`prepare` and their count in `items`; under `zero` it takes the largest best gains, among
equal gains the ones with fewer items to prepare; it aims at the next band,
`reached` is true exactly when some set of changes can reach it, it uses the fewest
indicators possible (brute force over subsets of best answers, under `zero` and
`exclude` alike), applying its steps gives `scoreAfter` and reaches the target, each step's
gain is the score after it minus the score before it, given the steps before it (under
`exclude` gains do not add up), each next step is the one with the largest such gain, the
gains add up to the change in score, every step raises the score, and no step can be
lowered to a cheaper answer that still raises the score and still reaches.

Problem vectors (`set-problems`, `assessment-problems`) are written by hand and not
recomputed here.

    python3 tests/vectors/oracle.py                 # verify every vector
    python3 tests/vectors/oracle.py --write FILE..  # write `expected` of score/compare vectors
"""

import itertools
import json
import math
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = HERE.parent.parent / "sets"


# --- reading (defaults from FORMAT.md) ---------------------------------------------------

def text(t):
    if isinstance(t, str):
        return {"id": t}
    out = {"id": t["id"]}
    if t.get("en") is not None:
        out["en"] = t["en"]
    return out


def load_set(case):
    if "builtin" in case:
        s = json.loads((SETS / (case["builtin"] + ".json")).read_text(encoding="utf-8"))
    else:
        s = case["set"]
        if isinstance(s, str):
            s = json.loads(s)
    scale = dict(s.get("scale") or {})
    scale.setdefault("decimals", 2)
    s = dict(s)
    s["scale"] = {"min": float(scale.get("min", 0)), "max": float(scale.get("max", 5)),
                  "decimals": int(scale["decimals"])}
    s.setdefault("unanswered", "zero")
    return s


def load_assessment(a):
    if isinstance(a, str):
        a = json.loads(a)
    answers = {}
    for k, v in (a.get("answers") or {}).items():
        if not isinstance(v, dict):
            v = {"value": v}
        value = v.get("value")
        if is_number(value):
            value = float(value)
        answers[k] = {"value": value, "notes": v.get("notes") or "",
                      "links": v.get("links") or [],
                      "evidence": {i: {"status": (e.get("status") or "belum"),
                                       "notes": e.get("notes") or "",
                                       "links": e.get("links") or []}
                                   for i, e in (v.get("evidence") or {}).items()
                                   if isinstance(e, dict)},
                      "external": v.get("external")}
    return {"setId": a["setId"], "setVersion": str(a["setVersion"]),
            "region": a.get("region") or {}, "answers": answers,
            "masterplan": a.get("masterplan")}


# --- the masterplan (FORMAT.md "Sets built from the region's masterplan") -----------------

GENERATED_PREFIXES = ("oc-", "qw-", "im-")


def valid_id(i):
    return isinstance(i, str) and 0 < len(i) <= 64 and all(
        c.isascii() and (c.isalnum() or c in "-_.") for c in i)


def expand(s, a):
    """The set with its generated groups built from the assessment's programs: per pillar
    (template order) a sub-group `<group>.<pillar>` of weight 1 holding oc-<program> (every
    program), qw-<program> (quick wins) or im-<sub-dimension> (sub-dimensions with a surveyed
    program); the pillar's tag on Impact (pillarIndex impact) or on Outcome and Quick Win
    (programs)."""
    t = s.get("masterplan")
    if not t:
        return s
    rule = t.get("pillarIndex", "impact")
    subs = {sd["id"]: p["id"] for p in t["pillars"] for sd in p["subdimensions"]}
    seen, programs = set(), []
    for p in ((a.get("masterplan") or {}).get("programs") or []):
        pid = p.get("id")
        if valid_id(pid) and subs.get(p.get("subdimension")) == p.get("pillar") \
                and pid not in seen:
            seen.add(pid)
            programs.append(p)

    def ind(iid, answer, pillar, tagged):
        return {"id": iid, "title": "", "answer": answer, "weight": 1,
                "tags": [pillar] if tagged else []}
    groups = []
    for g in s["groups"]:
        kind = g.get("generated")
        if kind is None:
            groups.append(g)
            continue
        kids = []
        for pl in t["pillars"]:
            mine = [p for p in programs if p["pillar"] == pl["id"]]
            if kind == "outcome":
                inds = [ind("oc-" + p["id"], t["outcome"], pl["id"], rule == "programs")
                        for p in mine]
            elif kind == "quickWin":
                inds = [ind("qw-" + p["id"], t["quickWin"], pl["id"], rule == "programs")
                        for p in mine if p.get("quickWin")]
            else:
                inds = [ind("im-" + sd["id"], t["impact"], pl["id"], rule == "impact")
                        for sd in pl["subdimensions"]
                        if any(p.get("survey") and p["subdimension"] == sd["id"] for p in mine)]
            if inds:
                kids.append({"id": g["id"] + "." + pl["id"], "weight": 1, "indicators": inds})
        groups.append(dict(g, children=kids, indicators=[]))
    return dict(s, groups=groups, expanded=True)


def masterplan_problems(s, a):
    """Problems of the program list against the set, in the engine's order: generated
    dimensions with nothing in them, then unknown pillars and sub-dimensions per program."""
    t = s.get("masterplan")
    out = []
    if not t:
        if a.get("masterplan") is not None:
            out.append(("masterplan", "masterplan-undeclared", "warning"))
        return out
    for g in s["groups"]:
        if g.get("generated") is not None and not any(c["indicators"] for c in g["children"]):
            out.append(("masterplan", "dimension-empty", "warning"))
    pillars = {p["id"]: {sd["id"] for sd in p["subdimensions"]} for p in t["pillars"]}
    for i, p in enumerate(((a.get("masterplan") or {}).get("programs") or [])):
        at = f"masterplan.programs[{i}]"
        if p.get("pillar") not in pillars:
            out.append((at + ".pillar", "unknown-pillar", "error"))
        elif p.get("subdimension") not in pillars[p["pillar"]]:
            out.append((at + ".subdimension", "unknown-subdimension", "error"))
    return out


# --- rounding ----------------------------------------------------------------------------

def round_shown(x, decimals):
    """Half away from zero on the value read to 15 significant digits (spreadsheet ROUND)."""
    if x == 0:
        return 0.0
    d15 = Decimal(format(x, ".14e"))
    r = d15.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    r = float(r)
    return 0.0 if r == 0 else r


# --- scoring -----------------------------------------------------------------------------

def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def answer_score(ans, scale, v):
    """(score, None) or (None, error code)."""
    kind = ans["kind"]
    lo, hi = scale["min"], scale["max"]
    if kind == "level":
        if not is_number(v):
            return None, "value-wrong-type"
        levels = ans["levels"]
        if v != int(v) or v < 1 or v > len(levels):
            return None, "value-out-of-range"
        lvl = levels[int(v) - 1]
        return float(lvl["score"] if lvl.get("score") is not None else v), None
    if kind == "yes_no":
        if not isinstance(v, bool):
            return None, "value-wrong-type"
        if v:
            return float(ans["yes"] if ans.get("yes") is not None else hi), None
        return float(ans["no"] if ans.get("no") is not None else lo), None
    if kind == "choice":
        if not isinstance(v, str):
            return None, "value-wrong-type"
        for o in ans["options"]:
            if o["id"] == v:
                return float(o["score"]), None
        return None, "unknown-option"
    if not is_number(v):
        return None, "value-wrong-type"
    v = float(v)
    better = ans.get("better", "higher")
    if kind == "number":
        if (ans.get("min") is not None and v < ans["min"]) or (
                ans.get("max") is not None and v > ans["max"]):
            return None, "value-out-of-range"
        m = ans["mapping"]
        if "linear" in m:
            a, b = m["linear"]["from"], m["linear"]["to"]
            if v <= a:
                frac = 0.0
            elif v >= b:
                frac = 1.0
            else:
                frac = (v - a) / (b - a)
            if better == "lower":
                frac = 1.0 - frac
            return lo + frac * (hi - lo), None
        best = None
        for band in m["bands"]:  # worst to best: the last match is the best
            if (v >= band["limit"]) if better == "higher" else (v <= band["limit"]):
                best = float(band["score"])
        return (lo if best is None else best), None
    if kind == "percent":
        if v < 0 or v > 100:
            return None, "value-out-of-range"
        frac = v / 100.0
        if better == "lower":
            frac = 1.0 - frac
        return lo + frac * (hi - lo), None
    if kind == "score":
        if v < lo or v > hi:
            return None, "value-out-of-range"
        return v, None
    raise ValueError(kind)


def walk(groups, parent=None, depth=1, eff=1.0, out=None):
    """Groups in pre-order with effective weights; indicators in document order."""
    if out is None:
        out = {"groups": [], "inds": []}
    total = sum(g.get("weight", 1) for g in groups)
    for g in groups:
        geff = eff * g.get("weight", 1) / total
        rec = {"g": g, "parent": parent, "depth": depth, "eff": geff, "inds": [], "kids": []}
        out["groups"].append(rec)
        inner = g.get("indicators", []) + g.get("children", [])
        inner_total = sum(x.get("weight", 1) for x in inner)
        for ind in g.get("indicators", []):
            i = {"ind": ind, "group": g["id"], "eff": geff * ind.get("weight", 1) / inner_total}
            rec["inds"].append(i)
            out["inds"].append(i)
        kids = g.get("children", [])
        if kids:
            # children share the group's weight pool with its indicators
            sub_total = sum(c.get("weight", 1) for c in kids)
            before = len(out["groups"])
            walk(kids, g["id"], depth + 1, geff * sub_total / inner_total, out)
            rec["kids"] = [r for r in out["groups"][before:] if r["parent"] == g["id"]]
    return out


def has_evidence(a):
    items = a.get("evidence", {}).values()
    return a["notes"].strip() != "" or any(l.strip() for l in a["links"]) or any(
        e["notes"].strip() != "" or any(l.strip() for l in e["links"]) for e in items)


# --- evidence (FORMAT.md "Evidence and the evidenced level") -----------------------------

def level_items(ind):
    """[(level number, item)] of a level indicator, lowest level first."""
    if ind["answer"]["kind"] != "level":
        return []
    return [(k + 1, it) for k, lvl in enumerate(ind["answer"]["levels"])
            for it in lvl.get("evidence", [])]


def agency_result(ind, ans):
    """The recorded result of an external indicator, or None."""
    if ind.get("external") is None or ans is None or not ans.get("external"):
        return None
    r = ans["external"].get("result")
    return float(r) if is_number(r) else None


def claimed_value(ind, ans):
    """The entered value, or the level an external indicator's result maps to."""
    if ans is None:
        return None
    r = agency_result(ind, ans)
    bands = (ind.get("external") or {}).get("mapping")
    if r is not None and bands is not None:
        level = 1
        for b in bands:  # lowest to highest: the last band reached wins
            if r >= b["limit"]:
                level = b["score"]
        return float(max(level, 1))
    return ans["value"]


def is_ready(ans, item_id):
    return ans is not None and ans.get("evidence", {}).get(item_id, {}).get("status") == "siap"


def evidenced(ind, ans, claimed):
    """(evidenced level, missing items) for a claim of level `claimed`."""
    if agency_result(ind, ans) is not None:
        return claimed, []
    missing = [(lvl, it) for lvl, it in level_items(ind)
               if lvl <= claimed and it.get("required", True) and not is_ready(ans, it["id"])]
    # Cumulative: the highest level with no missing required item at or below it.
    ev = min([lvl - 1 for lvl, _ in missing] + [claimed])
    return ev, missing


def score_values(s, answers):
    """Indicator scores by id (None = not counted) and which are validly answered."""
    tree = walk(s["groups"])
    scores, answered = {}, {}
    for i in tree["inds"]:
        ind = i["ind"]
        a = answers.get(ind["id"])
        sc = None
        v = claimed_value(ind, a)
        if v is not None:
            sc, _ = answer_score(ind["answer"], s["scale"], v)
        answered[ind["id"]] = sc is not None
        if sc is None and s["unanswered"] == "zero":
            sc = s["scale"]["min"]
        scores[ind["id"]] = sc
    return tree, scores, answered


def weighted(pairs, scale):
    pairs = [(w, x) for w, x in pairs if x is not None]
    if not pairs:
        return None
    tw = sum(w for w, _ in pairs)
    v = sum(w * x for w, x in pairs) / tw
    return min(max(v, scale["min"]), scale["max"])


def group_value(s, g, scores):
    pairs = [(ind.get("weight", 1), scores[ind["id"]]) for ind in g.get("indicators", [])]
    pairs += [(c.get("weight", 1), group_value(s, c, scores)) for c in g.get("children", [])]
    return weighted(pairs, s["scale"])


def overall_value(s, scores):
    return weighted([(g.get("weight", 1), group_value(s, g, scores)) for g in s["groups"]],
                    s["scale"])


def predicate(s, shown):
    preds = s["predicates"]
    for i, p in enumerate(preds):
        top = i == len(preds) - 1
        if shown >= p["min"] and (shown < p["max"] or (top and shown <= p["max"])):
            return {"index": i, "label": text(p["label"])}
    return None


def score_json(s, v):
    out = {"value": v, "shown": None if v is None else round_shown(v, s["scale"]["decimals"])}
    if out["shown"] is not None:
        p = predicate(s, out["shown"])
        if p is not None:
            out["predicate"] = p
    return out


def completeness(inds, answered):
    total_w = sum(i["eff"] for i in inds)
    ans_w = sum(i["eff"] for i in inds if answered[i["ind"]["id"]])
    return {"answered": sum(1 for i in inds if answered[i["ind"]["id"]]), "total": len(inds),
            "byWeight": min(max(ans_w / total_w, 0.0), 1.0) if total_w > 0 else 0.0}


def bps(code):
    digits = sum(c.isdigit() for c in code)
    return (all(c.isdigit() or c == "." for c in code) and not code.startswith(".")
            and not code.endswith(".") and ".." not in code and digits in (2, 4, 6, 10))


def answer_path(key):
    plain = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key) \
        and not key[0].isdigit()
    return "answers." + key if plain else 'answers["' + key.replace("\\", "\\\\").replace('"', '\\"') + '"]'


def assessment_problems(s, a):
    out = masterplan_problems(s, a)
    if a["setId"] != s["id"]:
        out.append(("setId", "set-mismatch", "error"))
    elif a["setVersion"] != s["version"]:
        out.append(("setVersion", "version-mismatch", "warning"))
    code = str(a["region"].get("code", "")).strip()
    if code and not bps(code):
        out.append(("region.code", "region-code-invalid", "warning"))
    inds = {i["ind"]["id"]: i["ind"] for i in walk(s["groups"])["inds"]}
    for key in sorted(a["answers"], key=lambda k: k.encode("utf-8")):
        ans = a["answers"][key]
        path = answer_path(key)
        if key not in inds:
            orphan = s.get("masterplan") and key.startswith(GENERATED_PREFIXES)
            out.append((path, "orphaned-answer" if orphan else "unknown-indicator", "warning"))
            continue
        ind = inds[key]
        listed = {it["id"] for _, it in level_items(ind)}
        for item in sorted(ans.get("evidence", {}), key=lambda k: k.encode("utf-8")):
            if item not in listed:
                out.append((path + ".evidence." + item, "unknown-evidence-item", "warning"))
        if ans.get("external") is not None and ind.get("external") is None:
            out.append((path + ".external", "external-undeclared", "warning"))
        v = claimed_value(ind, ans)
        if ind["answer"]["kind"] == "level" and v is not None \
                and answer_score(ind["answer"], s["scale"], v)[1] is None:
            if evidenced(ind, ans, int(v))[1]:
                out.append((path, "claim-above-evidence", "warning"))
        if ans["value"] is None:
            continue
        _, err = answer_score(inds[key]["answer"], s["scale"], ans["value"])
        if err:
            out.append((path + ".value", err, "error"))
        elif inds[key].get("evidence", "recommended") == "required" and not has_evidence(ans):
            out.append((path, "evidence-missing", "warning"))
    return [{"path": p, "code": c, "severity": v} for p, c, v in out]


def evidenced_scores(s, tree, scores, answers):
    """Each indicator's score at its evidenced level, and (level, evidenced, missing)."""
    out, info = {}, {}
    for i in tree["inds"]:
        ind = i["ind"]
        ans = answers.get(ind["id"])
        v = claimed_value(ind, ans)
        ok = v is not None and answer_score(ind["answer"], s["scale"], v)[1] is None
        if ind["answer"]["kind"] != "level" or not ok:
            out[ind["id"]] = scores[ind["id"]]
            info[ind["id"]] = (None, None, [])
            continue
        claimed = int(v)
        ev, missing = evidenced(ind, ans, claimed)
        if ev == 0:
            out[ind["id"]] = s["scale"]["min"]
        else:
            out[ind["id"]] = answer_score(ind["answer"], s["scale"], float(ev))[0]
        info[ind["id"]] = (claimed, ev, missing)
    return out, info


def report(s, a):
    tree, scores, answered = score_values(s, a["answers"])
    ev_scores, info = evidenced_scores(s, tree, scores, a["answers"])
    groups = []
    for rec in tree["groups"]:
        under = []

        def collect(r):
            under.extend(r["inds"])
            for k in r["kids"]:
                collect(k)
        collect(rec)
        g = {"id": rec["g"]["id"]}
        if rec["parent"] is not None:
            g["parent"] = rec["parent"]
        g.update({"depth": rec["depth"], "effectiveWeight": rec["eff"],
                  "score": score_json(s, group_value(s, rec["g"], scores)),
                  "evidenced": score_json(s, group_value(s, rec["g"], ev_scores)),
                  "completeness": completeness(under, answered)})
        groups.append(g)
    indicators = []
    for i in tree["inds"]:
        ind = i["ind"]
        ans = a["answers"].get(ind["id"])
        row = {
            "id": ind["id"], "group": i["group"], "answered": answered[ind["id"]],
            "effectiveWeight": i["eff"], "score": score_json(s, scores[ind["id"]]),
            "evidenceMissing": answered[ind["id"]]
            and ind.get("evidence", "recommended") == "required" and not has_evidence(ans)}
        claimed, ev, missing = info[ind["id"]]
        if claimed is not None:
            row["level"] = claimed
            row["evidencedLevel"] = ev
        row["evidenced"] = score_json(s, ev_scores[ind["id"]])
        if missing:
            row["missing"] = [{"id": it["id"], "level": lvl, "text": text(it["text"])}
                              for lvl, it in missing]
        if ind.get("external") is not None:
            bands = ind["external"].get("mapping")
            row["external"] = {"agency": text(ind["external"]["agency"]),
                               "fromResult": bands is not None
                               and agency_result(ind, ans) is not None}
        indicators.append(row)
    tags, order = {}, []
    for i in tree["inds"]:
        for t in i["ind"].get("tags", []):
            if t not in tags:
                tags[t] = []
                order.append(t)
            tags[t].append(i)
    tag_list = [{"tag": t, "score": score_json(s, weighted(
        [(i["eff"], scores[i["ind"]["id"]]) for i in tags[t]], s["scale"])),
        "count": len(tags[t])} for t in order]
    comp = completeness(tree["inds"], answered)
    return {"setId": s["id"], "setVersion": s["version"],
            "overall": score_json(s, overall_value(s, scores)),
            "evidenced": score_json(s, overall_value(s, ev_scores)),
            "provisional": comp["answered"] < comp["total"],
            "completeness": comp,
            "groups": groups, "indicators": indicators, "tags": tag_list,
            "problems": assessment_problems(s, a)}


def paired(before, after, key):
    """Pairs two lists by id: by position when they list the same ids, else the current list
    in order with the previous item of each id, then what only the previous list holds."""
    if [key(x) for x in before] == [key(x) for x in after]:
        return list(zip(before, after))
    prev = {}
    for x in before:
        prev.setdefault(key(x), x)
    now = {key(x) for x in after}
    return [(prev.get(key(x)), x) for x in after] + [(x, None) for x in before
                                                      if key(x) not in now]


NO_SCORE = {"value": None, "shown": None}


def comparison(s, prev, cur):
    before, after = report(expand(s, prev), prev), report(expand(s, cur), cur)
    d = s["scale"]["decimals"]

    def delta(p, c):
        ch = None
        if p["shown"] is not None and c["shown"] is not None:
            ch = round_shown(c["shown"] - p["shown"], d)
        return {"previous": p["shown"], "current": c["shown"], "change": ch}

    def trend(dl):
        if dl["change"] is not None:
            return "up" if dl["change"] > 0 else "down" if dl["change"] < 0 else "same"
        if dl["previous"] is not None:
            return "dropped"
        return "new" if dl["current"] is not None else "unscored"

    def predicate_change(p, c):
        pp, cp = p.get("predicate"), c.get("predicate")
        if (pp or {}).get("index") == (cp or {}).get("index"):
            return {}
        out = {}
        if pp:
            out["previous"] = pp["label"]
        if cp:
            out["current"] = cp["label"]
        return {"predicateChange": out}

    def change(ident, p, c):
        dl = delta(p, c)
        return dict({"id": ident}, **dl, trend=trend(dl), **predicate_change(p, c))

    indicators = []
    for p, c in paired(before["indicators"], after["indicators"], lambda x: x["id"]):
        ident = (c or p)["id"]
        x = change(ident, (p or {}).get("score", NO_SCORE), (c or {}).get("score", NO_SCORE))
        for key, a in (("previousValue", prev), ("currentValue", cur)):
            ans = a["answers"].get(ident)
            if ans is not None and ans["value"] is not None:
                x[key] = ans["value"]
        indicators.append(x)

    def prefixed(lst, at):
        return [dict(q, path=at + ("." + q["path"] if q["path"] else "")) for q in lst]
    period = lambda a: str((a.get("region") or {}).get("period", ""))
    overall = delta(before["overall"], after["overall"])
    return {"periods": {"previous": period(prev), "current": period(cur)},
            "overall": overall,
            "previous": before["overall"], "current": after["overall"],
            "trend": trend(overall),
            **predicate_change(before["overall"], after["overall"]),
            "groups": [change((c or p)["id"], (p or {}).get("score", NO_SCORE),
                              (c or {}).get("score", NO_SCORE))
                       for p, c in paired(before["groups"], after["groups"],
                                          lambda x: x["id"])],
            "tags": [change((c or p)["tag"], (p or {}).get("score", NO_SCORE),
                            (c or {}).get("score", NO_SCORE))
                     for p, c in paired(before["tags"], after["tags"], lambda x: x["tag"])],
            "indicators": indicators,
            "problems": prefixed(before["problems"], "previous")
            + prefixed(after["problems"], "current")}


# --- advice ------------------------------------------------------------------------------

def offered(ans, scale):
    """The answers offered for an indicator (engine doc: continuous kinds in fifths)."""
    kind = ans["kind"]
    fifths = [k / 5 for k in range(6)]
    if kind == "level":
        vals = [float(n) for n in range(1, len(ans["levels"]) + 1)]
    elif kind == "yes_no":
        vals = [False, True]
    elif kind == "choice":
        vals = [o["id"] for o in ans["options"]]
    elif kind == "number":
        lo = ans.get("min", -math.inf)
        hi = ans.get("max", math.inf)
        clamp = lambda v: min(max(v, lo), hi)  # noqa: E731
        m = ans["mapping"]
        if "bands" in m:
            vals = [clamp(float(b["limit"])) for b in m["bands"]]
        else:
            a, b = m["linear"]["from"], m["linear"]["to"]
            if ans.get("better", "higher") == "higher":
                vals = [clamp(a + t * (b - a)) for t in fifths]
            else:
                vals = [clamp(b - t * (b - a)) for t in fifths]
    elif kind == "percent":
        vals = [t * 100.0 for t in fifths] if ans.get("better", "higher") == "higher" \
            else [100.0 - t * 100.0 for t in fifths]
    else:
        vals = [scale["min"] + t * (scale["max"] - scale["min"]) for t in fifths]
    out = []
    for v in vals:
        sc, err = answer_score(ans, scale, v)
        if err is None:
            out.append((v, sc))
    return sorted(out, key=lambda p: p[1])  # stable: equal scores keep their order


def to_prepare(ind, ans, value):
    """The required items not yet siap up to the level `value` of a level indicator."""
    if ind["answer"]["kind"] != "level":
        return []
    _, missing = evidenced(ind, ans, int(value))
    return [{"id": it["id"], "level": lvl, "text": text(it["text"])} for lvl, it in missing]


def advice_recommendations(s, a):
    """Improvements over the evidenced index: every answered indicator's better answers
    (above its evidenced score), with the items to prepare; unanswered indicators are a list
    of their own. Ranked by the next step's gain per item to prepare (one for a step with
    none), then by the best answer's gain, then in document order."""
    tree, claimed, answered = score_values(s, a["answers"])
    scores, _ = evidenced_scores(s, tree, claimed, a["answers"])
    base = overall_value(s, scores)
    lo = s["scale"]["min"]

    def gain(ind_id, sc):
        after = overall_value(s, dict(scores, **{ind_id: sc}))
        return (lo if after is None else after) - (lo if base is None else base)

    recs, unanswered = [], []
    for pos, i in enumerate(tree["inds"]):
        ind = i["ind"]
        if not answered[ind["id"]]:
            unanswered.append(ind["id"])
            continue
        cur = scores[ind["id"]]
        ans = a["answers"].get(ind["id"])
        better = [o for o in offered(ind["answer"], s["scale"])
                  if (cur is None or o[1] > cur) and gain(ind["id"], o[1]) > 0]
        if not better:
            continue
        nxt = better[0]
        best = next(o for o in better if o[1] == better[-1][1])
        rec = {"indicator": ind["id"], "group": i["group"]}
        rec["current"] = claimed_value(ind, ans)
        rec["currentScore"] = cur

        def step(o):
            out = {"value": o[0], "score": o[1], "gain": gain(ind["id"], o[1])}
            prep = to_prepare(ind, ans, o[0])
            if prep:
                out["prepare"] = prep
            return out
        rec["next"] = step(nxt)
        rec["best"] = step(best)
        if ind["answer"]["kind"] in ("number", "percent") or ind.get("external") is not None:
            rec["measured"] = True
        recs.append((pos, rec))

    def per_item(r):
        return r["next"]["gain"] / max(1, len(r["next"].get("prepare", [])))
    recs.sort(key=lambda pr: (-per_item(pr[1]), -pr[1]["best"]["gain"], pr[0]))
    return [r for _, r in recs], scores, base, unanswered


def check_plan(s, a, plan, errors):
    recs, scores, base, _ = advice_recommendations(s, a)
    d, lo = s["scale"]["decimals"], s["scale"]["min"]
    shown_now = round_shown(lo if base is None else base, d)
    now = predicate(s, shown_now)
    now_i = now["index"] if now else 0
    if now_i + 1 >= len(s["predicates"]):
        if plan is not None:
            errors.append("plan: given in the top band")
        return
    if plan is None:
        errors.append("plan: missing below the top band")
        return
    target = s["predicates"][now_i + 1]["min"]
    if plan["target"] != {"index": now_i + 1, "label": text(s["predicates"][now_i + 1]["label"])} \
            or plan["targetScore"] != target:
        errors.append("plan: wrong target")

    def reaches(sc):
        v = overall_value(s, sc)
        return round_shown(lo if v is None else v, d) >= target

    best = {r["indicator"]: r["best"]["score"] for r in recs}
    ids = list(best)
    fewest, tried, searched = None, 0, True
    for k in range(0, len(ids) + 1):
        tried += math.comb(len(ids), k)
        if tried > 300_000:  # too many subsets: skip the minimality checks
            searched = False
            break
        if any(reaches(dict(scores, **{i: best[i] for i in combo}))
               for combo in itertools.combinations(ids, k)):
            fewest = k
            break
    if searched and plan["reached"] != (fewest is not None):
        errors.append(f"plan: reached is {plan['reached']}, brute force says {fewest is not None}")
    inds = {i["ind"]["id"]: i["ind"] for i in walk(s["groups"])["inds"]}
    def step_gain(ind_id, sc):
        g = overall_value(s, dict(scores, **{ind_id: sc}))
        return (lo if g is None else g) - (lo if base is None else base)

    def value(sc):
        v = overall_value(s, sc)
        return lo if v is None else v

    by_ind = {r["indicator"]: r for r in recs}
    for st in plan["steps"]:
        # Only answered indicators with an improvement are planned: answering an unanswered
        # one completes the assessment, it is not a step.
        if st["indicator"] not in by_ind:
            errors.append(f"plan: step {st['indicator']} is not an answered indicator "
                          "with an improvement")
            return
        now_v = claimed_value(inds[st["indicator"]], a["answers"].get(st["indicator"]))
        if st.get("from") != now_v:
            errors.append(f"plan: step {st['indicator']} from {st.get('from')!r}, "
                          f"the answer now is {now_v!r}")
    if s["unanswered"] == "zero":
        # Gains add up: the plan takes the largest best gains first and, among equal gains,
        # the indicator with fewer items to prepare for its best answer.
        planned = {st["indicator"] for st in plan["steps"]}
        items = lambda r: len(r["best"].get("prepare", []))  # noqa: E731
        for c in (by_ind[i] for i in planned):
            for r in recs:
                if r["indicator"] in planned:
                    continue
                cg, rg = c["best"]["gain"], r["best"]["gain"]
                tied = abs(cg - rg) <= 1e-9 * max(abs(cg), abs(rg), 1.0)
                if (not tied and rg > cg) or (tied and items(r) < items(c)):
                    errors.append(f"plan: takes {c['indicator']} (best gain {cg}, "
                                  f"{items(c)} items) before {r['indicator']} (best gain "
                                  f"{rg}, {items(r)} items)")
    after = dict(scores)
    for st in plan["steps"]:
        if st["gain"] <= 0:
            errors.append(f"plan: step {st['indicator']} has gain {st['gain']}, not an improvement")
        sc, err = answer_score(inds[st["indicator"]]["answer"], s["scale"], st["to"])
        if err or abs(sc - st["score"]) > 1e-12:
            errors.append(f"plan: step {st['indicator']} score wrong")
        prep = to_prepare(inds[st["indicator"]], a["answers"].get(st["indicator"]), st["to"])
        if st.get("prepare", []) != prep:
            errors.append(f"plan: step {st['indicator']} lists {st.get('prepare')}, not {prep}")
        # Each step's gain is its own, given the steps before it (gains need not add up).
        before_step = value(after)
        after[st["indicator"]] = st["score"]
        if abs((value(after) - before_step) - st["gain"]) > 1e-9:
            errors.append(f"plan: step {st['indicator']} gain {st['gain']} is not its gain "
                          f"given the steps before, {value(after) - before_step}")
    # The order: each next step has the largest gain given the steps before it.
    done = dict(scores)
    for k, st in enumerate(plan["steps"]):
        for later in plan["steps"][k + 1:]:
            if value(dict(done, **{later["indicator"]: later["score"]})) - value(done) \
                    > st["gain"] + 1e-9:
                errors.append(f"plan: step {later['indicator']} would gain more than "
                              f"{st['indicator']} at position {k}")
        done[st["indicator"]] = st["score"]
    if plan.get("items") != sum(len(st.get("prepare", [])) for st in plan["steps"]):
        errors.append("plan: items is not the number of items its steps prepare")
    total = sum(st["gain"] for st in plan["steps"])
    if abs(total - (value(after) - (lo if base is None else base))) > 1e-9:
        errors.append("plan: the steps' gains do not add up to the change in score")
    if not close(plan["scoreAfter"], score_json(s, overall_value(s, after))):
        errors.append("plan: scoreAfter is not the score with the steps applied")
    if plan["reached"]:
        if not reaches(after):
            errors.append("plan: the steps do not reach the target")
        if fewest is not None and len(plan["steps"]) != fewest:
            errors.append(f"plan: {len(plan['steps'])} steps where {fewest} suffice")
        for st in plan["steps"]:
            cheaper = [o for o in offered(inds[st["indicator"]]["answer"], s["scale"])
                       if o[1] < st["score"] and (scores[st["indicator"]] is None
                                                  or o[1] > scores[st["indicator"]])
                       and step_gain(st["indicator"], o[1]) > 0]
            if any(reaches(dict(after, **{st["indicator"]: o[1]})) for o in cheaper):
                errors.append(f"plan: step {st['indicator']} could be a cheaper answer")


# --- comparing ---------------------------------------------------------------------------

def close(e, a):
    return first_diff(e, a, "") is None


def first_diff(e, a, path):
    if is_number(e) and is_number(a):
        ok = e == a or abs(e - a) <= 1e-9 * max(abs(e), abs(a), 1.0)
        return None if ok else (path, e, a)
    if isinstance(e, dict) and isinstance(a, dict):
        for k in list(e) + [k for k in a if k not in e]:
            if k not in e or k not in a:
                return (f"{path}.{k}", e.get(k, "(absent)"), a.get(k, "(absent)"))
            r = first_diff(e[k], a[k], f"{path}.{k}")
            if r:
                return r
        return None
    if isinstance(e, list) and isinstance(a, list):
        for i, (x, y) in enumerate(zip(e, a)):
            r = first_diff(x, y, f"{path}[{i}]")
            if r:
                return r
        return None if len(e) == len(a) else (f"{path}.length", len(e), len(a))
    return None if (e == a and type(e) is type(a)) else (path, e, a)


def expected_for(case):
    s = load_set(case)
    a = load_assessment(case["assessment"])
    check = case["check"]
    if check == "score":
        return report(expand(s, a), a)
    if check == "compare":
        return comparison(s, load_assessment(case["previous"]), a)
    return None


def regulation_formula(s, a, exp, errors):
    """Where a set is shaped like the SPBE and Pemdi indices (one level of groups, each
    group's weight the sum of its indicators', unanswered counted at the minimum), the
    regulation's own formula: group index = sum(weight x score) / group weight, the index =
    sum(weight x score) / total weight. Checked against the file's expected values."""
    groups = s["groups"]
    if s["unanswered"] != "zero" or any(g.get("children") for g in groups):
        return
    if any(abs(g.get("weight", 1) - sum(i.get("weight", 1) for i in g.get("indicators", [])))
           > 1e-12 for g in groups):
        return
    _, scores, _ = score_values(s, a["answers"])
    total, wsum = 0.0, 0.0
    for k, g in enumerate(groups):
        gsum = sum(i.get("weight", 1) * scores[i["id"]] for i in g["indicators"])
        total += gsum
        wsum += g.get("weight", 1)
        if not close(exp["groups"][k]["score"]["value"], gsum / g.get("weight", 1)):
            errors.append(f"group {g['id']}: not sum(weight x score) / group weight")
    if not close(exp["overall"]["value"], total / wsum):
        errors.append("overall: not sum(weight x score) / total weight")


def held_out(case, errors):
    """A published regional result, rebuilt from a program list: the five dimension indices,
    the achievement index and the pillar indices within the stated epsilon of the published
    ones (each published value is rounded to two decimals, so a value computed from other
    rounded values may differ by up to 0.005; 1e-9 more for binary arithmetic)."""
    pub = case["published"]
    eps = pub["epsilon"] + 1e-9
    a = load_assessment(case["assessment"])
    r = report(expand(load_set(case), a), a)
    top = {g["id"]: g["score"]["value"] for g in r["groups"] if g["depth"] == 1}
    for gid, want in pub["dimensions"].items():
        if top.get(gid) is None or abs(top[gid] - want) > eps:
            errors.append(f"held-out: dimension {gid} is {top.get(gid)}, published {want}")
    if abs(r["overall"]["value"] - pub["index"]) > eps:
        errors.append(f"held-out: index {r['overall']['value']} is more than "
                      f"{pub['epsilon']} from the published {pub['index']}")
    tags = {t["tag"]: t["score"]["value"] for t in r["tags"]}
    for tag, want in (pub.get("pillars") or {}).items():
        if tags.get(tag) is None or abs(tags[tag] - want) > eps:
            errors.append(f"held-out: pillar {tag} is {tags.get(tag)}, published {want}")


def verify(path):
    case = json.loads(path.read_text(encoding="utf-8"))
    check = case["check"]
    errors = []
    if check in ("score", "compare"):
        r = first_diff(case.get("expected"), expected_for(case), "")
        if r:
            errors.append(f"differs at {r[0] or '(root)'}: file {r[1]!r}, oracle {r[2]!r}")
    if check == "score" and case.get("expected"):
        a = load_assessment(case["assessment"])
        regulation_formula(expand(load_set(case), a), a, case["expected"], errors)
    if case.get("published"):
        held_out(case, errors)
    elif check == "advise":
        a = load_assessment(case["assessment"])
        s = expand(load_set(case), a)
        exp = case.get("expected") or {}
        recs, scores, base, unanswered = advice_recommendations(s, a)
        limit = case.get("limit")
        if limit is not None:
            recs = recs[:limit]
        want = {"overall": score_json(s, base), "recommendations": recs,
                "unanswered": unanswered}
        got = {"overall": exp.get("overall"), "recommendations": exp.get("recommendations"),
               "unanswered": exp.get("unanswered")}
        r = first_diff(want, got, "")
        if r:
            errors.append(f"differs at {r[0]}: oracle {r[1]!r}, file {r[2]!r}")
        check_plan(s, a, exp.get("plan"), errors)
    return errors


def main(argv):
    if argv[:1] == ["--write"]:
        for name in argv[1:]:
            p = Path(name)
            case = json.loads(p.read_text(encoding="utf-8"))
            exp = expected_for(case)
            if exp is None:
                sys.exit(f"{p.name}: only score and compare vectors are written")
            case["expected"] = exp
            p.write_text(json.dumps(case, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return 0
    bad = 0
    files = sorted(HERE.glob("*.json"))
    for p in files:
        for e in verify(p):
            bad += 1
            print(f"{p.name}: {e}")
    print(f"{len(files)} vectors, {bad} disagreements with the oracle")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
