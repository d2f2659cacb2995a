#!/usr/bin/env bash
# Regenerates docs/economy-sim.csv and docs/economy-sim.png: runs the scenario simulator on the
# real runtime (runtime/src/tests/simulator.rs) over ten years of every cell — paid revenue
# {0, $2k, $20k, $200k}/day and a drop from $250k to $2k, GOV flat, +25 %/yr or −70 % — and
# plots the monthly series as a grid. `TANDEM_SIM_YEARS` (default 10) shortens the run.
# Installs matplotlib into a private virtualenv under the cache directory on first use.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
VENV="${TANDEM_PLOT_VENV:-$HOME/.cache/tandem/plot-venv}"
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import matplotlib' 2>/dev/null; then
	python3 -m venv "$VENV"
	"$VENV/bin/pip" install --quiet 'matplotlib==3.11.*'
fi
CSV="$ROOT/docs/economy-sim.csv"
(cd "$ROOT" && TANDEM_SIM_YEARS="${TANDEM_SIM_YEARS:-10}" cargo test --release --locked \
	--workspace simulated_grid_holds_every_property -- --nocapture) | tee /dev/stderr |
	sed -n 's/^csv,//p' >"$CSV"
"$VENV/bin/python" - "$CSV" "$ROOT/docs/economy-sim.png" <<'PY'
import csv, sys
from collections import defaultdict
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
rows = list(csv.DictReader(open(sys.argv[1])))
cells = defaultdict(list)
for r in rows:
    cells[(r["revenue"], r["price"])].append(r)
revenues = ["0", "2k", "20k", "200k", "250k-2k"]
prices = ["flat", "+25%/yr", "-70%"]
fig, axes = plt.subplots(len(revenues), len(prices), figsize=(15, 17), sharex=True)
for i, rev in enumerate(revenues):
    for j, price in enumerate(prices):
        ax = axes[i][j]
        data = cells.get((rev, price), [])
        years = [int(r["month"]) * 30 / 365 for r in data]
        f = lambda k: [float(r[k]) for r in data]
        ax.plot(years, f("paid_usd"), label="paid revenue ($/month)", color="C0")
        ax.plot(years, f("emitted_usd"), label="GOV emitted ($ at accrual)", color="C3")
        ax.plot(years, f("buyback_usd"), label="buyback ($)", color="C2")
        ax.set_yscale("symlog", linthresh=1)
        ax2 = ax.twinx()
        emitted, bought = f("emitted_gov"), f("bought_back_gov")
        ratio = [b / e if e > 0 else float("nan") for b, e in zip(bought, emitted)]
        ax2.plot(years, ratio, color="C1", ls="--", label="bought back ÷ emitted (GOV, monthly)")
        ax2.axhline(1.0, color="grey", ls=":")
        ax2.set_ylim(0, 4)
        ax.set_title(f"revenue {rev}/day, GOV {price}", fontsize=9)
        if i == len(revenues) - 1:
            ax.set_xlabel("years after launch")
        if i == 0 and j == 0:
            lines = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
            labels = ax.get_legend_handles_labels()[1] + ax2.get_legend_handles_labels()[1]
            ax.legend(lines, labels, fontsize=7, loc="upper left")
fig.suptitle("Tandem economy on the real runtime: emission follows paid revenue (ρ = 6 %)", fontsize=12)
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=90)
print("wrote", sys.argv[2])
PY
