-- wrk script for `mijnservices bench`: requests the lines of a file in turn
-- ("<path>\t<cookie>", the cookie may be empty: one session per simulated citizen),
-- collects the server's Server-Timing entries and prints one JSON line at the end.
-- With a BODY_FILE it POSTs that body (JSON) to the paths instead, and only 201 succeeds.
-- Usage: wrk -s paths.lua URL -- PATHS_FILE [BODY_FILE]

local threads = {}
local lines = {}
local counter = 0
local body = nil
app_sum, cpu_sum, timed, failed = 0, 0, 0, 0

function setup(thread)
   thread:set("offset", #threads * 7919)
   table.insert(threads, thread)
end

function init(args)
   for line in io.lines(args[1]) do
      local path, cookie = line:match("^([^\t]+)\t?(.*)$")
      if path then table.insert(lines, { path, cookie }) end
   end
   if args[2] then
      local file = io.open(args[2], "rb")
      body = file:read("*a")
      file:close()
   end
   counter = offset or 0
end

function request()
   counter = counter + 1
   local item = lines[(counter % #lines) + 1]
   local headers = {}
   for name, value in pairs(wrk.headers) do headers[name] = value end
   if item[2] ~= "" then headers["Cookie"] = item[2] end
   if body then return wrk.format("POST", item[1], headers, body) end
   return wrk.format("GET", item[1], headers)
end

function response(status, headers, response_body)
   if status ~= (body and 201 or 200) then failed = failed + 1 end
   local timing = headers["Server-Timing"] or headers["server-timing"]
   if timing then
      local app = tonumber(timing:match("app;dur=([%d%.]+)"))
      local cpu = tonumber(timing:match("cpu;dur=([%d%.]+)"))
      if app and cpu then
         app_sum, cpu_sum, timed = app_sum + app, cpu_sum + cpu, timed + 1
      end
   end
end

function done(summary, latency, requests)
   local app, cpu, n, bad = 0, 0, 0, 0
   for _, thread in ipairs(threads) do
      app = app + thread:get("app_sum")
      cpu = cpu + thread:get("cpu_sum")
      n = n + thread:get("timed")
      bad = bad + thread:get("failed")
   end
   local errors = summary.errors
   io.write(string.format(
      'WRK {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
      '"non_200": %d, "socket_errors": %d, "timed": %d, "app_ms_sum": %.3f, "cpu_ms_sum": %.3f}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
      latency:percentile(99), bad, errors.connect + errors.read + errors.write + errors.timeout,
      n, app, cpu))
end
