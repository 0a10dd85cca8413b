import readline from 'node:readline/promises';
import { Writable } from 'node:stream';

/** Line prompts on the terminal; `secret` questions echo nothing (for passwords). */
export function createPrompter() {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stdout.write(chunk, encoding);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: !!process.stdin.isTTY });
  return {
    /** Asks until `check` returns null (no problem); the problem is shown before asking again. */
    async ask(question: string, check: (answer: string) => string | null = () => null): Promise<string> {
      for (;;) {
        const answer = (await rl.question(question)).trim();
        const problem = check(answer);
        if (!problem) return answer;
        console.log(`  ${problem}`);
      }
    },
    async secret(question: string): Promise<string> {
      process.stdout.write(question);
      muted = true;
      try {
        return await rl.question('');
      } finally {
        muted = false;
        process.stdout.write('\n');
      }
    },
    close: () => rl.close(),
  };
}
