import os from 'node:os';

/** The machine a figure was measured on, printed with every result. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    /** Other work on the machine skews every absolute figure; the ratio to the baseline less so. */
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** Peak resident memory: sampled every 100 ms, and the kernel's high-water mark at the end. */
export function trackMemory() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const kernelPeak = process.resourceUsage().maxRSS * 1024;
      return Math.max(peak, kernelPeak, process.memoryUsage().rss);
    },
  };
}

export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
