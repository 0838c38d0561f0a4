#!/bin/bash
cd /work/main
npm run -s eval -- --conversations eval/conversations/seeds.jsonl --seeds seeds --out /tmp/e-cs > /tmp/e-cs.log 2>&1 &
npm run -s eval -- --conversations eval/conversations/corpus-dev.jsonl --seeds ../shared/corpus-dev --out /tmp/e-cd > /tmp/e-cd.log 2>&1
wait
echo "cs: $(grep -m1 '^overall' /tmp/e-cs.log)"; echo "cd: $(grep -m1 '^overall' /tmp/e-cd.log)"
for n in 4 5 6 7 8 9 10 11 12 13 14 15 16; do npm run -s eval -- --conversations eval/unseen-$n/conversations.jsonl --seeds eval/unseen-$n --out /tmp/e-c$n > /tmp/e-c$n.log 2>&1 & done; wait
for n in 4 5 6 7 8 9 10 11 12 13 14 15 16; do echo "c$n: $(grep -m1 '^overall' /tmp/e-c$n.log)"; done
