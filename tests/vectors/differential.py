#!/usr/bin/env python3
"""Random sets and assessments: the engine's advice (the CLI) against oracle.py.

The vectors pin chosen behaviours; this looks for the ones nobody thought of. Each seed makes
a small valid set (1 to 3 top-level groups nested up to 3 deep; level indicators with and
without evidence items, optional items, explicit level scores and agencies' levels with and
without a mapping; yes/no, choice, banded and linear numbers, percentages, direct scores;
either unanswered policy; 0 to 2 decimals) and an assessment (unanswered, evidence-only and
invalid answers, item statuses, agencies' results). The engine advises through `swanilai
advise`; the oracle checks the output as it checks an advice vector. A disagreeing case is
written as a vector file into --keep, ready to be read, shrunk and added to tests/vectors.

    cargo build --bin swanilai
    python3 tests/vectors/differential.py [--bin PATH] [--seed N] [--count N] [--keep DIR]

Exits 1 when any case disagrees. Not part of `cargo test` (hundreds of CLI runs); 3,300
cases (seeds 0-299 and 100000-102999) agreed with the engine at 843d0ae.
"""

import argparse
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # no __pycache__ beside the vectors
_spec = importlib.util.spec_from_file_location("oracle", HERE / "oracle.py")
oracle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(oracle)


def level_indicator(r, iid, lo, hi, counter):
    n = r.randint(2, 5)
    levels = []
    for lv in range(1, n + 1):
        level = {"label": f"L{lv}", "criteria": "c"}
        items = []
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            counter[0] += 1
            item = {"id": f"e{counter[0]}", "text": f"t{counter[0]}"}
            if r.random() < 0.2:
                item["required"] = False
            items.append(item)
        if items:
            level["evidence"] = items
        levels.append(level)
    # Level numbers as scores only where they lie on the scale.
    if r.random() < 0.3 or not (lo <= 1 and n <= hi):
        for lv, level in enumerate(levels, 1):
            level["score"] = round(lo + (hi - lo) * (lv - 1) / (n - 1), 3)
    ind = {"answer": {"kind": "level", "levels": levels}}
    if r.random() < 0.15:
        ind["external"] = {"agency": "BSSN", "source": "https://example.org"}
        if r.random() < 0.6:
            ind["external"]["mapping"] = [{"limit": 10 * b, "score": min(b + 1, n)}
                                          for b in range(n)]
    return ind, r.randint(1, n)


def indicator(r, iid, lo, hi, counter):
    kind = r.choice(["level", "level", "level", "yes_no", "choice", "number", "percent",
                     "score"])
    if kind == "level":
        ind, value = level_indicator(r, iid, lo, hi, counter)
    elif kind == "yes_no":
        ind, value = {"answer": {"kind": "yes_no"}}, r.random() < 0.5
    elif kind == "choice":
        options = [{"id": f"o{j}", "label": f"o{j}", "score": round(r.uniform(lo, hi), 2)}
                   for j in range(r.randint(2, 4))]
        ind = {"answer": {"kind": "choice", "options": options}}
        value = r.choice(options)["id"]
    elif kind == "number":
        better = r.choice(["higher", "lower"])
        if r.random() < 0.5:
            mapping = {"linear": {"from": 10, "to": 50}}
        else:
            scores = sorted(r.sample([lo + (hi - lo) * t / 4 for t in range(5)], 3))
            limits = [5, 20, 40] if better == "higher" else [40, 20, 5]
            mapping = {"bands": [{"limit": x, "score": s} for x, s in zip(limits, scores)]}
        ind = {"answer": {"kind": "number", "better": better, "min": 0, "mapping": mapping}}
        value = r.choice([0, 3, 7, 15, 25, 45, 60])
    elif kind == "percent":
        ind = {"answer": {"kind": "percent", "better": r.choice(["higher", "lower"])}}
        value = r.choice([0, 10, 33, 50, 80, 100])
    else:
        ind, value = {"answer": {"kind": "score"}}, round(r.uniform(lo, hi), 2)
    ind.update({"id": iid, "title": iid, "weight": r.choice([1, 1, 2, 3, 0.5])})
    u = r.random()
    if u < 0.2:
        return ind, None  # unanswered
    answer = {"value": value}
    if u < 0.27:
        answer["value"] = 7 if isinstance(value, str) else "tidak sah"  # invalid
    elif u < 0.32:
        del answer["value"]  # evidence only
    if kind == "level":
        evidence = {it["id"]: {"status": r.choice(["siap", "siap", "draf", "belum"])}
                    for level in ind["answer"]["levels"] for it in level.get("evidence", [])
                    if r.random() < 0.6}
        if evidence:
            answer["evidence"] = evidence
        if "external" in ind and r.random() < 0.6:
            answer["external"] = {"result": r.choice([0, 5, 15, 35, 80])}
    return ind, answer


