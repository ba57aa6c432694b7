/** docs/benchmarks.md from one `npm run bench` run: the figures next to the targets of issue 8. */
// biome-ignore lint/suspicious/noExplicitAny: the results object is the JSON the runner just wrote
type Results = Record<string, any>;

const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
const shares = (machine: { idlePercent: number; stealPercent: number } | undefined) =>
  machine ? `${machine.idlePercent} % / ${machine.stealPercent} %` : '?';

export function benchmarksMarkdown(results: Results): string {
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (test/bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: ${results.machine.cpus} cores,`,
    `Node ${results.machine.node}; the load generator runs on the same machine. Raw figures: bench-results/*.json.`,
    '',
    '| scenario | figure | target | result |',
    '|---|---|---|---|',
  ];
  const saturation = results.saturation;
  if (saturation) {
    lines.push(
      row(['saturation (100 clients, B=10)', `null server ${saturation.null.statementsPerSecond}/s`, 'the ceiling', '']),
      row([
        '',
        `Aula ${saturation.aula.statementsPerSecond}/s acknowledged + fsynced`,
        '≥ 0.5 × null',
        `${saturation.ratio} × null`,
      ]),
      row(['', `Aula p50/p95/p99/max ${fmt(saturation.aula.latencyMs)} ms`, 'p99 ≤ 50 ms', `${saturation.aula.latencyMs.p99} ms`]),
      row([
        '',
        `server CPU ${saturation.aula.serverCpuSeconds} s (event loop ${saturation.aula.serverEventLoopCpuSeconds ?? '?'} s), peak RSS ${saturation.aula.serverPeakRssMb} MB`,
        '',
        '',
      ]),
      row(['', `machine idle / stolen by the hypervisor: null run ${shares(saturation.null.machine)}, Aula run ${shares(saturation.aula.machine)}`, '', '']),
    );
    const warmup = saturation.aula.warmup;
    if (warmup && saturation.null.warmup) {
      lines.push(
        row([
          '',
          `measured after ${warmup.seconds} s of the same load, for each server (JIT, caches); during it: Aula ${warmup.statementsPerSecond}/s, p50/p95/p99/max ${fmt(warmup.latencyMs)} ms; null server ${saturation.null.warmup.statementsPerSecond}/s, p99 ${saturation.null.warmup.latencyMs.p99} ms`,
          '',
          '',
        ]),
      );
    }
    if (saturation.prototype) {
      const prototype = saturation.prototype;
      lines.push(
        row([
          '',
          `issue 8's group-commit prototype (test/bench/prototype-server.mjs: no validation, augmentation or counters, one thread) ${prototype.statementsPerSecond}/s, p50/p95/p99/max ${fmt(prototype.latencyMs)} ms, server CPU ${prototype.serverCpuSeconds} s`,
          'about 0.27 × null (issue 8)',
          `${prototype.ratio} × null`,
        ]),
      );
    }
  }
  const classroom = results.classroom;
  if (classroom) {
    lines.push(
      row([
        '40 clients, 1 batch/s, SSE connected',
        `p50/p95/p99/max ${fmt(classroom.latencyMs)} ms, ${classroom.sseEvents} SSE events`,
        'p99 ≤ 10 ms',
        `${classroom.latencyMs.p99} ms`,
      ]),
      row(['', `null server, same load: p50/p95/p99/max ${classroom.nullServerLatencyMs ? fmt(classroom.nullServerLatencyMs) : '?'} ms`, '', '']),
      row([
        '',
        `this disk's floor, a bare fsynced SQLite commit of one batch 40 times a second (test/bench/disk-floor.ts): p50/p95/p99/max ${classroom.diskCommits ? fmt(classroom.diskCommits.latencyMs) : '?'} ms`,
        '',
        '',
      ]),
    );
  }
  const storm = results.storm;
  if (storm) {
    lines.push(
      row([
        `reconnect storm (${storm.clients} × ${storm.batch})`,
        `${storm.acknowledged} acknowledged in ${storm.seconds} s, ${storm.refused503} × 503 (all with Retry-After: ${storm.retriesWithoutRetryAfter === 0}), ${storm.errors} errors`,
        'all 256,000 stored; p99 ≤ 1 s',
        `${storm.storedAccordingToOverview ?? '?'} stored, p99 ${storm.latencyMs.p99} ms`,
      ]),
      row(['', `null server, same storm: ${storm.nullServer?.seconds} s, p50/p95/p99/max ${storm.nullServer ? fmt(storm.nullServer.latencyMs) : '?'} ms`, '', '']),
      row(['', `Aula p50/p95/p99/max ${fmt(storm.latencyMs)} ms, peak RSS ${storm.serverPeakRssMb} MB; machine idle / stolen ${shares(storm.machine)}`, '', '']),
    );
  }
  const unity = results.stormExpectContinue;
  if (unity) {
    lines.push(
      row([
        'the same storm, `Expect: 100-continue` (UnityWebRequest)',
        `${unity.acknowledged} acknowledged in ${unity.seconds} s, ${unity.refused503} × 503 (all with Retry-After: ${unity.retriesWithoutRetryAfter === 0}), ${unity.errors} errors`,
        'all 256,000 stored; p99 ≤ 1 s',
        `${unity.storedAccordingToOverview ?? '?'} stored, p99 ${unity.latencyMs.p99} ms`,
      ]),
      row(['', `null server (Node's default: 100 Continue at once): ${unity.nullServer?.seconds} s, p50/p95/p99/max ${unity.nullServer ? fmt(unity.nullServer.latencyMs) : '?'} ms`, '', '']),
      row(['', `Aula p50/p95/p99/max ${fmt(unity.latencyMs)} ms, peak RSS ${unity.serverPeakRssMb} MB; machine idle / stolen ${shares(unity.machine)}`, '', '']),
    );
  }
  const large = results.large;
  if (large) {
    lines.push(
      row([`large store (${large.statements} stored)`, `ready after ${large.readyMs} ms`, '≤ 1 s', `${large.readyMs} ms`]),
      row(['', `a game's start and first batch answered ${large.firstBatchStoredMs ?? '?'} ms after the spawn`, '≤ 1 s', `${large.firstBatchStoredMs ?? '?'} ms`]),
      row(['', `peak RSS ${large.serverPeakRssMb} MB`, '≤ 150 MB', `${large.serverPeakRssMb} MB`]),
      row(['', `overview p50/p95/p99 ${fmt(large.overviewMs)} ms`, '≤ 50 ms', `${round(large.overviewMs.p99)} ms`]),
      row(['', `live sessions p50/p95/p99 ${fmt(large.liveMs)} ms`, '≤ 50 ms', `${round(large.liveMs.p99)} ms`]),
      row([
        '',
        `xAPI GET ?verb= (limit 100, status ${large.xapiQueryStatus}): a common verb p50/p95/p99 ${fmt(large.xapiVerbQueryMs)} ms; a verb never sent ${fmt(large.xapiAbsentVerbQueryMs)} ms`,
        '',
        '',
      ]),
      row([
        '',
        `classroom (40 clients, 1 batch/s) p50/p95/p99/max ${fmt(large.classroomUnderLoad)} ms; the same while ${large.xapiQueriesDuringClassroom ?? '?'} xAPI queries for a verb never sent ran back to back ${large.classroomDuringXapiQueries ? fmt(large.classroomDuringXapiQueries) : '?'} ms`,
        '',
        '',
      ]),
    );
  }
  const lrs = results.lrs;
  if (lrs) {
    lines.push(
      row([
        'xAPI, 100 clients, B=10 (`--lrs`)',
        `Learning Locker's statements service (in memory, no fsync) ${lrs.learningLocker.statementsPerSecond}/s, p50/p95/p99/max ${fmt(lrs.learningLocker.latencyMs)} ms, ${lrs.learningLocker.errors} errors`,
        'for comparison',
        '',
      ]),
      row([
        '',
        `Aula /xapi ${lrs.aula.statementsPerSecond}/s acknowledged + fsynced, p50/p95/p99/max ${fmt(lrs.aula.latencyMs)} ms, ${lrs.aula.errors} errors`,
        '',
        `${lrs.ratio} × Learning Locker`,
      ]),
    );
  }
  lines.push(
    '',
    '## What limits ingest (profiled with `AULA_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" npm run bench`)',
    '',
    '- The load generator (test/bench/raw-client.ts) writes each request whole on its own keep-alive socket and reads',
    '  only the status, Content-Length and Retry-After of the answer: 4-6 µs of CPU per statement. Until 2026-11-27 it',
    '  was Node\'s http client, 12-16 µs per statement, more than the null server itself: the null server then ran at',
    '  the load generator\'s speed (75-99k statements/s, its event loop 70 % busy) and every ratio was against that.',
    '  Measured against its own speed (110-180k/s as the machine allows, up to the figure issue 8 gives for it), the',
    '  same Aula is at 0.21-0.34 × where it had been at 0.36-0.47 ×.',
    '- Issue 8\'s yardstick, a group-commit prototype of about sixty lines (test/bench/prototype-server.mjs: parse,',
    '  JSON.stringify each statement, one INSERT each into a table with no index, one fsynced transaction per group,',
    '  all on the event loop; no validation, augmentation, counters, results or rules), runs here at 45-65k',
    '  statements/s, p99 33-55 ms, with 15-17 µs of CPU per statement: 0.33-0.59 × the null server, where issue 8',
    '  measured 0.27 ×. Aula uses 2.3 × its CPU per statement (below), and its two threads do not make up for it.',
    '- Per statement under saturation (perf and /proc, 2026-11-27): the event loop 17-21 µs, of which JSON.parse is',
    '  a fifth, Node\'s HTTP a quarter (the null server\'s whole cost is 5.5 µs), the one scan of the body 7 %, rules',
    '  and results 9 %, packing for the writer and postMessage 8 %, the body hash 3 %; the writer thread 11-14 µs',
    '  (SQLite\'s inserts and binding about half, writing the WAL at commit a fifth, checkpoints a tenth, reading the',
    '  messages 5 %); V8\'s helper threads 3-4. The machine shows 18-23 % idle, but the null server\'s run shows',
    '  11-14 % measured the same way, and it is not a closed loop waiting on itself: 200 games instead of 100 give',
    '  the same throughput (39-40k/s against 40-42k in the same calm hour, 2026-11-27), 50 games half the latency',
    '  at the same throughput. The two cores are the limit, shared with the load generator (6-7 µs of CPU per',
    '  statement). In the faster runs of 2026-11-27 11:00-12:30 UTC (null server 150-210k/s) the machine stayed',
    "  25-34 % idle during Aula's: there the writer's round trip is the limit (below). After the warm-up p99 is",
    '  about 1.9 × p50, and p50 = 100 × 10 / throughput.',
    '  0.5 × the null server (about 60,000/s when it runs at 120,000) needs at most about 29 µs of CPU per statement',
    '  on the two cores, the load generator\'s 6-7 included: Aula at about 22 µs, two thirds of its 33. A row',
    '  per request instead of a row per statement halves the writer\'s work in isolation (realistic batches:',
    '  9.5 -> 4.5 µs of CPU per statement), but not the throughput under load (below). Durability',
    '  (synchronous=FULL) is not the cost: FULL, NORMAL and OFF give the same throughput within the noise.',
    "- The writer's time under saturation, traced in its thread (2026-11-27): COMMIT 55-60 % of it (4-5 ms per group",
    '  of some 40 batches: the WAL written and fsynced, a checkpoint every 1,000 pages), running the jobs 20 %,',
    '  waiting for work 20 %. A group writes about 145 pages of WAL: three quarters of them the statement rows (a',
    "  600-byte statement takes about 900 with its columns), then the session index of the requests' rows (12 per",
    '  group), the activity index (7), the batch index (5), sessions (5) and players (3). Yet the volume is not the',
    "  limit: storing 1 % or half of each statement's text instead of all of it (as a bound, in alternating runs)",
    '  gave 48-50k and 44-48k/s against 43-51k. With the writer answering every batch without running any SQL,',
    "  Aula ran at 115k/s, 0.54 × that run's null server (212k/s; the same code stores 44-58k). Storing at all is",
    '  what separates Aula from 0.5 ×, but neither the volume written, nor the fsync at commit (NORMAL), nor the',
    '  checkpoints (on a thread of their own, below), nor the rows and index entries per statement moved the',
    '  throughput beyond the noise. Each batch stored as one row of a table with no index but its key (40 rows per',
    '  group instead of 400, as a bound) gave 51.5/58.7/46.4k against 52.0/52.2/50.0k in three alternating pairs',
    "  (2026-11-27 13:30 UTC); its writer still spent 5.0-5.6 ms in each group's COMMIT, 1.3 running the jobs and",
    '  2-4 waiting. Traced with strace, a COMMIT is about 265 writes to the WAL and one fsync (1.2 ms at p50, 3.0 at',
    '  p90): what stays is the cost of a commit per group on this machine, whatever it holds, and the round trip.',
    '  The games fall into two groups that take turns (one commits while the other is parsed), so each batch waits',
    '  about two cycles of 8-10 ms: p50 about 20 ms, and 100 batches of 10 every 20 ms are 50k/s. Of the COMMITs',
    '  (timed one by one, 2026-11-27 14:00 UTC), about half take 2-4 ms and one in six or seven 8-16 ms: those run',
    '  the WAL checkpoint (every 1,000 pages, about seven groups), 45 % of all COMMIT time. With no checkpoint at',
    '  all during the run (wal_autocheckpoint=0, as a bound: the WAL grows without end) Aula ran at 54.3k/59.0k',
    '  against 46.1k/43.6k, p99 33 against 42 ms; yet its ordinary commits grew to 4-8 ms, as each fsync then also',
    '  commits the growing file\'s size. Checkpoints every 4,000 pages instead: 53.4k/38.1k against 52.9k/50.5k, p99',
    '  51-67 ms against 33-39 (each checkpoint 30-40 ms). Checkpoints beside the writer are in "Tried and dropped".',
    '- A high "stolen" share in the machine rows means the hypervisor ran other machines on these cores: every',
    '  figure of that run is low, the null server\'s too; compare runs only when it is near zero.',
    '- Saturation is measured after 2 s of the same load, for each of the three servers alike (since 2026-11-27).',
    '  Traced per request (send time, latency), a run measured from its first request had its whole p99 in its',
    '  first second: every request of the slowest 1 % was sent in the first 0.6 s. Aula ran there at about half',
    '  speed, p50 45-55 ms against 20-25 after; its writer took 0.2-0.4 ms per batch against 0.15 later, and the',
    '  event loop\'s code was still being compiled. Measured from the first request, p99 was 51-90 ms across',
    '  runs; after the warm-up, 38 ms in a calm run (0.1 % stolen) and 66-106 ms in runs with 10-30 % stolen.',
    '  The warm-up\'s own figures are in the table; the large-store scenario measures a cold start on its own.',
    '- Changes and their effect, in order: writer on its own thread (parsing and SQLite in parallel); time-ordered',
    '  UUIDs for new ids (random ones made inserts into the unique index 2× slower); no per-player index on',
    '  statements (players are found through their sessions: +25 % writer throughput); alerts/results written by',
    '  the writer thread (a second writing connection blocked the event loop on the write lock); track bypasses the',
    '  generic middleware; a compiled `aula` (half the start time and memory of tsx); batches cross to the writer as',
    '  one flat array (structured clone in half the time); the depth check skips strings with indexOf (-35 % of',
    '  its cost); xAPI batches, starts, ends and refused requests written on the writer thread too (xAPI under 100',
    '  clients: p99 2.5 s -> 0.2-0.66 s; no write or fsync is left on the event loop while games send); then',
    '  (migration 6) a narrow row per statement plus a row per request holding session, player, stored and source,',
    "  the session indexed per request instead of per statement, and Aula's ids derived from seq instead of a stored",
    '  UUID with a unique index (writer, realistic batches in isolation: -4 to -6 µs of CPU per statement); a',
    "  game's batch in one multi-row INSERT (-1 µs); track keeping the session it admitted for a second (the",
    "  lookup was 6 % of the event loop); rules remembering each IRI's last part; batches and answers crossing",
    '  between the threads coalesced per turn of the event loop. Alternating 6-second runs of the old and the new',
    '  build on the same machine (ten pairs): 12.3-20.2k vs 16.1-22.6k statements/s. Then (migration 7) no index by',
    '  verb: a game interleaves its verbs, so each commit inserted into the middle of (verb_id, seq) at one point per',
    "  verb, splitting pages: a third of the writer's SQLite time and half the pages it wrote; alternating runs",
    '  22.4/25.4/22.6k without vs 25.1/27.5/25.3k with it dropped. A verb filter (xAPI GET) now walks the activity:',
    '  a page of a common verb in milliseconds, a verb that matches nothing about 1 s per million statements.',
    '  Batches cross to the writer as one string and a typed array (postMessage 1.45 -> 0.35 µs per statement).',
    '  Then the storm: a request over the in-flight budget is refused at once, before its body arrives, and the',
    '  budget is 2 MiB (about 5,000 statements, a fraction of a second of work) instead of 16 MiB, with half as much',
    '  again for regular batches (games still playing keep sending): p99 2.0-3.6 s -> 0.53-0.79 s (the null server',
    '  1.2-2.0 s in the same runs), all 256,000 stored, the storm lasting 16-19 s instead of 8-11 (refused games wait',
    '  out Retry-After: 1) with peak RSS 310-330 MB instead of 520. xAPI GET walks the activity in steps of 2,000',
    '  statements with the event loop\'s turn between them: a classroom\'s p50/p99 while a script asks back to back',
    '  for a verb no one sent went from 1,171/1,834 ms to 7.8/15.7 ms (large store, 1M). A returning game\'s backlog',
    '  is prepared in chunks of 1,000 statements: while a 6 MB one (13,000 statements) was taken, other games\'',
    '  batches waited up to 290 ms, now 135 ms (parsing, its garbage collection and the hand-off remain in one piece).',
    '  The start-up quick_check reads the whole file on a read-only connection of its own with a 2 MB page cache',
    "  (large store: peak RSS 140-146 -> 121-125 MB); on the writer's connection it filled the writer's 32 MB cache",
    '  with pages ingest never reads again. Above 64 MB it runs on a thread of its own: on the writer thread it held',
    "  the first games' batches for its whole duration (1M stored: a game's start and first batch answered 1.2-1.8 s",
    '  after the spawn, now 0.7-1.0 s, about 50-90 ms after the address is printed). The benchmark starts the compiled bundle, rebuilt first when server/',
    '  changed: through bin/aula.js a stale bundle meant the sources through tsx, and one run measured its',
    '  compiling (large store: ready after 1.9 s, 206-219 MB).',
    '  Then (2026-11-27) the event loop\'s per-statement work: an ordinary statement (compact, no id) is stored as the',
    '  game sent it with the session\'s extensions spliced in, byte for byte what augmenting and JSON.stringify wrote',
    '  (stringify was about 6 µs per statement); the nesting and number checks and the layout of the statements in one',
    '  pass over the decoded text (a Buffer\'s indexOf is a call into C++ per string skipped: the first splice, on',
    '  bytes, cost what it saved); the body hash in one crypto.hash call; results kept per player, then per object (a',
    '  three-part key string per statement before). The hand-off: the writer gets only the session\'s three ids, no',
    '  statement ids come back, and a game\'s batch crosses with five fields per statement and its summaries merged',
    '  (twelve before). The writer: an activity\'s statement count written once per group commit (once per batch',
    '  before). Measured without HTTP, in isolation and repeatable: the event loop\'s work 13.1-15.1 -> 8.9-9.3 µs',
    '  per statement, the writer\'s 18.3-19.0 -> 15.3-15.9; under saturation, server CPU 47-54 -> 39-44 µs per',
    '  statement in alternating runs. Then the writer runs a group\'s jobs in its one transaction without a savepoint',
    '  each, and in savepoints only after one of them failed (the group is rolled back and run again): SQLite copied',
    '  every page a batch touched into the savepoint\'s journal first, a fifth of the writer\'s CPU under load (perf);',
    '  alternating runs (four pairs): writer 14.6-16.7 -> 11.6-13.5 µs per statement, 28.2-32.7k -> 32.3-37.4k/s.',
    '  Results are written once a second instead of five times (a flush was some 600 upserts, 6-17 ms of one group',
    '  commit under saturation; alerts still go within 200 ms), xAPI batches count their activity once per group as',
    '  track\'s do, and track reads a statement\'s facts once for the summary, rules and results: the writer 0-1 µs',
    '  less per statement, the rest within the noise. The slowest 1 % of saturation requests (p99) nearly all wait on a',
    '  group commit that took over 15 ms (175 of 207 in one run): two thirds of those are commits that ran a WAL',
    '  checkpoint (10-26 ms), the rest groups slowed by the three busy threads on two cores.',
    '- Tried and dropped (no gain or worse): a larger young generation for the writer thread (more CPU and',
    '  memory); either storm change alone (lower admission limits, 4 MB / 8,000 statements: p99 2.9-4.7 s; the',
    '  early 503 alone: refused requests still waited 1.4 s at p50 behind the 84 admitted backlogs being parsed, 45',
    '  of them only to be refused by the queue limit); temp_store=MEMORY, wal_autocheckpoint=0 (within the noise in',
    '  isolation; no savepoints was too, but not under load, see above); `--max-semi-space-size=32` for node (no consistent gain in alternating runs);',
    '  `--single-threaded-gc` and wal_autocheckpoint=20000 under load (within the noise); the writer on the event',
    '  loop with an asynchronous fdatasync of the WAL on the thread pool (one thread then does all the work: 15-16k/s);',
    '  no WAL checkpoints during the classroom or saturation load (the same p99: checkpoints are not their tail);',
    '  holding batches on the event loop until the writer has answered its last group, so that each group crosses in',
    '  one message (the writer then waits for the round trip: -8 % in alternating runs); `--no-parallel-scavenge` set',
    '  at start-up, `--max-semi-space-size=32/64` again, mmap_size and a 64 MB page cache for the writer (within',
    '  the noise). 2026-11-27, alternating runs: checkpoints on a thread of their own (the writer 0.4-1.6 µs per',
    '  statement less, the same CPU on the new thread, throughput -3 to +10 %; with no checkpoint at all, as a bound,',
    '  p99 58-60 ms against 58-71); again, small and often (a PASSIVE checkpoint every 20, 50 or 200 ms on a',
    "  connection of its own, the writer's automatic one only at 8,192 pages: every 50 ms 54-58k against 46-53k/s in",
    '  three pairs but p99 42-45 ms against 35-38 (two more pairs: 45-49k against 45-51k, p99 39-51 against 36-41),',
    '  every 20 ms 40-53k against 44-51k in five pairs, every 200 ms p99',
    "  54-68 ms; the classroom's p99 7.6-11.4 against 8.3-10.6 ms: the database file's fsync shares the disk with",
    "  the writer's, and a commit that meets it waits 30-45 ms); synchronous=NORMAL with the WAL fsynced on the thread",
    '  pool before the answers, the writer running the next group meanwhile (40-48k against 49-57k/s, three pairs,',
    '  checkpoints beside the writer in both); groups of at most 12 batches (more commits: the writer 2 µs more per statement,',
    '  no gain); handing batches to the writer every 40 statements instead of once per turn; letting go of the',
    '  parsed body before the writer\'s round trip, with rules and results skipped (less for the garbage collector',
    '  to copy): all within the noise. A page of 16 KB instead of 4 (fewer WAL frames per commit): 46.5/61.1/51.5k',
    '  against 46.6/43.8/53.8k/s in three pairs, within the noise. The checkpoint moved out of COMMIT to just after',
    '  a group\'s answers have left (the writer\'s own, every seven groups, so the games it answered send again while',
    '  it runs): 43.2/42.3/42.2k against 48.7/42.0/53.5k/s, p99 41-46 against 35-44 ms, three pairs. SQLite built',
    '  with HAVE_FDATASYNC (better-sqlite3 is built without it, so every sync is an fsync, which also writes the',
    '  file\'s times; loaded through its nativeBinding option): 50.1/47.7/52.3k against 49.4/47.6/49.6k/s, p99',
    '  37-42 against 38-42 ms, within the noise. In those six runs the null server ran at 105-210k/s, so the same',
    '  Aula measured 0.23-0.45 × it. Without the index of the statement rows by batch, by activity, or both (as a',
    '  bound, in isolation: 1,500 groups of 100 batches of 10, fsynced): 5.3-6.9 against 6.1-6.2 µs of CPU per',
    '  statement, within the noise (2026-11-27 evening).',
    '- The session summary that tells a level\'s outcome from the game\'s, the refused batches counted per session and',
    '  the origins of imported sessions (migrations 10-12, 2026-11-27 evening) against the build before them, three',
    '  alternating pairs: 40.0/50.0/34.2k against 41.9/38.1/50.3k/s, p99 36-48 against 35-47 ms: no change that the',
    '  noise lets one see.',
    '- The storm uploads 95 MB on the same two cores: the null server itself needs 0.76-2.0 s at p99 (2026-11-27',
    "  11:00-12:30 UTC: 1.45-1.98 s, and Aula 1.45-2.25 s, the same as the null server's or within 0.45 s of it,",
    '  over the target where the null server itself is). Aula answers',
    '  most of it with a quick 503 and takes about 5,000 statements at a time. A refused request\'s body is still',
    '  sent and read (about 1,800-2,100 refusals of 256 KB: 460-540 MB against the storm\'s 95 MB), unless the game',
    '  asked first with `Expect: 100-continue`, as UnityWebRequest does by default: Aula then sends `100 Continue`',
    '  only when it reads the body, and a refused game uploads nothing (2026-11-27, two runs: p99 0.52 and 0.71 s',
    '  against 1.65 and 1.31 s for the same storm without it, the storm over in 11.3-12.6 s instead of 13.7-17.3,',
    '  peak RSS 258-289 MB instead of 318-325). Without Expect the refused body has to be read: closing the',
    '  connection instead can reset it before the game has read its 503 (Windows drops what it had not read).',
    '  Across the evening of 2026-11-27 the storm with Expect varied far more than that: p99 0.50, 0.70, 0.88, 1.01,',
    '  1.11 and 2.85 s in runs of the same build, and 0.59-2.13 s in four alternating runs against the build of the',
    '  morning (0.59 and 1.32 s for it, 2.13 and 0.75 for the new one): met in about half of the runs, and the null',
    '  server needed 1.3-2.0 s for the same storm.',
    '  A session\'s first batch sent without Expect no longer gets that quick 503 (2026-11-27 night): js-tracker 0.9.2',
    '  sends what it kept while its start failed in that one request and crashes when it is refused, so it waits',
    '  unread for room (64 at a time, at most 30 s), in order of arrival. The storm without Expect, whose backlogs',
    '  are all first batches, then took 9.0 and 9.6 s instead of 13.7-17.3, with 968 refusals instead of 1,800-2,100,',
    '  but p99 2.43 and 3.57 s (null server 1.66-1.72 s) against 1.3-2.25 s before: a request now waits its turn',
    '  where it used to be refused and sent again. With Expect (Unity, C#: they keep a refused batch) nothing waits:',
    '  p99 1.38 s in the same run (3.70 s in a run where those waited too).',
    '- The full run of 2026-11-28 01:40 UTC (the table above), after the stored clock, rules read back across restarts,',
    '  xAPI attachments and the import on its own thread landed: saturation 0.259 × (0.239 × in the run before them,',
    '  within the noise), p99 46 ms; the classroom p99 10.6 ms (the null server 4.3, the disk floor 3.2); the storm',
    '  without Expect 8.2 s, p99 2.15 s; with Expect p99 0.92 s, under the target in this run; the large store ready',
    '  after 0.77 s, 126 MB.',
    '- The full run of 2026-11-28 05:25 UTC (the table above), after this morning\'s dashboard changes: saturation',
    '  0.250 × (44.6k/s against 178.5k/s), p99 41 ms; the classroom p99 9.0 ms, under the target in this run (the null',
    '  server 4.0, the disk floor 3.1); the storm without Expect 8.5 s, p99 2.40 s; with Expect p99 0.94 s; the large',
    '  store ready after 0.81 s, 137 MB. Its peak RSS was 122-129 MB at each commit of the morning up to 48bf198, then',
    '  135-141 MB from 68c4348 on (large store alone, 2026-11-28 05:45-05:56: 48bf198 122.9/123.5, 68c4348 139/141.4',
    '  in alternating runs), the commit that has Live name an xAPI game\'s object. Not its reads of statements: with',
    '  the lookup given no objects 136 MB, without the call at all 139.9; with the server files of 48bf198, 128.7. Cause not',
    '  found; within the target (150 MB), with 9-15 MB left.',
    '- The parser, the writer and the load generator share the 2 cores, so these figures understate a laptop whose',
    '  games are on other machines. The machine itself varies: in the same hour the null server ran at 110-180k/s, and',
    '  the classroom\'s p99 (the 6th slowest of 600 requests) was 6.6-12 ms, a run being over 10 ms when the null',
    '  server\'s own p99 was over 5 (its usual is 2-3): the slow requests then coincide with pauses of the whole',
    '  process of 4-30 ms, with nothing running on its event loop (CPU profile).',
    '- What a slow classroom request waits on (traced per request on 2026-11-27: the client\'s send, the track handler,',
    '  the hand-off, the writer thread\'s receipt, its commit). Of the 15 slowest of 600, some had a commit (its',
    '  fsync) of 2-5 ms; the rest of their time lay between steps: 4-6 ms before the request reached the handler,',
    '  1-4 ms between the hand-off and the writer receiving it, 2-3 ms between the answer leaving and the client',
    '  reading it. Each hop between threads or processes wakes an idle virtual CPU: the null server has two per',
    '  request, Aula four and an fsync. The disk-floor row (a bare fsynced commit of one batch at the same pace) had',
    '  a p99 of 2.2-8.1 ms across that day\'s runs. V8\'s memory reducer ran full collections of 2-7 ms in the writer',
    '  thread under this light load; with it switched off they were gone, but the classroom\'s p99 did not measurably',
    '  change: between runs of one build the p50 itself went from 3 to 8 ms as the hypervisor took the CPU.',
    '',
  );
  return `${lines.join('\n')}\n`;
}

const round = (value: number) => Math.round(value * 10) / 10;
const fmt = (latency: { p50: number; p95: number; p99: number; max: number }) =>
  [latency.p50, latency.p95, latency.p99, latency.max].map(round).join(' / ');
