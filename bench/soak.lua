-- bench/soak.lua: wrk script of bench/run's memory check: pages rendered by the workers
-- every time (a query string keeps them out of the page cache), in turn.
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS"), "%S+") do paths[#paths + 1] = p end
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
