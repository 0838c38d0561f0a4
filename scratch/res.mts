import { resolveConversation } from '../src/answer/conversation/conversation.js';
const [prev, q] = process.argv.slice(2);
console.log(JSON.stringify(resolveConversation([{ question: prev }], q), null, 1));
