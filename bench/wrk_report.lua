-- Printed by wrk when a run ends, read by bench/load.py: requests, duration (µs), p50 and p99
-- latency (µs) and failures (non-2xx/3xx answers and socket errors).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status + e.connect + e.read + e.write + e.timeout))
end
