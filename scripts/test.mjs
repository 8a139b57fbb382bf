#!/usr/bin/env node
// `npm test`: the whole suite, with the independent stages run at the same time.
//   1. setup (environment check)
//   2. at once, at most as many as the machine has cores: the four type-check projects, eslint, prettier --check,
//      the renderer build (vite) and the Node bundles (esbuild) — none reads what another writes
//   3. unit tests (vitest; needs the build: the CLI specs run dist/cli, the packaging spec packs dist/renderer)
//   4. end-to-end journeys (Playwright over the built renderer)
// Each job's wall time is printed, with the load average, and a table of them all at the end. The first job to fail
// stops the suite: its output is printed whole (jobs of stage 2 are quiet unless they fail), the jobs still running
// are stopped. Stages 3 and 4 stream their output as they run.
// Usage: node scripts/test.mjs [setup|typecheck|lint|build|unit|e2e ...]   (no argument: all of them, in order)
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const tsc = (project) => ({ name: `typecheck ${project}`, cmd: bin('tsc'), args: ['-p', `${project}/tsconfig.json`, '--noEmit'] });

/** Stages in order; the jobs of one stage run at the same time (up to `limit`), `stream` ones one by one, live. */
const STAGES = {
  setup: { jobs: [{ name: 'setup', cmd: process.execPath, args: ['scripts/setup.mjs'] }], stream: true },
  // Longest first, so the pool ends together (tests/ re-checks the specs of every layer: the longest).
  typecheck: { jobs: [tsc('tests'), tsc('renderer'), tsc('electron'), tsc('shared')] },
  lint: {
    jobs: [
      { name: 'prettier --check', cmd: bin('prettier'), args: ['--check', '.'] },
      { name: 'eslint', cmd: bin('eslint'), args: ['--max-warnings', '0', '.'] },
    ],
  },
  build: {
    jobs: [
      { name: 'build renderer (vite)', cmd: bin('vite'), args: ['build'] },
      { name: 'build node (esbuild)', cmd: process.execPath, args: ['scripts/build-node.mjs'] },
    ],
  },
  unit: { jobs: [{ name: 'unit (vitest)', cmd: bin('vitest'), args: ['run'] }], stream: true },
  e2e: { jobs: [{ name: 'e2e (playwright)', cmd: bin('playwright'), args: ['test'] }], stream: true },
};
/** typecheck, lint and build share one pool: nothing in them depends on another. */
const QUIET = new Set(['typecheck', 'lint', 'build']);

const asked = process.argv.slice(2);
const unknown = asked.filter((s) => !(s in STAGES));
if (unknown.length > 0) {
  console.error(`未知阶段 / unknown stage: ${unknown.join(', ')} (known: ${Object.keys(STAGES).join(', ')})`);
  process.exit(2);
}
const wanted = Object.keys(STAGES).filter((s) => asked.length === 0 || asked.includes(s));
const limit = Math.max(2, os.availableParallelism());
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const timings = [];
const running = new Set();
let stopping = false;

function run(job, stream) {
  return new Promise((resolve) => {
    const started = performance.now();
    // Its own process group, so that stopping it stops what it started (tsc's, vitest's and playwright's children).
    const child = spawn(job.cmd, job.args, { cwd: root, stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'], detached: !stream });
    running.add(child);
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const done = (code, error) => {
      running.delete(child);
      const ms = performance.now() - started;
      const state = code === 0 ? 'ok' : stopping ? 'stopped' : 'FAIL';
      timings.push({ name: job.name, ms, state, load: load() });
      console.log(`[test] ${state.padEnd(7)} ${job.name.padEnd(28)} ${secs(ms).padStart(8)}   load ${load()}`);
      resolve({ job, code, output: error ? `${output}\n${error.message}` : output });
    };
    child.on('error', (e) => done(1, e));
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

function stopAll() {
  stopping = true;
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
}

/** Runs the jobs with at most `limit` at a time; resolves with the first failure (the others stopped), or null. */
async function pool(jobs) {
  const queue = [...jobs];
  let failure = null;
  const worker = async () => {
    while (queue.length > 0 && !failure) {
      const result = await run(queue.shift(), false);
      if (result.code !== 0 && !failure) {
        failure = result;
        stopAll();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return failure;
}

function summary() {
  console.log(`\n[test] ${'state'.padEnd(7)} ${'job'.padEnd(28)} wall time   load average (1, 5, 15 min) at its end`);
  for (const t of timings) console.log(`[test] ${t.state.padEnd(7)} ${t.name.padEnd(28)} ${secs(t.ms).padStart(8)}   ${t.load}`);
  console.log(`[test] total ${secs(performance.now() - suiteStarted)} on ${os.availableParallelism()} cores`);
}

const suiteStarted = performance.now();
console.log(`[test] stages: ${wanted.join(', ')}; load ${load()}; ${os.availableParallelism()} cores, up to ${limit} jobs at once`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

let i = 0;
while (i < wanted.length) {
  // Consecutive quiet stages go into one pool.
  const group = [];
  while (i < wanted.length && QUIET.has(wanted[i])) group.push(wanted[i++]);
  let failure = null;
  if (group.length > 0) {
    const started = performance.now();
    failure = await pool(group.flatMap((s) => STAGES[s].jobs));
    timings.push({ name: `= ${group.join(' + ')}`, ms: performance.now() - started, state: failure ? 'FAIL' : 'ok', load: load() });
  } else {
    const stage = STAGES[wanted[i++]];
    for (const job of stage.jobs) {
      const result = await run(job, stage.stream);
      if (result.code !== 0) {
        failure = result;
        break;
      }
    }
  }
  if (failure) {
    if (failure.output) console.error(`\n[test] ${failure.job.name} failed:\n${failure.output}`);
    summary();
    console.error(`[test] FAILED: ${failure.job.name} (${[path.relative(root, failure.job.cmd), ...failure.job.args].join(' ')})`);
    process.exit(1);
  }
}
summary();
