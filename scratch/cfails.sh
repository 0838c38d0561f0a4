#!/bin/bash
# Prints the wrong answers of a conversation eval run: scratch/cfails.sh cNAME
node -e 'const r=require("/tmp/e-'$1'/results.json"); for (const x of r.ours) if (!x.correct) console.log(x.id, x.kind, JSON.stringify(x.question), "\n   expected:", x.expected, "\n   got:", (x.got||"").slice(0,180), (x.why||[]).join(";"))'
