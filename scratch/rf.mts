import { resolveConversation } from '../src/answer/conversation/conversation.js';
for (const arg of process.argv.slice(2)) {
  const turns = arg.split(' >> ');
  const q = turns.pop()!;
  console.log(arg, '\n   =>', JSON.stringify(resolveConversation(turns.map((question) => ({ question })), q)));
}
