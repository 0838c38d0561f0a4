#!/bin/bash
# Runs every eval set in parallel; prints the overall line of each.
cd /work/main
run() { name=$1; q=$2; seeds=$3; shift 3; npm run -s eval -- --questions $q --seeds $seeds --out /tmp/e-$name "$@" > /tmp/e-$name.log 2>&1; echo "$name: $(grep -m1 "^overall" /tmp/e-$name.log)"; }
run dev ../shared/eval/dev.jsonl seeds &
run heldout eval/heldout.jsonl seeds &
wait
run heldout2 eval/heldout2.jsonl eval/unseen-seeds &
run unseen ../shared/eval/dev-unseen.jsonl ../shared/corpus-dev &
wait
run u2 eval/unseen-2/questions.jsonl eval/unseen-2 &
run u3 eval/unseen-3/questions.jsonl eval/unseen-3 &
wait
run u4 eval/unseen-4/questions.jsonl eval/unseen-4 &
run u5 eval/unseen-5/questions.jsonl eval/unseen-5 &
wait
run u9 eval/unseen-9/questions.jsonl eval/unseen-9 &
run u11 eval/unseen-11/questions.jsonl eval/unseen-11 &
run u12 eval/unseen-12/questions.jsonl eval/unseen-12 &
run u10 eval/unseen-10/questions.jsonl eval/unseen-10 &
wait
run u6 eval/unseen-6/questions.jsonl eval/unseen-6 &
run u7 eval/unseen-7/questions.jsonl eval/unseen-7 &
run u14 eval/unseen-14/questions.jsonl eval/unseen-14 &
run u13 eval/unseen-13/questions.jsonl eval/unseen-13 &
run u16 eval/unseen-16/questions.jsonl eval/unseen-16 &
run u15 eval/unseen-15/questions.jsonl eval/unseen-15 &
run u8 eval/unseen-8/questions.jsonl eval/unseen-8 &
wait
