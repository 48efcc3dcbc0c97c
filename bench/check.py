#!/usr/bin/env python3
"""check.py RESULTS LIST: every distinct list line has exactly one valid result line, and every
page result is ok with the title "Page N" its URL names. Prints one line; exits 1 on a mismatch."""
import json, re, sys

results, url_list = sys.argv[1], sys.argv[2]
expected = {line.strip() for line in open(url_list) if line.strip() and not line.startswith("#")}
seen, bad = set(), []
for n, line in enumerate(open(results, encoding="utf-8"), 1):
    row = json.loads(line)
    url = row["url"]
    if url in seen:
        bad.append(f"line {n}: duplicate {url}")
    seen.add(url)
    page = re.search(r"/page/(\d+)", url)
    if page and (not row["ok"] or row["title"] != f"Page {page.group(1)}"):
        bad.append(f"line {n}: {url} ok={row['ok']} title={row['title']!r} error={row['error']}")
missing = expected - seen
extra = seen - expected
if missing: bad.append(f"{len(missing)} URLs without a result, e.g. {sorted(missing)[:3]}")
if extra: bad.append(f"{len(extra)} results for URLs not in the list, e.g. {sorted(extra)[:3]}")
if bad:
    print("check: FAILED\n  " + "\n  ".join(bad[:10]))
    sys.exit(1)
print(f"check: ok, {len(seen)} result lines, one per distinct URL, titles right")
