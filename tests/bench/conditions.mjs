// The conditions of the like-for-like benchmark: every question's enableWhen, every finding's
// `when` and `earliest`, with {"setting": id} replaced by the setting's value. One list, so that
// json-logic-js, the wasm engine and the native engine evaluate exactly the same rules.
// Usage: node conditions.mjs [rules.json] [out.json]
//        (defaults: rules/mesotherapy.json, build/bench/conditions.json)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './respondents.mjs';

// Our engine folds {"setting": id} in when it compiles a rule set; json-logic-js has no such
// operation, so every side gets the value substituted up front.
export function conditionsOf(rules) {
    const substitute = (rule) => {
        if (Array.isArray(rule)) return rule.map(substitute);
        if (rule && typeof rule === 'object') {
            const keys = Object.keys(rule);
            if (keys.length === 1 && keys[0] === 'setting') return rules.settings[rule.setting].value;
            return Object.fromEntries(keys.map((k) => [k, substitute(rule[k])]));
        }
        return rule;
    };
    return [
        ...rules.questions.filter((q) => q.enableWhen).map((q) => q.enableWhen),
        ...rules.findings.flatMap((f) => (f.earliest ? [f.when, f.earliest] : [f.when])),
    ].map(substitute);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const rulesPath = process.argv[2] || join(root, 'rules', 'mesotherapy.json');
    const out = process.argv[3] || join(root, 'build', 'bench', 'conditions.json');
    const conditions = conditionsOf(JSON.parse(readFileSync(rulesPath, 'utf8')));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(conditions));
    console.error(`conditions: ${conditions.length} written to ${out}`);
}
