// The README's CLI examples, run as a reader would paste them: each must succeed, and the
// screening example must give a verdict, so the README cannot drift from the rule set.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const documented = 'build/release/mesoscreen';
// The binary the README names, when it is built (the test command builds it before any test):
// the examples verify the default rule set, minutes of work for an instrumented (ASan) build.
const mesoscreen = existsSync(join(root, documented)) ? join(root, documented)
    : process.env.MESOSCREEN || join(root, documented);

// Commands of the ```sh blocks that run the CLI, with their continuation lines joined.
function readmeCommands() {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const commands = [];
    for (const [, block] of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
        const joined = block.replace(/\\\n\s*/g, ' ').replace(/\n(?=\s)/g, ' ');
        for (const line of joined.split('\n')) {
            if (line.startsWith(documented)) commands.push(line);
        }
    }
    return commands;
}

const commands = readmeCommands();

test('the README shows CLI examples', () => {
    assert.ok(commands.length >= 3, `found ${commands.length} examples`);
    assert.ok(commands.some(c => c.includes(' screen ')), 'a screening example');
});

for (const command of commands) {
    test(`README example runs: ${command.slice(0, 70)}`, () => {
        const shell = command.replace(documented, `'${mesoscreen}'`);
        const out = execFileSync('bash', ['-c', shell], { cwd: root, encoding: 'utf8' });
        assert.ok(out.trim().length > 0, 'prints something');
        if (command.includes(' screen ')) {
            const result = JSON.parse(out);
            assert.notEqual(result.status, 'incomplete', `the example's answers are complete: ${JSON.stringify(result.errors ?? result.missing)}`);
            // and speak the rule set's contract: no answer refused, none to a question not asked
            assert.deepEqual(result.errors, [], 'answer errors');
            assert.deepEqual(result.ignored, [], 'answers to questions that are not asked');
        }
    });
}
