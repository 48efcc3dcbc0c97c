#!/usr/bin/env python3
"""measure.py LABEL URLS CONC -- COMMAND...: runs COMMAND, prints one line of figures.

Wall seconds, CPU seconds (user+sys of the process and every child it reaped, e.g. worker JVMs),
peak RSS of the whole process tree (sampled every 20 ms from /proc), pages/s. Exit status is the
command's own. Linux only.
"""
import os, subprocess, sys, threading, time

def children_map():
    kids = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            kids.setdefault(ppid, []).append(int(entry))
        except (OSError, ValueError):
            pass
    return kids

def tree_rss_kb(root):
    kids, total, stack = children_map(), 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(kids.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total

def main():
    label, urls, conc = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    cmd = sys.argv[sys.argv.index("--") + 1:]
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    peak = [0]
    done = threading.Event()
    def sample():
        while not done.wait(0.02):
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    done.set()
    sampler.join()
    cpu = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    print(f"{label:<22} urls={urls:<8} conc={conc:<5} wall_s={wall:7.2f} cpu_s={cpu:7.2f} "
          f"peak_rss_mb={peak[0] / 1024:7.1f} pages_s={urls / wall:9.1f} exit={code}", flush=True)
    sys.exit(code)

if __name__ == "__main__":
    main()
