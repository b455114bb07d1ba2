-- bench/save.lua: wrk script of the admin-save row of bench/run.  One connection per
-- wrk thread (wrk -tN -cN), so each thread sends its saves one after the other.  Thread
-- k edits event BENCH_FIRST + k (events made for this row), through the real form:
-- POST /admin/events/ID with the session cookie, the CSRF token and the version the
-- thread last saw.  A 303 (saved) moves the version on by one; a 409 (conflict) page
-- carries the current version, which the next save uses.  Env: BENCH_TOKEN, BENCH_CSRF,
-- BENCH_FIRST, BENCH_ORIGIN, BENCH_VERSIONS (the events' versions when the run starts).
local n, threads = 0, {}
function setup(thread)
  thread:set("k", n)
  n = n + 1
  threads[n] = thread
end
local id, version, edit = 0, 1, 0
bad, lastbad = 0, ""
function init(args)
  id = tonumber(os.getenv("BENCH_FIRST")) + k
  local j = 0
  for v in string.gmatch(os.getenv("BENCH_VERSIONS"), "%d+") do
    if j == k then version = tonumber(v) end
    j = j + 1
  end
  wrk.headers["Cookie"] = "aberta=" .. os.getenv("BENCH_TOKEN")
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Origin"] = os.getenv("BENCH_ORIGIN")
end
function request()
  edit = edit + 1
  local body = "csrf=" .. os.getenv("BENCH_CSRF") .. "&version=" .. version ..
    "&title_pt=Evento+de+teste+para+grava%C3%A7%C3%B5es+" .. id .. "+(edi%C3%A7%C3%A3o+" .. edit .. ")" ..
    "&title_en=Test+event+for+saves+" .. id .. "+(edit+" .. edit .. ")" ..
    "&kind=other&start_date=2030-01-01&date_confidence=confirmed"
  return wrk.format("POST", "/admin/events/" .. id, nil, body)
end
function response(status, headers, body)
  if status == 303 then
    version = version + 1
  else
    bad = bad + 1
    lastbad = lastbad .. " " .. status
    local v = body and body:match('name="version" value="(%d+)"')
    if v then version = tonumber(v) end
  end
end
-- Writes the statuses other than 303 on stderr (bench/run keeps them in its notes).
function save_report()
  for _, t in ipairs(threads) do
    if t:get("bad") > 0 then io.stderr:write("SAVE non-303:" .. t:get("lastbad") .. "\n") end
  end
end
