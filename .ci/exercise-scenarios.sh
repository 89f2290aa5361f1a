#!/usr/bin/env bash
# The exercise runner's promises, checked by running it on a scratch copy of the exercises with
# every exercise solved except the one a scenario breaks: a loop that never ends, Ctrl-C and
# SIGTERM during a run, a syntax error, a crash, a missing file, runaway memory, the commands'
# usage errors, and the time of a re-check after editing one exercise.
#
#     bash .ci/exercise-scenarios.sh [scratch-folder]
set -euo pipefail
set -m  # background jobs get their own process group and keep SIGINT, like a terminal's
cd "$(dirname "$0")/.."
root=$(pwd)
scratch=${1:-$(mktemp -d)}
swift build --product exercises 2>&1 | tail -n 1
runner="$(swift build --show-bin-path)/exercises"

mkdir -p "$scratch/Exercises"
for item in Package.swift Sources Tests Solutions; do
  rm -rf "${scratch:?}/Exercises/$item"; cp -R "Exercises/$item" "$scratch/Exercises/$item"
done
# How many exercises the course has, from the list in Exercises/Package.swift.
total=$(grep -c '^    ("E[0-9]' Exercises/Package.swift)
cd "$scratch"
solve_all() { cp Exercises/Solutions/*.swift Exercises/Sources/Exercises/; }
fail() { echo "FAILED: $*"; echo "--- runner output:"; cat out.txt; exit 1; }
leftovers() {
  pgrep -af "$scratch/Exercises/.build" | grep -v pgrep || true
  for p in $(pgrep -f "swift-build|swift-frontend" || true); do
    [ "$(readlink "/proc/$p/cwd" 2>/dev/null)" = "$scratch/Exercises" ] && echo "$p $(tr '\0' ' ' < "/proc/$p/cmdline")"
  done
  true
}
expect_nothing_left() {
  sleep 0.3
  local left; left=$(leftovers)
  [ -z "$left" ] || fail "$1 left processes running: $left"
}
# Runs the runner; sets status and seconds.
check() {
  local start; start=$(date +%s%N)
  set +e; "$runner" "$@" > out.txt 2>&1; status=$?; set -e
  seconds=$(( ($(date +%s%N) - start) / 1000000 ))
}
edit() { python3 - "$@" <<'EOF'
import sys
path, old, new = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path).read()
assert old in text, (path, old)
open(path, "w").write(text.replace(old, new, 1))
EOF
}
line_of() { grep -n -F "$2" "$1" | head -n 1 | cut -d: -f1; }

solve_all
check
[ "$status" -eq 0 ] && grep -q "$total of $total done" out.txt || fail "all solved: expected $total of $total done, exit 0 (exit $status)"
echo "ok: every solution in place → $total of $total done, exit 0 (first run, build included: ${seconds} ms)"

echo "// an edit" >> Exercises/Sources/Exercises/E08_MeanSquaredError.swift
check
echo "ok: re-check after editing exercise 8: ${seconds} ms"

# A loop that never ends in exercise 22, with a 5-second limit.
edit Exercises/Sources/Exercises/E22_DenseBackward.swift "    for n in 0..<batch {" "    while batch > 0 { _ = batch }
    for n in 0..<batch {"
check --time-limit 5
[ "$status" -eq 1 ] || fail "endless loop: exit $status, expected 1"
grep -q "$((total - 1)) of $total done" out.txt || fail "endless loop: the others should count as done"
grep -q "exercise 22 did not finish in 5 s: a loop that never ends?" out.txt || fail "endless loop: exercise 22 not named"
[ "$seconds" -lt 30000 ] || fail "endless loop: took ${seconds} ms"
expect_nothing_left "the endless loop"
echo "ok: a loop in exercise 22 → named, $((total - 1)) of $total done, exit 1, ${seconds} ms with a 5 s limit, nothing left running"

# Ctrl-C and SIGTERM while the loop runs: nothing left, no lock held, the next run works.
for sig in INT TERM; do
  "$runner" > out.txt 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do pgrep -f "$scratch/Exercises/.build.*xctest E22" > /dev/null && break; sleep 0.1; done
  kill -"$sig" "$pid"
  set +e; wait "$pid"; status=$?; set -e
  [ "$status" -eq 130 ] || fail "SIG$sig: exit $status, expected 130"
  expect_nothing_left "SIG$sig during the checks"
  echo "ok: SIG$sig during the loop → exit 130, nothing left running"
done

# Ctrl-C during a build: SwiftPM is stopped and its lock released.
touch Exercises/Tests/ExerciseChecks/Checks.swift
"$runner" > out.txt 2>&1 &
pid=$!
sleep 3
kill -INT "$pid"
set +e; wait "$pid"; status=$?; set -e
expect_nothing_left "Ctrl-C during the build"
cp Exercises/Solutions/E22_DenseBackward.swift Exercises/Sources/Exercises/
check --time-limit 5
[ "$status" -eq 0 ] || fail "the run after Ctrl-C: exit $status"
grep -q "Another instance of SwiftPM" out.txt && fail "the run after Ctrl-C waited for a lock"
echo "ok: Ctrl-C during the build → nothing left; the next run works ($total of $total, ${seconds} ms)"

# A syntax error in exercise 4.
edit Exercises/Sources/Exercises/E04_SigmoidDerivative.swift "let s = sigmoid(x)" "let s = sigmoid(x"
wrong=$(( $(line_of Exercises/Sources/Exercises/E04_SigmoidDerivative.swift "let s = sigmoid(x") + 1 ))
check
[ "$status" -eq 1 ] || fail "syntax error: exit $status"
grep -q "$((total - 1)) of $total done" out.txt || fail "syntax error: the others should count as done"
grep -q "does not compile: Exercises/Sources/Exercises/E04_SigmoidDerivative.swift:$wrong: expected ')'" out.txt \
  || fail "syntax error: expected exercise 4 not compiling at line $wrong"
grep -q "note: to match this opening '('" out.txt || fail "syntax error: the compiler's note is missing"
echo "ok: a syntax error in exercise 4 → $((total - 1)) of $total done, exercise 4 does not compile at line $wrong, with the compiler's note"
cp Exercises/Solutions/E04_SigmoidDerivative.swift Exercises/Sources/Exercises/

# A crash (index out of range) in exercise 19.
edit Exercises/Sources/Exercises/E19_MiniBatches.swift "let end = min(start + batchSize, indices.count)" "let end = start + batchSize"
crash_line=$(( $(line_of Exercises/Sources/Exercises/E19_MiniBatches.swift "let end = start + batchSize") + 1 ))
check
grep -q "$((total - 1)) of $total done" out.txt || fail "crash: the others should count as done"
grep -q "at Exercises/Sources/Exercises/E19_MiniBatches.swift:$crash_line" out.txt || fail "crash: expected the student's file and line $crash_line"
echo "ok: an index out of range in exercise 19 → named at E19_MiniBatches.swift:$crash_line"
cp Exercises/Solutions/E19_MiniBatches.swift Exercises/Sources/Exercises/

# Memory that grows without end in exercise 25.
edit Exercises/Sources/Exercises/E25_Accuracy.swift "    var best = 0" "    var hoard: [[Double]] = []
    while hoard.count >= 0 { hoard.append(Array(repeating: 1, count: 10_000_000)) }
    var best = 0"
check --memory-limit 1024
grep -q "exercise 25 used more than 1024 MB of memory" out.txt || fail "memory: expected exercise 25 stopped at 1024 MB"
expect_nothing_left "runaway memory"
echo "ok: runaway memory in exercise 25 → stopped at 1024 MB and named"
cp Exercises/Solutions/E25_Accuracy.swift Exercises/Sources/Exercises/

# A deleted exercise file.
rm Exercises/Sources/Exercises/E10_CentralDifference.swift
check
grep -q "E10_CentralDifference.swift is missing; restore it with \`swift run exercises reset 10\`" out.txt || fail "missing file: not reported"
grep -q "$((total - 1)) of $total done" out.txt || fail "missing file: the others should count as done"
echo "ok: a deleted exercise file → reported as missing with the command that restores it"
cp Exercises/Solutions/E10_CentralDifference.swift Exercises/Sources/Exercises/

# Commands.
check help; [ "$status" -eq 0 ] && grep -q "reset N" out.txt || fail "help"
check -h; [ "$status" -eq 0 ] || fail "-h"
check --help; [ "$status" -eq 0 ] || fail "--help"
check hint 4 5; [ "$status" -eq 2 ] && grep -q "takes one exercise number" out.txt || fail "hint 4 5"
check hint 99; [ "$status" -eq 2 ] || fail "hint 99"
check report --name "Scenario Student"
[ "$status" -eq 0 ] && grep -q "Scenario Student" exercise-report.md && grep -q "\"done\": $total" exercise-report.json || fail "report"
echo "ok: help/-h/--help exit 0; 'hint 4 5' and 'hint 99' are usage errors; report writes Markdown and JSON and exits 0"
expect_nothing_left "the whole run"
echo "All exercise-runner scenarios passed."
cd "$root"
