#!/usr/bin/env python3
"""Writes docs/benchmarks.md from every pallet's generated `src/weights.rs`.

`scripts/bench.sh` runs it after each benchmark run, so the figures in the docs are always the
ones the runtime charges. Each benchmark is described by the doc comment above it in the
pallet's `src/benchmarking.rs`; the reference transfer measured in the same run
(`pallet_balances::transfer_keep_alive`) is read from the `REFERENCE` line bench.sh writes into
the weights file's header.

    scripts/bench-docs.py            # rewrites docs/benchmarks.md
    scripts/bench-docs.py --check    # fails if docs/benchmarks.md is not up to date
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "benchmarks.md"

HEADER = """# Benchmarks

Every dispatchable and every hook that does work is charged a weight measured with
frame-benchmarking v2 on the dev chain's runtime (compiled wasm). This file is generated from the
weights the runtime charges (`pallets/*/src/weights.rs`) by `scripts/bench-docs.py`, which
`scripts/bench.sh` runs after every benchmark run; edit the benchmark's doc comment in the
pallet's `src/benchmarking.rs` to change a description here.

Regenerate one pallet's weights and this file:

```sh
scripts/bench.sh pallet_subnets 10 10    # pallet, steps, repeats; builds tandem-node --features runtime-benchmarks
```

How to read the tables:

* **time** is the benchmarked execution time in µs: the intercept, plus a slope per unit of each
  component (least squares over the steps). Database access is charged on top at ParityDB's
  weights, 8 µs a read and 50 µs a write.
* **reads / writes** are the storage accesses charged, with their per-component growth.
* **vs. transfer** divides the execution time by `pallet_balances::transfer_keep_alive`,
  measured in the same run: on the 2-core machine these were measured on, figures move by
  15–40 % between runs, so compare figures across pallets through their reference transfer.
"""


def doc_comments(bench_rs: Path) -> dict:
    """The `///` doc comment above each `fn` in a benchmarking module, by function name."""
    docs, pending = {}, []
    if not bench_rs.exists():
        return docs
    for line in bench_rs.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if s.startswith("///"):
            pending.append(s[3:].strip())
        elif s.startswith("#["):
            continue
        else:
            m = re.match(r"fn\s+(\w+)", s)
            if m and pending:
                docs[m.group(1)] = " ".join(pending)
            pending = []
    return docs


def parse_weights(path: Path):
    text = path.read_text(encoding="utf-8")
    head = re.search(r"DATE: ([0-9-]+), STEPS: `(\d+)`, REPEAT: `(\d+)`", text)
    refs = re.findall(r"REFERENCE: `([\w:]+)` ([0-9.]+) µs", text)
    marker = "impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T>"
    if marker not in text:
        sys.exit(f"{path}: no `{marker}` (not a weights file written by scripts/bench.sh)")
    impl = text.split(marker, 1)[1]
    impl = impl.split("\nimpl WeightInfo for ()", 1)[0]
    fns = []
    for m in re.finditer(r"\n\tfn (\w+)\(([^)]*)\) -> Weight \{(.*?)\n\t\}", impl, re.S):
        name, params, body = m.group(1), m.group(2), m.group(3)
        comps = [p.split(":")[0].strip() for p in params.split(",") if p.strip()]
        base = int(re.search(r"Weight::from_parts\(([0-9_]+), [0-9_]+\)\n", body).group(1).replace("_", ""))
        slopes = {c: 0 for c in comps}
        for s in re.finditer(r"Weight::from_parts\(([0-9_]+), 0\)\.saturating_mul\((\w+)\.into\(\)\)", body):
            slopes[s.group(2)] += int(s.group(1).replace("_", ""))
        db = {"reads": [0, {}], "writes": [0, {}]}
        for s in re.finditer(r"DbWeight::get\(\)\.(reads|writes)\(([0-9_]+)_u64\)\)", body):
            db[s.group(1)][0] += int(s.group(2).replace("_", ""))
        for s in re.finditer(
            r"DbWeight::get\(\)\.(reads|writes)\(\(([0-9_]+)_u64\)\.saturating_mul\((\w+)\.into\(\)\)\)", body
        ):
            per = db[s.group(1)][1]
            per[s.group(3)] = per.get(s.group(3), 0) + int(s.group(2).replace("_", ""))
        fns.append((name, comps, base, slopes, db))
    return head, refs, fns


def fmt_us(ps: float) -> str:
    us = ps / 1e6
    if us < 1:
        return f"{us:.3f}"
    return f"{us:.1f}" if us < 1000 else f"{us:,.0f}"


def linear(base: str, per: dict, unit: str = "") -> str:
    terms = [base] + [f"{v}{unit}·{c}" for c, v in per.items() if v]
    return " + ".join(terms)


def bounds_of(bench_rs: Path) -> dict:
    """The upper end of each component, as written in the benchmark (`Linear<lo, hi>`)."""
    out = {}
    if not bench_rs.exists():
        return out
    params = r"fn\s+(\w+)\(((?:[^(){}]|\{[^}]*\}|\([^)]*\))*)\)"
    for m in re.finditer(params, bench_rs.read_text(encoding="utf-8")):
        comps = {}
        for c in re.finditer(r"(\w+)\s*:\s*Linear<\s*([^,]+),\s*(\{[^}]*\}|[^>]+)>", m.group(2)):
            bound = " ".join(c.group(3).split()).strip("{} ").replace("T::", "").replace("::get()", "")
            comps[c.group(1)] = f"`{bound}`" if not bound.replace("_", "").isdigit() else bound
        out[m.group(1)] = comps
    return out


def main() -> int:
    parts = [HEADER]
    for weights in sorted(ROOT.glob("pallets/*/src/weights.rs")):
        crate = weights.parent.parent
        pallet = "pallet_" + crate.name.replace("-", "_")
        head, refs, fns = parse_weights(weights)
        docs = doc_comments(crate / "src" / "benchmarking.rs")
        ranges = bounds_of(crate / "src" / "benchmarking.rs")
        date, steps, repeat = head.groups() if head else ("?", "?", "?")
        ref_us = next((float(v) for n, v in refs if n.endswith("transfer_keep_alive")), None)
        parts.append(f"\n## `{pallet}`\n")
        line = f"`pallets/{crate.name}/src/weights.rs`: measured {date}, {steps} steps, {repeat} repeats"
        if refs:
            line += "; in the same run " + ", ".join(f"`{n}` took {v} µs" for n, v in refs)
        line += "."
        parts.append(line + "\n")
        parts.append("| benchmark | what it measures | time (µs) | reads / writes | vs. transfer |")
        parts.append("|---|---|---|---|---|")
        for name, comps, base, slopes, db in fns:
            time = linear(fmt_us(base), {c: fmt_us(v) for c, v in slopes.items() if v})
            rw = " / ".join(linear(str(db[k][0]), db[k][1]) for k in ("reads", "writes"))
            ratio = f"{base / 1e6 / ref_us:.2f}×" if ref_us and not comps else "—"
            if ref_us and comps:
                ratio = f"{base / 1e6 / ref_us:.2f}× at zero"
            comp_note = ""
            if comps:
                bounds = ranges.get(name, {})
                comp_note = " Components: " + ", ".join(
                    f"`{c}` up to {bounds[c]}" if c in bounds else f"`{c}`" for c in comps
                ) + "."
            desc = (docs.get(name, "") + comp_note).replace("|", "\\|").strip()
            parts.append(f"| `{name}` | {desc} | {time} | {rw} | {ratio} |")
    text = "\n".join(parts) + "\n"
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run scripts/bench-docs.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
