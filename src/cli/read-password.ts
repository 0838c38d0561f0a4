import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

/**
 * The password for `npm run users`: typed at a hidden prompt on a terminal, else the first line
 * of stdin (`printf '%s\n' "$PW" | npm run users -- add …`), so it never appears in argv, where
 * `ps` and shell history would show it.
 */
export async function readPassword(prompt: string): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write(prompt);
    // Echo goes nowhere: readline would otherwise print every typed character.
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
    const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
    try {
      return await reader.question('');
    } finally {
      reader.close();
      process.stderr.write('\n');
    }
  }
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}
