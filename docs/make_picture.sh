#!/usr/bin/env bash
# Makes docs/brighten.png, the before/after picture of docs/layers.md, with the strata tool:
# scipy's sample photo (scipy/misc/face.dat, 1024x768 RGB) halved to 512x384 and written as
# a PPM, then three `strata brighten` runs, then the four images side by side with matplotlib.
#   bash docs/make_picture.sh [PATH_TO_STRATA]   (default: build/release/src/cli/strata)
set -euo pipefail
cd "$(dirname "$0")/.."
tool=${1:-build/release/src/cli/strata}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$work/photo.ppm" <<'PY'
import sys, warnings, numpy as np, scipy.misc
warnings.simplefilter("ignore", DeprecationWarning)  # scipy 1.10 still ships face() offline here
face = np.asarray(scipy.misc.face(), dtype=np.uint8)
small = face.reshape(384, 2, 512, 2, 3).mean(axis=(1, 3)).round().astype(np.uint8)
with open(sys.argv[1], "wb") as f:
    f.write(b"P6\n512 384\n255\n" + small.tobytes())
PY
"$tool" brighten --delta 0 "$work/photo.ppm" "$work/before.png"
"$tool" brighten --delta 50 --time "$work/photo.ppm" "$work/delta.png"
"$tool" brighten --gain 1.5 --bias -60 --time "$work/photo.ppm" "$work/contrast.png"
"$tool" brighten --gamma 1.8 --time "$work/photo.ppm" "$work/gamma.png"

/usr/bin/python3 - "$work" docs/brighten.png <<'PY'
import sys, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, matplotlib.image as mpimg
work, out = sys.argv[1], sys.argv[2]
panels = [("before.png", "original"), ("delta.png", "--delta 50"),
          ("contrast.png", "--gain 1.5 --bias -60"), ("gamma.png", "--gamma 1.8")]
fig, axes = plt.subplots(1, 4, figsize=(16, 3.4), dpi=80)
for ax, (name, title) in zip(axes, panels):
    ax.imshow(mpimg.imread(f"{work}/{name}"))
    ax.set_title(f"strata brighten {title}" if title != "original" else title, fontsize=13)
    ax.axis("off")
fig.tight_layout()
fig.savefig(out)
PY
echo "wrote docs/brighten.png"