def case(seed):
    r = random.Random(seed)
    lo, hi = r.choice([(0, 5), (1, 5), (0, 100), (1, 4)])
    cuts = sorted(r.sample([x / 10 for x in range(int(lo * 10) + 1, int(hi * 10))],
                           r.randint(1, 4)))
    edges = [lo] + cuts + [hi]
    predicates = [{"min": edges[k], "max": edges[k + 1], "label": f"P{k}"}
                  for k in range(len(edges) - 1)]
    answers, counter, count = {}, [0], [0]

    def group(depth, gid):
        g = {"id": gid, "title": gid, "weight": r.choice([1, 1, 2, 5])}
        inds = []
        for _ in range(r.randint(0 if depth < 2 else 1, 3)):
            count[0] += 1
            ind, answer = indicator(r, f"i{count[0]}", lo, hi, counter)
            inds.append(ind)
            if answer is not None:
                answers[ind["id"]] = answer
        if inds:
            g["indicators"] = inds
        if depth < 3 and (not inds or r.random() < 0.3):
            g["children"] = [group(depth + 1, f"{gid}-{c}") for c in range(r.randint(1, 2))]
        return g

    groups = [group(1, f"g{k}") for k in range(r.randint(1, 3))]
    s = {"id": "acak", "version": "1", "title": "acak", "source": "differential.py",
         "scale": {"min": lo, "max": hi, "decimals": r.choice([0, 1, 2, 2])},
         "predicates": predicates, "unanswered": r.choice(["zero", "exclude"]),
         "groups": groups}
    a = {"setId": "acak", "setVersion": "1", "answers": answers}
    limit = r.randint(0, 3) if r.random() < 0.2 else None
    return s, a, limit


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    target = os.environ.get("CARGO_TARGET_DIR", str(HERE.parent.parent / "target"))
    ap.add_argument("--bin", default=str(Path(target) / "debug" / "swanilai"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--keep", default=None, help="where disagreeing cases are written")
    args = ap.parse_args()
    if not Path(args.bin).is_file():
        sys.exit(f"{args.bin}: no such program; run `cargo build --bin swanilai` or pass --bin")
    keep = Path(args.keep or tempfile.mkdtemp(prefix="differential-"))
    keep.mkdir(parents=True, exist_ok=True)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        sp, ap_, cp = Path(tmp) / "set.json", Path(tmp) / "a.json", Path(tmp) / "case.json"
        for seed in range(args.seed, args.seed + args.count):
            s, a, limit = case(seed)
            sp.write_text(json.dumps(s))
            ap_.write_text(json.dumps(a))
            cmd = [args.bin, "advise", "--set", str(sp), str(ap_)]
            if limit is not None:
                cmd += ["--limit", str(limit)]
            # The CLI reports invalid answers on stderr and still advises.
            out = subprocess.run(cmd, capture_output=True, text=True)
            try:
                got = json.loads(out.stdout)
            except json.JSONDecodeError:
                sys.exit(f"seed {seed}: `{' '.join(cmd)}` gave no JSON (exit "
                         f"{out.returncode}):\n{out.stderr[:2000]}")
            vector = {"about": f"differential.py seed {seed}", "set": s, "assessment": a,
                      "check": "advise", "expected": got}
            if limit is not None:
                vector["limit"] = limit
            cp.write_text(json.dumps(vector))
            errors = oracle.verify(cp)
            if errors:
                bad += 1
                (keep / f"differential-seed-{seed}.json").write_text(
                    json.dumps(vector, indent=2, ensure_ascii=False) + "\n")
                print(f"seed {seed}: " + "; ".join(errors[:3]))
    print(f"{args.count} cases, {bad} disagreements"
          + (f" (written to {keep})" if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
