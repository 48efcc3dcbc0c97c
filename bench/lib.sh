# Shared by bench/run and bench/ab (sourced, not run): the JDK, the bench jar, a work directory
# and the synthetic site. Expects $root (the checkout) and sets java_bin, bench_jar, work, base.

java_bin="$(ls -d /usr/lib/jvm/*/bin/java | while read -r j; do "$j" -version 2>&1 | grep -q "version \"2[5-9]" && echo "$j" && break; done)"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"2[5-9]' && java_bin="$JAVA_HOME/bin/java"
bench_jar="$root/bench/target/bench-0.1.0-SNAPSHOT-all.jar"
# the bench jar holds the parser and store code its JMH benchmarks measure: rebuild when they or bench change
bench_modules=("$root"/{bench,parser,store})
if [[ ! -f "$bench_jar" || -n "$(find "$root/pom.xml" "${bench_modules[@]/%//pom.xml}" "${bench_modules[@]/%//src/main}" -newer "$bench_jar" -print -quit)" ]]; then
  mvn -q -B -Dstyle.color=never -f "$root/pom.xml" -pl bench -am -DskipTests package >&2
fi

# the launcher's default JVM options, without its AOT cache (made for the crawler's jar): for the floors
floor_jvm_opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:UserThreadWaitAttemptsAtExit=0)
thp="$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || true)"
[[ "$thp" == *"[madvise]"* ]] && floor_jvm_opts+=(-XX:+UseTransparentHugePages)

work="$(mktemp -d)"
site_pid=""
stop_site() { [[ -n "$site_pid" ]] && kill "$site_pid" 2>/dev/null; wait "$site_pid" 2>/dev/null || true; site_pid=""; }
trap 'stop_site; rm -rf "$work"' EXIT

# start_site PAGES SIZE LATENCY_MS COUNT [HOSTS]: serves the site (on HOSTS ports, each a host to a
# crawler, the list taking them in turn; default 1), writes $work/urls.txt, sets $base (the first's)
start_site() {
  stop_site
  rm -f "$work/site.out"
  "$java_bin" -XX:+UseParallelGC -cp "$bench_jar" io.crawlpipe.bench.SyntheticSite --hosts "${5:-1}" \
      --pages "$1" --size "$2" --latency-ms "$3" --list "$work/urls.txt" --count "$4" \
      < <(tail -f /dev/null) > "$work/site.out" &
  site_pid=$!
  export SITE_PID="$site_pid"     # measure.py reports the site's CPU during each run (site_cpu=)
  for _ in $(seq 1 200); do
    base="$(head -1 "$work/site.out" 2>/dev/null || true)"
    [[ -n "$base" ]] && { warm_site "$3"; return 0; }
    read -r -t 0.05 < /dev/zero || true
  done
  echo "bench: synthetic site did not start" >&2; exit 1
}

# warm_site LATENCY_MS: 40,000 requests from curl over the list's first lines (cycled), not measured
# (10,000 on a slow site, 300 at a time: curl's most). The site is a JVM: cold, it spends up to twice
# the CPU per request while its JIT compiles, and the first measured run (curl's, in bench/run) would
# pay for that in its time on the cores they share.
warm_site() {
  local count=40000 parallel=64
  (( $1 > 0 )) && count=10000 parallel=300
  head -n "$count" "$work/urls.txt" | awk -v n="$count" '{ l[NR] = $0 }
      END { for (i = 0; i < n; i++) printf "url = \"%s\"\noutput = \"/dev/null\"\n", l[i % NR + 1] }' > "$work/warm.cfg"
  curl -s --no-progress-meter --parallel --parallel-max "$parallel" -K "$work/warm.cfg" \
      || { echo "bench: warming up the synthetic site failed" >&2; exit 1; }
}

# polite_flags LAUNCHER: prints, one per line, the flags that keep politeness out of a single-host
# benchmark, as far as that build of the launcher has them (older builds lack some)
polite_flags() {
  local help; help="$("$1" --help)"
  if grep -q -- '--per-host' <<< "$help"; then printf '%s\n' --per-host 100000; fi
  if grep -q -- '--ignore-robots' <<< "$help"; then printf '%s\n' --ignore-robots; fi
  if grep -q -- '--retries' <<< "$help"; then printf '%s\n' --retries 0; fi
}
