#!/usr/bin/env python3
"""measure.py LABEL URLS CONC -- COMMAND...: runs COMMAND, prints one line of figures.

Wall seconds, CPU seconds (user+sys of the process and every child it reaped, e.g. worker JVMs),
peak RSS of the whole process tree (sampled every 50 ms from /proc), pages/s; with SITE_PID set,
also the CPU seconds that process (the synthetic site) used meanwhile, since it shares the cores.
With BENCH_LINES set, the line is also appended to that file.
Exit status is the command's own. Linux only.
"""
import os, subprocess, sys, threading, time

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024

def children(pid):
    """Direct children of pid, from /proc/PID/task/*/children (no scan of all of /proc)."""
    kids = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    kids.extend(int(k) for k in f.read().split())
            except OSError:
                pass
    except OSError:
        pass
    return kids

def tree_rss_kb(root):
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children(pid))
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * PAGE_KB
        except OSError:
            pass
    return total

def cpu_s(pid):
    """user+sys CPU seconds of a running process, from /proc/PID/stat; None when unknown."""
    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None

def main():
    label, urls, conc = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    cmd = sys.argv[sys.argv.index("--") + 1:]
    site = os.environ.get("SITE_PID")
    site_before = cpu_s(site)
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    peak = [0]
    done = threading.Event()
    def sample():
        while not done.wait(0.05):
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    done.set()
    sampler.join()
    cpu = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    site_after = cpu_s(site)
    site_cpu = "" if not site else (
        f" site_cpu={site_after - site_before:5.2f}" if None not in (site_before, site_after) else " site_cpu=n/a")
    line = (f"{label:<22} urls={urls:<8} conc={conc:<5} wall_s={wall:7.2f} cpu_s={cpu:7.2f} "
            f"peak_rss_mb={peak[0] / 1024:7.1f} pages_s={urls / wall:9.1f} exit={code}{site_cpu}")
    print(line, flush=True)
    if os.environ.get("BENCH_LINES"):  # bench/run collects every line for bench/targets.py
        with open(os.environ["BENCH_LINES"], "a") as lines:
            lines.write(line + "\n")
    sys.exit(code)

if __name__ == "__main__":
    main()
