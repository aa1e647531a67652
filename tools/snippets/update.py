#!/usr/bin/env python3
"""Copies each `#region snippet:<name>` of samples/Snippets (and tests/AlbBuilder.Docs.Tests/Examples) into every Markdown code block marked
`<!-- snippet: <name> -->` (README.md and docs/*.md). AlbBuilder.Docs.Tests checks the same thing.

Usage: python3 tools/snippets/update.py   (from anywhere in the repository)
"""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parents[2]
region_start = re.compile(r"^\s*#region snippet:([A-Za-z0-9\-]+)\s*$")
marker = re.compile(r"^\s*<!--\s*snippet:\s*([A-Za-z0-9\-]+)\s*-->\s*$")


def dedent(lines):
    indents = [len(l) - len(l.lstrip(" ")) for l in lines if l.strip()]
    n = min(indents) if indents else 0
    return [l[n:].rstrip() if l.strip() else "" for l in lines]


regions = {}
sources = [*(root / "samples" / "Snippets").rglob("*.cs"), *(root / "tests" / "AlbBuilder.Docs.Tests" / "Examples").rglob("*.cs")]
for path in sorted(sources):
    if "obj" in path.parts or "bin" in path.parts:
        continue
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        m = region_start.match(lines[i])
        if m:
            end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "#endregion")
            regions[m.group(1)] = dedent(lines[i + 1:end])
            i = end
        i += 1

missing = []
for path in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    out, i, changed = [], 0, False
    while i < len(lines):
        out.append(lines[i])
        m = marker.match(lines[i])
        if m and i + 1 < len(lines) and lines[i + 1].strip() == "```csharp":
            name = m.group(1)
            close = next(j for j in range(i + 2, len(lines)) if lines[j].rstrip() == "```")
            if name not in regions:
                missing.append(f"{path.relative_to(root)}:{i + 1}: {name}")
                out.extend(lines[i + 1:close + 1])
            else:
                new = ["```csharp", *regions[name], "```"]
                changed |= new != lines[i + 1:close + 1]
                out.extend(new)
            i = close + 1
            continue
        i += 1
    if changed:
        path.write_text("\n".join(out), encoding="utf-8")
        print(f"updated {path.relative_to(root)}")

if missing:
    print("no region for:\n  " + "\n  ".join(missing), file=sys.stderr)
    sys.exit(1)
