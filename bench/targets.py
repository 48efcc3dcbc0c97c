#!/usr/bin/env python3
"""targets.py LINES: the issue's targets, judged on the figures one bench/run printed (LINES holds
its run and startup lines). One line per target whose scenario ran: the figures, the limit, and
"met" or "NOT MET". Informational: the exit status is 0 either way (no target is asserted)."""
import re, sys

runs, startup = {}, {}
for line in open(sys.argv[1]):
    if line.startswith("startup "):
        what, aot, best, median = re.match(r"startup (\S+)\s+(\S+)\s+best_s=([0-9.]+) median_s=([0-9.]+)", line).groups()
        startup[(what, aot)] = (float(best), float(median))
        continue
    m = re.match(r"(.{22}) urls=(\d+)\s+conc=\S+\s+wall_s=\s*([0-9.]+) cpu_s=\s*([0-9.]+) peak_rss_mb=\s*([0-9.]+).*exit=(-?\d+)", line)
    if m:
        label, urls, wall, cpu, rss, code = m.groups()
        runs[(label.strip(), int(urls))] = dict(wall=float(wall), cpu=float(cpu), rss=float(rss), exit=int(code), urls=int(urls))

def verdict(ok):
    return "met" if ok else "NOT MET"

verdicts = {}

def say(n, text, ok):
    verdicts[n] = f"target {n:<3} {text}: {verdict(ok)}"

curl = runs.get(("curl --parallel", 5000))
raw = [(mode, runs.get((f"raw {mode}", 5000))) for mode in ("virtual", "threads")]
raw = [(mode, r) for mode, r in raw if r]
if curl and raw:
    ratios = [(mode, r["wall"] / curl["wall"]) for mode, r in raw]
    say("1", ", ".join(f"raw {mode} {x:.2f} x curl" for mode, x in ratios) + " (limit 1.0)", all(x <= 1.0 for _, x in ratios))
if raw:
    per = [(mode, r["cpu"] * 1000 / r["urls"]) for mode, r in raw]
    say("5", ", ".join(f"raw {mode} {x:.2f} CPU-s per 1,000 pages" for mode, x in per) + " (limit 0.5)", all(x <= 0.5 for _, x in per))
latency = runs.get(("latency virtual", 10000))
if latency:
    one = startup.get(("one-url", "with_aot"))
    if one:
        limit = 1.3 * 2.0 + one[0]
        say("2", f"latency virtual {latency['wall']:.2f} s (limit 2.6 s + this run's best 1-URL crawl {one[0]:.3f} s"
               f" = {limit:.2f} s)", latency["wall"] <= limit)
    else:
        verdicts["2"] = (f"target 2   latency virtual {latency['wall']:.2f} s: no verdict"
                         " (its limit needs the startup scenario in the same run)")
for n, label, limit in (("3a", "memory virtual", 300), ("3b", "memory processes", 800)):
    r = runs.get((label, 1000000))
    if r:
        say(n, f"{label} peak RSS {r['rss']:.0f} MB, exit {r['exit']} (limit {limit} MB, completing)", r["rss"] <= limit and r["exit"] == 0)
version, one = startup.get(("version", "with_aot")), startup.get(("one-url", "with_aot"))
if version and one:
    say("4", f"--version median {version[1]:.3f} s (limit 0.3), 1-URL crawl median {one[1]:.3f} s (limit 0.6)",
        version[1] <= 0.3 and one[1] <= 0.6)
for n in ("1", "2", "3a", "3b", "4", "5"):
    if n in verdicts:
        print(verdicts[n])
