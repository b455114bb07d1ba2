-- bench/soak.lua: wrk script of bench/run's memory check and of its "every query new"
-- rows: the addresses of BENCH_PATHS in turn, each with a query never asked before
-- (n=<thread>-<count>), so that a worker renders every one (neither the page cache nor
-- the memo of queries can answer it).
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS"), "%S+") do paths[#paths + 1] = p end
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local i = 0
function request()
  i = i + 1
  local p = paths[(i % #paths) + 1]
  local sep = string.find(p, "?", 1, true) and "&" or "?"
  return wrk.format("GET", p .. sep .. "n=" .. tostring(tid) .. "-" .. i)
end
