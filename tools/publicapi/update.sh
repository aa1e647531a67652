#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of each src/ project from the PublicApiAnalyzers' own diagnostics, which is what the
# IDE's code fix does (it isn't available from the command line):
#   RS0016 "Symbol 'X' is not part of the declared public API"   -> X is added
#   RS0017 "Symbol 'X' is part of the declared API, but is either not public or could not be found" -> X is removed
#   RS0036 "Symbol 'X' is missing nullability annotations in the declared API" -> X becomes ~X (an oblivious member,
#          e.g. the ELBv2 client's generated model, which is #nullable disable like AWSSDK v4's)
# Review the diff afterwards; then `dotnet build` must be green again.
#
# Usage: tools/publicapi/update.sh [project.csproj ...]     (default: every project under src/)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

if [ "$#" -gt 0 ]; then
  projects=("$@")
else
  mapfile -t projects < <(find src -name '*.csproj' | sort)
fi

for project in "${projects[@]}"; do
  dir="$(cd "$(dirname "$project")" && pwd)"
  for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$f" ] || printf '#nullable enable\n' > "$dir/$f"
  done
done

# Round 1 may only reveal part of the picture when a file is brand new, so repeat until nothing changes (at most 3).
for round in 1 2 3; do
  log="$(mktemp)"
  for project in "${projects[@]}"; do
    # Warnings stay warnings here so that every RS0016/RS0017 is reported; --no-incremental so none is skipped.
    dotnet build "$project" --no-incremental -nologo -clp:NoSummary \
      -p:TreatWarningsAsErrors=false -p:MSBuildTreatWarningsAsErrors=false >> "$log" 2>&1 || true
  done

  changed=0
  for project in "${projects[@]}"; do
    dir="$(cd "$(dirname "$project")" && pwd)"
    csproj="$(cd "$(dirname "$project")" && pwd)/$(basename "$project")"
    python3 - "$log" "$csproj" "$dir/PublicAPI.Unshipped.txt" "$dir/PublicAPI.Shipped.txt" <<'PY' && rc=0 || rc=$?
import re, sys
log, csproj, unshipped_path, shipped_path = sys.argv[1:5]
added, removed = set(), set()
pattern = re.compile(r"(?:warning|error) (RS0016|RS0017|RS0036): Symbol '(.*)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found|missing nullability annotations in the declared API).*\[(.*?)\]\s*$")
for line in open(log, encoding="utf-8", errors="replace"):
    m = pattern.search(line)
    if not m or m.group(3) != csproj:
        continue
    if m.group(1) == "RS0036":
        removed.add(m.group(2))
        added.add("~" + m.group(2))
    else:
        (added if m.group(1) == "RS0016" else removed).add(m.group(2))
lines = [l.rstrip("\n") for l in open(unshipped_path, encoding="utf-8")]
body = {l for l in lines if l.strip() and not l.startswith("#nullable")}
shipped = {l.rstrip("\n") for l in open(shipped_path, encoding="utf-8")}
new_body = (body - removed) | (added - shipped)
if new_body == body:
    sys.exit(0)
with open(unshipped_path, "w", encoding="utf-8", newline="\n") as f:
    f.write("#nullable enable\n")
    for l in sorted(new_body, key=lambda s: (s.lstrip("~*"), s)):
        f.write(l + "\n")
print(f"{unshipped_path}: +{len(added - body - shipped)} -{len(body & removed)}")
sys.exit(3)
PY
    if [ "$rc" -eq 3 ]; then changed=1; elif [ "$rc" -ne 0 ]; then exit "$rc"; fi
  done
  rm -f "$log"
  [ "$changed" -eq 1 ] || { echo "PublicAPI files are up to date."; exit 0; }
done
echo "PublicAPI files rewritten; build again to check." >&2
