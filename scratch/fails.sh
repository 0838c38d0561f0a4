#!/bin/bash
# Prints the wrong answers of an eval run: scratch/fails.sh NAME
node -e 'const r=require("/tmp/e-'$1'/results.json"); for (const x of r.ours) if (!x.correct) console.log(x.id, x.kind, x.question, "\n   expected:", x.expected, "\n   got:", x.got.slice(0,200), x.why.join(";"))'
