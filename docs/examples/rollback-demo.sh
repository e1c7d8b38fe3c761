#!/usr/bin/env bash
# A leakwatch action for the payment demo: on CRITICAL, restart the demo as it was started, minus the leaky
# fraud-history feature (the "flag off" rollback). Configure it with
#
#   action.onCritical=exec:/absolute/path/to/docs/examples/rollback-demo.sh
#
# leakwatch starts it directly (no shell in between, no arguments) in the demo's working directory, with the
# alert's JSON on stdin and its fields in LEAKWATCH_* variables; it must finish within 30 s.
set -euo pipefail

state_dir="${ROLLBACK_STATE_DIR:-${TMPDIR:-/tmp}/leakwatch-rollback}"
mkdir -p "$state_dir"
# Our own log: the JVM whose stderr we were given is about to go away.
exec 2>>"$state_dir/rollback.log"
say() { echo "$(date -u +%FT%TZ) $*" >&2; }

cat > "$state_dir/alert-$LEAKWATCH_IDEMPOTENCY_KEY.json"   # the alert, for the incident notes
pid="$LEAKWATCH_PID"
subject="${LEAKWATCH_SITE:-${LEAKWATCH_POOL:-?}}"

# The heap pool and the field both turn CRITICAL, with different idempotency keys: one rollback per JVM.
if ! mkdir "$state_dir/rolled-back-$pid" 2>/dev/null; then
    say "demo pid $pid already rolled back; $LEAKWATCH_KIND $subject (key $LEAKWATCH_IDEMPOTENCY_KEY) ignored"
    exit 0
fi
if [ ! -r "/proc/$pid/cmdline" ]; then
    say "demo pid $pid is gone; nothing to roll back"
    exit 0
fi

# How the demo was started, minus the feature: --feature fraud-history (or inside a comma-separated list).
mapfile -d '' -t old_command < "/proc/$pid/cmdline"
cwd="$(readlink "/proc/$pid/cwd")"
new_command=()
for ((i = 0; i < ${#old_command[@]}; i++)); do
    arg="${old_command[i]}"
    features=""
    if [ "$arg" = --feature ] && [ $((i + 1)) -lt ${#old_command[@]} ]; then
        i=$((i + 1))
        features="${old_command[i]}"
    elif [[ "$arg" == --feature=* ]]; then
        features="${arg#--feature=}"
    fi
    if [ -n "$features" ]; then
        kept="$(tr ',' '\n' <<<"$features" | grep -vx fraud-history | paste -sd, - || true)"
        if [ -n "$kept" ]; then
            new_command+=(--feature "$kept")
        fi
        continue
    fi
    new_command+=("$arg")
done

say "CRITICAL $LEAKWATCH_KIND $subject (key $LEAKWATCH_IDEMPOTENCY_KEY): restarting demo pid $pid without fraud-history"
kill -TERM "$pid"
for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
done
kill -KILL "$pid" 2>/dev/null || true

# The new demo must not see this alert's variables (its own agent would name them as unknown keys), nor the
# feature switched on through the environment.
for field in TIME SEVERITY KIND SITE POOL TYPE SIZE GROWTH_PER_MIN ESTIMATED_BYTES HEAP_USED_AFTER_GC HEAP_MAX \
        SECONDS_TO_EXHAUSTION HEAP_DUMP IDEMPOTENCY_KEY PID; do
    unset "LEAKWATCH_$field"
done
if [ -n "${DEMO_FEATURES:-}" ]; then
    DEMO_FEATURES="$(tr ',' '\n' <<<"$DEMO_FEATURES" | grep -vx fraud-history | paste -sd, - || true)"
    export DEMO_FEATURES
fi

cd "$cwd"
setsid nohup "${new_command[@]}" >>"$state_dir/demo.out" 2>&1 </dev/null &
say "demo restarted as pid $! in $cwd: ${new_command[*]}"
