-- wrk: every request is a PUT of the same 4 KiB body (to a presigned PUT URL or a discard server).
wrk.method = "PUT"
wrk.body = string.rep("p", 4096)
wrk.headers["Content-Type"] = "application/octet-stream"
