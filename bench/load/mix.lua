-- wrk script for bench/load/run.sh: cycles through the request paths of a mix file (one a line),
-- each wrk thread starting at its own offset. Usage: wrk ... -s mix.lua URL -- MIX_FILE
local paths = {}
local next_index = 1
local threads_started = 0

function setup(thread)
  thread:set("thread_number", threads_started)
  threads_started = threads_started + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no request paths in " .. tostring(args[1])) end
  next_index = ((thread_number or 0) * 7919) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end
