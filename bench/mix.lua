-- wrk: cycle through the paths in BENCH_PATHS (comma-separated) — the soak test's mix.
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "/de/", "([^,]+)") do
  table.insert(paths, p)
end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
