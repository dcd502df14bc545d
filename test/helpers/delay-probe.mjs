// Loaded with `node --import` into a process a test runs (the CLI): measures that process's event-loop
// delay and, at exit, appends its worst (ms) as a line to the file named by DELAY_PROBE_FILE. A window
// check at the server then allows for the delay of the processes that sent the requests.
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env['DELAY_PROBE_FILE'];
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  process.on('exit', () => {
    histogram.disable();
    appendFileSync(file, `${Math.max(0, histogram.max / 1e6 - 5)}\n`);
  });
}
