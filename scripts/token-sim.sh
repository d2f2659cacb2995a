#!/usr/bin/env bash
# Regenerates docs/gov-token-sim.png: runs the native ten-year simulation test of
# pallet-gov-token (emission, buyback burns, governance ratio) and plots its CSV lines.
# Installs matplotlib into a private virtualenv under the cache directory on first use.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
VENV="${TANDEM_PLOT_VENV:-$HOME/.cache/tandem/plot-venv}"
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import matplotlib' 2>/dev/null; then
	python3 -m venv "$VENV"
	"$VENV/bin/pip" install --quiet 'matplotlib==3.11.*'
fi
CSV="$(mktemp)"
(cd "$ROOT" && cargo test --release -p pallet-gov-token --lib ten_year_simulation -- --nocapture) |
	sed -n 's/^csv,//p' >"$CSV"
"$VENV/bin/python" - "$CSV" "$ROOT/docs/gov-token-sim.png" <<'PY'
import csv, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
rows = list(csv.DictReader(open(sys.argv[1])))
years = [int(r["day"]) / 365 for r in rows]
fig, (a, b) = plt.subplots(2, 1, figsize=(9, 7), sharex=True)
a.plot(years, [float(r["emitted_gov"]) / 1e6 for r in rows], label="GOV emitted (cumulative)")
a.plot(years, [float(r["burned_gov"]) / 1e6 for r in rows], label="GOV bought back and burned (cumulative)")
a.axhline(10.5, color="grey", ls=":", label="emission cap (10.5 M)")
a.set_ylabel("million GOV")
a.legend()
a.set_title("Tandem GOV: ten-year simulation\nfee revenue $2k/day +40 %/yr, 50 % to buybacks, GOV price +25 %/yr", fontsize=10)
b.plot(years, [float(r["ratio_ytd"]) for r in rows], color="C2", label="governance ratio (burned ÷ emitted, year to date)")
b.axhline(1.0, color="grey", ls=":")
b.set_yscale("log")
b.set_xlabel("years after launch")
b.set_ylabel("ratio")
b.legend()
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=110)
print("wrote", sys.argv[2])
PY
rm -f "$CSV"
